// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * Bollinger bands (TA-Lib {@code BBANDS} with an SMA middle): middle = SMA(period), upper/lower =
 * middle ± k·sd, %B = {@code (x - lower) / (upper - lower)}, bandwidth = {@code (upper - lower) /
 * middle}.
 *
 * <p>The sd is the <b>population</b> standard deviation of the window by default (TA-Lib,
 * TradingView, Bollinger's definition); {@link Deviation#SAMPLE} gives the wider pandas-style bands
 * and is never a silent default. Warm-up {@code period - 1}. When the window is constant the bands
 * have zero width; %B is then 0.5 (the value sits on the middle band) and bandwidth 0. Numerics as
 * in {@link RollingStd}.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Bollinger {
    private Bollinger() {}

    /** The five Bollinger outputs, each as long as the input (the caller owns the arrays). */
    public static final class Result {
        final double[] middle;
        final double[] upper;
        final double[] lower;
        final double[] percentB;
        final double[] bandwidth;

        Result(int length) {
            middle = new double[length];
            upper = new double[length];
            lower = new double[length];
            percentB = new double[length];
            bandwidth = new double[length];
        }

        /** Returns the middle band (SMA). */
        public double[] middle() {
            return middle;
        }

        /** Returns the upper band. */
        public double[] upper() {
            return upper;
        }

        /** Returns the lower band. */
        public double[] lower() {
            return lower;
        }

        /** Returns %B. */
        public double[] percentB() {
            return percentB;
        }

        /** Returns the bandwidth, {@code (upper - lower) / middle}. */
        public double[] bandwidth() {
            return bandwidth;
        }
    }

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    static double checkK(double k) {
        return Checks.positive("k", k);
    }

    /**
     * Computes population-sd bands into new arrays.
     *
     * @param k band width in standard deviations, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code period < 1}, {@code k} is not finite and positive
     *     or a value is not finite
     */
    public static Result compute(double[] x, int period, double k) {
        return compute(x, period, k, Deviation.POPULATION);
    }

    /**
     * Computes bands with the given deviation convention into new arrays.
     *
     * @throws IllegalArgumentException if {@code period} is too small for {@code deviation}, {@code
     *     k} is not finite and positive, {@code deviation} is null or a value is not finite
     */
    public static Result compute(double[] x, int period, double k, Deviation deviation) {
        Result r = new Result(Checks.finite("x", x).length);
        into(x, period, k, deviation, r.middle, r.upper, r.lower, r.percentB, r.bandwidth);
        return r;
    }

    /**
     * Writes the five outputs into caller arrays without allocating.
     *
     * @throws IllegalArgumentException as {@link #compute(double[], int, double, Deviation)}, or if
     *     an output is shorter than {@code x}
     */
    public static void into(
            double[] x,
            int period,
            double k,
            Deviation deviation,
            double[] middle,
            double[] upper,
            double[] lower,
            double[] percentB,
            double[] bandwidth) {
        Objects.requireNonNull(deviation, "deviation").checkPeriod(period);
        checkK(k);
        Checks.finite("x", x);
        for (double[] o : new double[][] {middle, upper, lower, percentB, bandwidth}) {
            Checks.out(o, x.length);
        }
        kernel(x, x.length, period, k, deviation.ddof(), middle, upper, lower, percentB, bandwidth);
    }

    /** Uses {@code upper} as the sd scratch before overwriting it with the band. */
    static void kernel(
            double[] x,
            int to,
            int n,
            double k,
            int ddof,
            double[] middle,
            double[] upper,
            double[] lower,
            double[] percentB,
            double[] bandwidth) {
        RollingStd.kernel(x, 0, to, n, ddof, middle, upper);
        for (int i = 0; i < to; i++) {
            double m = middle[i];
            double sd = upper[i];
            upper[i] = m + k * sd;
            lower[i] = m - k * sd;
            percentB[i] = percentB(x[i], lower[i], upper[i]);
            bandwidth[i] = (upper[i] - lower[i]) / m;
        }
    }

    static double percentB(double x, double lower, double upper) {
        double width = upper - lower;
        return width == 0 ? 0.5 : (x - lower) / width;
    }

    /**
     * Creates an O(1), allocation-free streaming Bollinger band.
     *
     * @throws IllegalArgumentException as {@link #compute(double[], int, double, Deviation)}
     */
    public static Stream stream(int period, double k, Deviation deviation) {
        return new Stream(period, k, deviation);
    }

    /** Incremental Bollinger bands, equal to the batch values. Not thread-safe. */
    public static final class Stream {
        private final RollingStd.Stream std;
        private final double k;
        private double last;

        Stream(int period, double k, Deviation deviation) {
            this.std = new RollingStd.Stream(period, deviation);
            this.k = checkK(k);
        }

        /**
         * Adds the next value.
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public void update(double x) {
            std.update(x);
            last = x;
        }

        /** Returns the middle band, {@code NaN} during warm-up. */
        public double middle() {
            return std.mean();
        }

        /** Returns the upper band, {@code NaN} during warm-up. */
        public double upper() {
            return std.mean() + k * std.sd();
        }

        /** Returns the lower band, {@code NaN} during warm-up. */
        public double lower() {
            return std.mean() - k * std.sd();
        }

        /** Returns %B (0.5 for zero-width bands), {@code NaN} during warm-up. */
        public double percentB() {
            return Double.isNaN(std.sd()) ? Double.NaN : Bollinger.percentB(last, lower(), upper());
        }

        /** Returns the bandwidth, {@code NaN} during warm-up. */
        public double bandwidth() {
            return (upper() - lower()) / middle();
        }
    }
}
