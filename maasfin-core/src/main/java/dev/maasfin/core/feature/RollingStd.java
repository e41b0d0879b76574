// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * Rolling mean, standard deviation and z-score over the last {@code period} values.
 *
 * <p>Default {@link Deviation#POPULATION} (TA-Lib {@code STDDEV}, divide by {@code n}); {@link
 * Deviation#SAMPLE} is a named option. z-score = {@code (x - mean) / sd}. Warm-up {@code period -
 * 1}.
 *
 * <p>Numerics: a Welford-style sliding update ({@code m2 += d * ((x_in - mean_new) + (x_out -
 * mean_old))}) with a two-pass recomputation of the window every {@value #RECOMPUTE_INTERVAL}
 * outputs and whenever {@code m2} falls below 1/1000 of its peak since the last recomputation (a
 * sharp fall in variance would otherwise leave mostly rounding error), with {@code m2} floored at
 * 0; amortised O(1 + period/64) per bar. A standard deviation below {@code 1e-12 * |mean|} is
 * rounding noise of a constant window and is reported as exactly 0; the z-score of a zero-sd window
 * is 0 (the value equals the mean).
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class RollingStd {
    static final double ZERO_SD_RELATIVE = 1e-12;

    /** Outputs between two two-pass recomputations of the window's mean and squared deviations. */
    public static final int RECOMPUTE_INTERVAL = 64;

    /** Recompute when {@code m2} falls below this share of its peak since the last recompute. */
    static final double CANCELLATION_GUARD = 1e-3;

    private RollingStd() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    /**
     * Returns the rolling population standard deviation in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] compute(double[] x, int period) {
        return compute(x, period, Deviation.POPULATION);
    }

    /**
     * Returns the rolling standard deviation of the given kind in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} ({@code < 2} for sample), {@code
     *     deviation} is null or a value is not finite
     */
    public static double[] compute(double[] x, int period, Deviation deviation) {
        double[] out = new double[Checks.finite("x", x).length];
        into(x, period, deviation, null, out);
        return out;
    }

    /**
     * Returns the rolling z-score {@code (x - mean) / sd} in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} ({@code < 2} for sample), {@code
     *     deviation} is null or a value is not finite
     */
    public static double[] zScore(double[] x, int period, Deviation deviation) {
        double[] mean = new double[Checks.finite("x", x).length];
        double[] sd = new double[x.length];
        into(x, period, deviation, mean, sd);
        for (int i = 0; i < x.length; i++) {
            mean[i] = zScore(x[i], mean[i], sd[i]);
        }
        return mean;
    }

    /**
     * Writes the rolling mean (if {@code meanOut} is not null) and standard deviation without
     * allocating.
     *
     * @throws IllegalArgumentException if {@code period < 1} ({@code < 2} for sample), {@code
     *     deviation} is null, a value is not finite or an output is too short
     */
    public static void into(
            double[] x, int period, Deviation deviation, double[] meanOut, double[] sdOut) {
        Objects.requireNonNull(deviation, "deviation").checkPeriod(period);
        Checks.finite("x", x);
        Checks.out(sdOut, x.length);
        if (meanOut != null) {
            Checks.out(meanOut, x.length);
        }
        kernel(x, 0, x.length, period, deviation.ddof(), meanOut, sdOut);
    }

    static double zScore(double x, double mean, double sd) {
        return sd == 0 ? 0 : (x - mean) / sd;
    }

    static double sd(double m2, double mean, int n, int ddof) {
        double sd = Math.sqrt(Math.max(m2, 0) / (n - ddof));
        return sd <= ZERO_SD_RELATIVE * Math.abs(mean) ? 0 : sd;
    }

    /** Rolling mean/sd of {@code x[from, to)}; {@code meanOut} may be null. */
    static void kernel(
            double[] x, int from, int to, int n, int ddof, double[] meanOut, double[] sdOut) {
        int first = from + n - 1;
        Checks.fillNaN(sdOut, from, Math.min(first, to));
        if (meanOut != null) {
            Checks.fillNaN(meanOut, from, Math.min(first, to));
        }
        Moments m = new Moments();
        for (int i = first; i < to; i++) {
            if (i == first || m.slide(x[i], x[i - n], n)) {
                m.reset(x, i - n + 1, i + 1);
            }
            write(i, m.mean, m.m2, n, ddof, meanOut, sdOut);
        }
    }

    /**
     * Window mean and sum of squared deviations under a sliding update, with the two recomputation
     * triggers shared by batch and streaming: every {@value #RECOMPUTE_INTERVAL} slides, and
     * whenever {@code m2} falls below {@value #CANCELLATION_GUARD} of its largest value since the
     * last recomputation (the update subtracts, so a sharp fall in variance would otherwise leave
     * mostly rounding error).
     */
    static final class Moments {
        double mean;
        double m2;
        private double peak;
        private int slides;

        void reset(double[] x, int from, int to) {
            mean = Sma.windowSum(x, from, to) / (to - from);
            m2 = sumSquares(x, from, to, mean);
            peak = m2;
            slides = 0;
        }

        /** Replaces {@code out} by {@code in}; returns whether a recomputation is due. */
        boolean slide(double in, double out, int n) {
            double next = mean + (in - out) / n;
            m2 += (in - out) * ((in - next) + (out - mean));
            mean = next;
            peak = Math.max(peak, m2);
            return ++slides == RECOMPUTE_INTERVAL || m2 < peak * CANCELLATION_GUARD;
        }
    }

    private static void write(
            int i, double mean, double m2, int n, int ddof, double[] meanOut, double[] sdOut) {
        sdOut[i] = sd(m2, mean, n, ddof);
        if (meanOut != null) {
            meanOut[i] = mean;
        }
    }

    static double sumSquares(double[] x, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - mean;
            s += d * d;
        }
        return s;
    }

    /**
     * Creates an O(1), allocation-free streaming rolling mean and standard deviation.
     *
     * @throws IllegalArgumentException if {@code period < 1} ({@code < 2} for sample) or {@code
     *     deviation} is null
     */
    public static Stream stream(int period, Deviation deviation) {
        return new Stream(period, deviation);
    }

    /**
     * Incremental rolling mean and standard deviation, bit-identical to the batch kernel when fed
     * the same values from the same start. Not thread-safe.
     */
    public static final class Stream {
        private final double[] ring;
        private final double[] scratch;
        private final int n;
        private final int ddof;
        private int pos;
        private long count;
        private final Moments moments = new Moments();
        private double sd = Double.NaN;
        private double last;

        Stream(int period, Deviation deviation) {
            this.n = Objects.requireNonNull(deviation, "deviation").checkPeriod(period);
            this.ddof = deviation.ddof();
            this.ring = new double[period];
            this.scratch = new double[period];
        }

        /**
         * Adds the next value and returns the standard deviation at it ({@code NaN} during
         * warm-up).
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public double update(double x) {
            Checks.finiteBar("x", x, count);
            double old = ring[pos];
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            last = x;
            count++;
            if (count < n) {
                return sd;
            }
            if (count == n || moments.slide(x, old, n)) {
                recompute();
            }
            sd = RollingStd.sd(moments.m2, moments.mean, n, ddof);
            return sd;
        }

        private void recompute() {
            for (int k = 0; k < n; k++) {
                int j = pos + k;
                scratch[k] = ring[j >= n ? j - n : j];
            }
            moments.reset(scratch, 0, n);
        }

        /** Returns the latest rolling mean, {@code NaN} during warm-up. */
        public double mean() {
            return count >= n ? moments.mean : Double.NaN;
        }

        /** Returns the latest standard deviation, {@code NaN} during warm-up. */
        public double sd() {
            return sd;
        }

        /** Returns the latest z-score, {@code NaN} during warm-up. */
        public double zScore() {
            return count >= n ? RollingStd.zScore(last, moments.mean, sd) : Double.NaN;
        }
    }
}
