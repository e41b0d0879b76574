// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Relative strength index with Wilder smoothing (TA-Lib {@code RSI}, as on TradingView).
 *
 * <p>With {@code change_t = x_t - x_{t-1}}, gains {@code max(change, 0)} and losses {@code
 * max(-change, 0)}: the averages are seeded at index {@code period} with the simple mean of changes
 * {@code 1..period}, then {@code avg_t = ((period - 1) * avg_{t-1} + value_t) / period}. RSI =
 * {@code 100 * G / (G + L)}, so a window without losses gives exactly 100. Warm-up: {@code period}
 * (the first value needs {@code period + 1} inputs).
 *
 * <p>Flat input (no gains and no losses, {@code G + L == 0}) gives <b>0.0</b>, as TA-Lib does; the
 * batch and streaming forms give the same answer. Output lies in [0, 100]: the ratio {@code G / (G
 * + L)} is taken first, so rounding never gives 100.00000000000001.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Rsi {
    /** The RSI reported when there are neither gains nor losses (TA-Lib's answer). */
    public static final double FLAT_VALUE = 0.0;

    private Rsi() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period);
    }

    /**
     * Returns the RSI of {@code x} in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] compute(double[] x, int period) {
        double[] out = new double[Checks.finite("x", x).length];
        into(x, period, out);
        return out;
    }

    /**
     * Writes the RSI of {@code x} into {@code out} without allocating.
     *
     * @throws IllegalArgumentException if {@code period < 1}, a value is not finite or {@code out}
     *     is shorter than {@code x}
     */
    public static void into(double[] x, int period, double[] out) {
        Checks.period("period", period);
        Checks.finite("x", x);
        kernel(x, x.length, period, Checks.out(out, x.length));
    }

    static void kernel(double[] x, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n, to));
        if (n >= to) {
            return;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= n; i++) {
            double d = x[i] - x[i - 1];
            gain += d > 0 ? d : 0;
            loss += d < 0 ? -d : 0;
        }
        gain /= n;
        loss /= n;
        out[n] = rsi(gain, loss);
        for (int i = n + 1; i < to; i++) {
            double d = x[i] - x[i - 1];
            gain = ((n - 1) * gain + (d > 0 ? d : 0)) / n;
            loss = ((n - 1) * loss + (d < 0 ? -d : 0)) / n;
            out[i] = rsi(gain, loss);
        }
    }

    static double rsi(double gain, double loss) {
        double total = gain + loss;
        return total == 0 ? FLAT_VALUE : 100 * (gain / total);
    }

    /**
     * Creates an O(1), allocation-free streaming RSI.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static Stream stream(int period) {
        return new Stream(period);
    }

    /** Incremental RSI giving the same values as {@link Rsi#compute}. Not thread-safe. */
    public static final class Stream {
        private final int n;
        private long count;
        private double prev;
        private double gain;
        private double loss;
        private double value = Double.NaN;

        Stream(int period) {
            this.n = Checks.period("period", period);
        }

        /**
         * Adds the next value and returns the RSI at it ({@code NaN} during warm-up).
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public double update(double x) {
            Checks.finiteBar("x", x, count);
            long i = count++;
            double d = x - prev;
            prev = x;
            if (i == 0) {
                return value;
            }
            double g = d > 0 ? d : 0;
            double l = d < 0 ? -d : 0;
            if (i < n) {
                gain += g;
                loss += l;
            } else if (i == n) {
                gain = (gain + g) / n;
                loss = (loss + l) / n;
                value = rsi(gain, loss);
            } else {
                gain = ((n - 1) * gain + g) / n;
                loss = ((n - 1) * loss + l) / n;
                value = rsi(gain, loss);
            }
            return value;
        }

        /** Returns the latest RSI, {@code NaN} during warm-up. */
        public double value() {
            return value;
        }
    }
}
