// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * True range: {@code max(high - low, |high - prevClose|, |low - prevClose|)} (TA-Lib {@code
 * TRANGE}).
 *
 * <p>Warm-up 1: bar 0 has no previous close, so its true range is {@code NaN}.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class TrueRange {
    private TrueRange() {}

    /** Returns the number of leading {@code NaN} outputs: 1. */
    public static int warmUp() {
        return 1;
    }

    /**
     * Returns the true range of each bar in a new array.
     *
     * @throws IllegalArgumentException if lengths differ or a value is not finite
     */
    public static double[] compute(double[] high, double[] low, double[] close) {
        Checks.hlc(high, low, close);
        double[] out = new double[close.length];
        kernel(high, low, close, close.length, out);
        return out;
    }

    /**
     * Writes the true range into {@code out} without allocating.
     *
     * @throws IllegalArgumentException if lengths differ, a value is not finite or {@code out} is
     *     shorter than the input
     */
    public static void into(double[] high, double[] low, double[] close, double[] out) {
        Checks.hlc(high, low, close);
        kernel(high, low, close, close.length, Checks.out(out, close.length));
    }

    static void kernel(double[] high, double[] low, double[] close, int to, double[] out) {
        if (to > 0) {
            out[0] = Double.NaN;
        }
        for (int i = 1; i < to; i++) {
            out[i] = of(high[i], low[i], close[i - 1]);
        }
    }

    static double of(double high, double low, double prevClose) {
        return Math.max(
                high - low, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
    }
}
