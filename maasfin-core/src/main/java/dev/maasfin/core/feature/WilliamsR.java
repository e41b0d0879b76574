// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Williams %R (TA-Lib {@code WILLR}): {@code -100 * (highest high - close) / (highest high - lowest
 * low)} over {@code period} bars, in [-100, 0].
 *
 * <p>Warm-up {@code period - 1}. A window whose high equals its low gives 0, as TA-Lib.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class WilliamsR {
    private WilliamsR() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    /**
     * Returns Williams %R in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1}, lengths differ or a value is not
     *     finite
     */
    public static double[] compute(double[] high, double[] low, double[] close, int period) {
        Checks.period("period", period);
        Checks.hlc(high, low, close);
        double[] out = new double[close.length];
        kernel(high, low, close, close.length, period, out);
        return out;
    }

    static void kernel(double[] high, double[] low, double[] close, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n - 1, to));
        int hi = -1;
        int lo = -1;
        for (int i = n - 1; i < to; i++) {
            int from = i - n + 1;
            hi = hi < from ? Stochastic.argMax(high, from, i + 1) : (high[i] >= high[hi] ? i : hi);
            lo = lo < from ? Stochastic.argMin(low, from, i + 1) : (low[i] <= low[lo] ? i : lo);
            double range = high[hi] - low[lo];
            out[i] = range == 0 ? 0 : -100 * (high[hi] - close[i]) / range;
        }
    }
}
