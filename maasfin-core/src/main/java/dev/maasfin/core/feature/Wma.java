// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Linearly weighted moving average, weights {@code 1..period} with the newest heaviest (TA-Lib
 * {@code WMA}): {@code sum(k * x_{t-period+k}) / (period (period+1) / 2)}.
 *
 * <p>Warm-up {@code period - 1}. The plain and weighted window sums are updated in O(1) per bar and
 * re-summed from the window every {@value Sma#RESUM_INTERVAL} outputs.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Wma {
    private Wma() {}

    /**
     * Returns the number of leading {@code NaN} outputs: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return Checks.period("period", period) - 1;
    }

    /**
     * Returns the WMA in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] compute(double[] x, int period) {
        double[] out = new double[Checks.finite("x", x).length];
        into(x, period, out);
        return out;
    }

    /**
     * Writes the WMA into {@code out} without allocating.
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
        int first = n - 1;
        double denominator = n * (n + 1.0) / 2;
        Checks.fillNaN(out, 0, Math.min(first, to));
        for (int start = first; start < to; start += Sma.RESUM_INTERVAL) {
            double sum = 0;
            double weighted = 0;
            for (int k = 0; k < n; k++) {
                double v = x[start - n + 1 + k];
                sum += v;
                weighted += (k + 1) * v;
            }
            out[start] = weighted / denominator;
            int end = Math.min(to, start + Sma.RESUM_INTERVAL);
            for (int i = start + 1; i < end; i++) {
                weighted += n * x[i] - sum;
                sum += x[i] - x[i - n];
                out[i] = weighted / denominator;
            }
        }
    }
}
