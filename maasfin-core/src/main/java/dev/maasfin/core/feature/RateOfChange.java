// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Momentum {@code x_t - x_{t-period}} and rate of change {@code 100 * (x_t - x_{t-period}) /
 * x_{t-period}} (percent; TA-Lib {@code MOM} and {@code ROC}).
 *
 * <p>Warm-up {@code period}.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class RateOfChange {
    private RateOfChange() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period);
    }

    /**
     * Returns the rate of change in percent in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] roc(double[] x, int period) {
        Checks.period("period", period);
        double[] out = new double[Checks.finite("x", x).length];
        rocKernel(x, x.length, period, out);
        return out;
    }

    /**
     * Returns the momentum in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] momentum(double[] x, int period) {
        Checks.period("period", period);
        double[] out = new double[Checks.finite("x", x).length];
        momentumKernel(x, x.length, period, out);
        return out;
    }

    static void rocKernel(double[] x, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n, to));
        for (int i = n; i < to; i++) {
            out[i] = 100 * (x[i] - x[i - n]) / x[i - n];
        }
    }

    static void momentumKernel(double[] x, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n, to));
        for (int i = n; i < to; i++) {
            out[i] = x[i] - x[i - n];
        }
    }
}
