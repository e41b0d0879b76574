// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} values (TA-Lib {@code
 * SMA}).
 *
 * <p>Warm-up: the first {@code period - 1} outputs are {@code NaN}; the first value is at index
 * {@code period - 1}. The window sum is kept as a running sum ({@code sum += x[t] - x[t-n]}) and
 * re-summed from the window every {@value #RESUM_INTERVAL} outputs, which bounds the rounding drift
 * of the running sum (measured by {@code SmaDriftTest}, SMA(50) over 1,000,000 bars of a random
 * walk, against an exact BigDecimal mean: largest relative error 1.7e-14, against 1.8e-12 with no
 * re-summation). Streaming and batch use the same re-summation points, so a stream fed the same
 * values from the same start gives bit-identical results. The rounding error is relative to the
 * magnitude of the window's values, not of their mean: the SMA of values that cancel (returns
 * around 0) can carry an absolute error near {@code 1e-16 * max|x|}.
 *
 * <p>Thread safety: the static methods are stateless and thread-safe; a {@link Stream} is not
 * thread-safe (one per instrument and thread).
 */
public final class Sma {
    /** Outputs between two re-summations of the window sum. */
    public static final int RESUM_INTERVAL = 4096;

    private Sma() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    /**
     * Returns the SMA of {@code x} in a new array of the same length.
     *
     * @param x input values, all finite
     * @param period window length, {@code >= 1}
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite (naming its
     *     index)
     */
    public static double[] compute(double[] x, int period) {
        double[] out = new double[Checks.finite("x", x).length];
        into(x, period, out);
        return out;
    }

    /**
     * Writes the SMA of {@code x} into {@code out[0 .. x.length)} without allocating.
     *
     * @throws IllegalArgumentException if {@code period < 1}, a value is not finite, or {@code out}
     *     is shorter than {@code x}
     */
    public static void into(double[] x, int period, double[] out) {
        Checks.period("period", period);
        Checks.finite("x", x);
        kernel(x, 0, x.length, period, Checks.out(out, x.length));
    }

    /**
     * SMA of {@code x[from, to)} into {@code out[from, to)}; {@code NaN} before the first window.
     */
    static void kernel(double[] x, int from, int to, int n, double[] out) {
        int first = from + n - 1;
        Checks.fillNaN(out, from, Math.min(first, to));
        for (int start = first; start < to; start += RESUM_INTERVAL) {
            double sum = windowSum(x, start - n + 1, start + 1);
            out[start] = sum / n;
            int end = Math.min(to, start + RESUM_INTERVAL);
            for (int i = start + 1; i < end; i++) {
                sum += x[i] - x[i - n];
                out[i] = sum / n;
            }
        }
    }

    static double windowSum(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }

    /**
     * Creates an O(1), allocation-free streaming SMA.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static Stream stream(int period) {
        return new Stream(period);
    }

    /**
     * Incremental SMA: each {@link #update(double)} costs O(1) and allocates nothing, and gives the
     * same value as {@link Sma#compute} over all values so far. Not thread-safe.
     */
    public static final class Stream {
        private final double[] ring;
        private final int n;
        private int pos;
        private long count;
        private int sinceResum;
        private double sum;
        private double value = Double.NaN;

        Stream(int period) {
            this.n = Checks.period("period", period);
            this.ring = new double[period];
        }

        /**
         * Adds the next value and returns the SMA at it ({@code NaN} during warm-up).
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public double update(double x) {
            Checks.finiteBar("x", x, count);
            double old = ring[pos];
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            count++;
            if (count < n) {
                return value;
            }
            if (count == n || ++sinceResum == RESUM_INTERVAL) {
                sinceResum = 0;
                sum = ringSum();
            } else {
                sum += x - old;
            }
            value = sum / n;
            return value;
        }

        private double ringSum() {
            double s = 0;
            for (int k = 0; k < n; k++) {
                int j = pos + k;
                s += ring[j >= n ? j - n : j];
            }
            return s;
        }

        /** Returns the latest SMA, {@code NaN} during warm-up. */
        public double value() {
            return value;
        }

        /** Returns how many values were added. */
        public long count() {
            return count;
        }
    }
}
