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
        kernel(high, low, close, close.length, period, out, new double[close.length]);
        return out;
    }

    /** CCI into {@code out}; {@code tp} (at least {@code to} long) receives the typical prices. */
    static void kernel(
            double[] high, double[] low, double[] close, int to, int n, double[] out, double[] tp) {
        Checks.fillNaN(out, 0, Math.min(n - 1, to));
        for (int i = 0; i < to; i++) {
            tp[i] = typical(high, low, close, i);
        }
        for (int i = n - 1; i < to; i++) {
            int from = i - n + 1;
            double mean = sum(tp, from, i + 1) / n;
            double deviation = absoluteDeviation(tp, from, i + 1, mean) / n;
            out[i] = deviation == 0 ? 0 : (tp[i] - mean) / (0.015 * deviation);
        }
    }

    /** Sums with four interleaved accumulators (a fixed order, so batch and streaming agree). */
    private static double sum(double[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double absoluteDeviation(double[] x, int from, int to, double mean) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += Math.abs(x[i] - mean);
            s1 += Math.abs(x[i + 1] - mean);
            s2 += Math.abs(x[i + 2] - mean);
            s3 += Math.abs(x[i + 3] - mean);
        }
        for (; i < to; i++) {
            s0 += Math.abs(x[i] - mean);
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double typical(double[] high, double[] low, double[] close, int i) {
        return (high[i] + low[i] + close[i]) / 3;
    }
}
