// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

/**
 * Rolling-mean forecasts: the forecast made at time t is the mean of x_{t−w+1..t}.
 *
 * <p>Warm-up: the first {@code window − 1} forecasts are NaN (never 0). Computed with a running sum
 * that is re-summed every window to bound round-off. Stateless and thread-safe.
 */
public final class RollingMean {
    private RollingMean() {}

    /**
     * Returns the forecasts; element t is mean(x_{t−w+1..t}), NaN for t &lt; w − 1.
     *
     * @throws IllegalArgumentException if {@code window < 1} or a value is not finite
     */
    public static double[] forecasts(double[] series, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 but was " + window);
        }
        Checks.finite("series", series);
        double[] out = new double[series.length];
        double sum = 0;
        for (int t = 0; t < series.length; t++) {
            sum += series[t];
            if (t >= window) {
                sum -= series[t - window];
            }
            if (t % window == 0 && t >= window - 1) {
                sum = exactSum(series, t - window + 1, t + 1);
            }
            out[t] = t < window - 1 ? Double.NaN : sum / window;
        }
        return out;
    }

    private static double exactSum(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }
}
