// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Rolling maximum drawdown: the largest fall from a running peak within the last {@code window}
 * values, as a positive fraction {@code max_j (1 - x_j / max_{i<=j} x_i)} over the window (0 when
 * the window never falls below its running peak).
 *
 * <p>Warm-up {@code window - 1}. O(window) per bar; each value depends only on its window.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class MaxDrawdown {
    private MaxDrawdown() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code window - 1}.
     *
     * @throws IllegalArgumentException if {@code window < 1}
     */
    public static int warmUp(int window) {
        return Checks.period("window", window) - 1;
    }

    /**
     * Returns the rolling maximum drawdown in a new array.
     *
     * @throws IllegalArgumentException if {@code window < 1} or a value is not finite and positive
     */
    public static double[] compute(double[] x, int window) {
        Checks.period("window", window);
        Checks.finite("x", x);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0) {
                throw new IllegalArgumentException("x[" + i + "] must be > 0 but was " + x[i]);
            }
        }
        double[] out = new double[x.length];
        kernel(x, x.length, window, out);
        return out;
    }

    static void kernel(double[] x, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n - 1, to));
        for (int i = n - 1; i < to; i++) {
            double peak = x[i - n + 1];
            double worst = 0;
            for (int j = i - n + 2; j <= i; j++) {
                peak = Math.max(peak, x[j]);
                worst = Math.max(worst, 1 - x[j] / peak);
            }
            out[i] = worst;
        }
    }
}
