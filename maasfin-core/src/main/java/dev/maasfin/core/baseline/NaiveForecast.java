// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

/**
 * Naive (last value, random-walk) forecasts: the forecast made at time t of any future value is the
 * latest observation x_t.
 *
 * <p>For the protocol's volatility task the series is rv5 at each origin, giving the {@code
 * naive_rv5} column of {@code vol_reference_series.csv}. No warm-up. Stateless and thread-safe.
 */
public final class NaiveForecast {
    private NaiveForecast() {}

    /**
     * Returns the forecasts: element t is x_t, the forecast made at t.
     *
     * @throws IllegalArgumentException if a value is not finite (naming the row)
     */
    public static double[] forecasts(double[] series) {
        Checks.finite("series", series);
        return series.clone();
    }
}
