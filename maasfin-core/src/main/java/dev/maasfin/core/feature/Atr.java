// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Average true range with Wilder smoothing (TA-Lib {@code ATR}).
 *
 * <p>The true range starts at bar 1 ({@link TrueRange}). The ATR is seeded at index {@code period}
 * with the mean of true ranges {@code 1..period}, then {@code atr_t = ((period - 1) * atr_{t-1} +
 * tr_t) / period}. Warm-up: {@code period}.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Atr {
    private Atr() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period);
    }

    /**
     * Returns the ATR in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1}, lengths differ or a value is not
     *     finite
     */
    public static double[] compute(double[] high, double[] low, double[] close, int period) {
        Checks.hlc(high, low, close);
        double[] out = new double[close.length];
        into(high, low, close, period, out);
        return out;
    }

    /**
     * Writes the ATR into {@code out} without allocating.
     *
     * @throws IllegalArgumentException if {@code period < 1}, lengths differ, a value is not finite
     *     or {@code out} is shorter than the input
     */
    public static void into(double[] high, double[] low, double[] close, int period, double[] out) {
        Checks.period("period", period);
        Checks.hlc(high, low, close);
        kernel(high, low, close, close.length, period, Checks.out(out, close.length));
    }

    static void kernel(double[] high, double[] low, double[] close, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n, to));
        if (n >= to) {
            return;
        }
        double atr = 0;
        for (int i = 1; i <= n; i++) {
            atr += TrueRange.of(high[i], low[i], close[i - 1]);
        }
        atr /= n;
        out[n] = atr;
        for (int i = n + 1; i < to; i++) {
            atr = ((n - 1) * atr + TrueRange.of(high[i], low[i], close[i - 1])) / n;
            out[i] = atr;
        }
    }

    /**
     * Creates an O(1), allocation-free streaming ATR.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static Stream stream(int period) {
        return new Stream(period);
    }

    /** Incremental ATR (and true range) giving the batch values. Not thread-safe. */
    public static final class Stream {
        private final int n;
        private long count;
        private double prevClose;
        private double trueRange = Double.NaN;
        private double value = Double.NaN;

        Stream(int period) {
            this.n = Checks.period("period", period);
        }

        /**
         * Adds the next bar and returns the ATR at it ({@code NaN} during warm-up).
         *
         * @throws IllegalArgumentException if a value is not finite
         */
        public double update(double high, double low, double close) {
            Checks.finiteBar("high", high, count);
            Checks.finiteBar("low", low, count);
            Checks.finiteBar("close", close, count);
            long i = count++;
            if (i > 0) {
                trueRange = TrueRange.of(high, low, prevClose);
                if (i < n) {
                    value += trueRange;
                } else if (i == n) {
                    value = (value + trueRange) / n;
                } else {
                    value = ((n - 1) * value + trueRange) / n;
                }
            } else {
                value = 0;
            }
            prevClose = close;
            return i >= n ? value : Double.NaN;
        }

        /** Returns the latest ATR, {@code NaN} during warm-up. */
        public double value() {
            return count > n ? value : Double.NaN;
        }

        /** Returns the latest true range, {@code NaN} for the first bar. */
        public double trueRange() {
            return trueRange;
        }
    }
}
