// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Money flow index (TA-Lib {@code MFI}): raw money flow {@code tp * volume} with typical price
 * {@code tp = (high + low + close) / 3}, counted as positive when {@code tp} rose from the previous
 * bar and negative when it fell (neither when equal); MFI = {@code 100 * positive / (positive +
 * negative)} summed over the last {@code period} flows.
 *
 * <p>Warm-up {@code period} (the first flow needs a previous bar). A window without any flow gives
 * 0. Each window is summed afresh, so a value depends only on its window.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Mfi {
    private Mfi() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period);
    }

    /**
     * Returns the MFI in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1}, lengths differ, a price is not finite
     *     or a volume is negative, infinite or {@code NaN} (not reported)
     */
    public static double[] compute(
            double[] high, double[] low, double[] close, double[] volume, int period) {
        Checks.period("period", period);
        Checks.hlc(high, low, close);
        Checks.volume(volume, close);
        double[] out = new double[close.length];
        kernel(high, low, close, volume, close.length, period, out);
        return out;
    }

    static void kernel(
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            int to,
            int n,
            double[] out) {
        Checks.fillNaN(out, 0, Math.min(n, to));
        for (int i = n; i < to; i++) {
            double positive = 0;
            double negative = 0;
            for (int j = i - n + 1; j <= i; j++) {
                double tp = Cci.typical(high, low, close, j);
                double prev = Cci.typical(high, low, close, j - 1);
                if (tp > prev) {
                    positive += tp * volume[j];
                } else if (tp < prev) {
                    negative += tp * volume[j];
                }
            }
            double total = positive + negative;
            out[i] = total == 0 ? 0 : 100 * positive / total;
        }
    }
}
