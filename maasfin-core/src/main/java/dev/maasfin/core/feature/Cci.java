// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Commodity channel index (TA-Lib {@code CCI}): with typical price {@code tp = (high + low + close)
 * / 3}, {@code (tp - SMA(tp)) / (0.015 * mean absolute deviation of tp from that SMA)} over {@code
 * period} bars.
 *
 * <p>Warm-up {@code period - 1}. Each window is summed afresh (O(period) per bar), so a value
 * depends only on its window. A zero mean absolute deviation gives 0, as TA-Lib.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Cci {
    private Cci() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    /**
     * Returns the CCI in a new array.
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
        for (int i = n - 1; i < to; i++) {
            double mean = 0;
            for (int j = i - n + 1; j <= i; j++) {
                mean += typical(high, low, close, j);
            }
            mean /= n;
            double deviation = 0;
            for (int j = i - n + 1; j <= i; j++) {
                deviation += Math.abs(typical(high, low, close, j) - mean);
            }
            deviation /= n;
            double tp = typical(high, low, close, i);
            out[i] = deviation == 0 ? 0 : (tp - mean) / (0.015 * deviation);
        }
    }

    static double typical(double[] high, double[] low, double[] close, int i) {
        return (high[i] + low[i] + close[i]) / 3;
    }
}
