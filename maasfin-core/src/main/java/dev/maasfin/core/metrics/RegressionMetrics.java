// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

/**
 * Forecast-error metrics and per-point losses over primitive arrays.
 *
 * <p>{@code actual} holds the realised values and {@code forecast} the forecasts of the same rows;
 * both must be finite, non-empty and of equal length (messages name both lengths or the row). For
 * volatility forecasts both are daily standard deviations in return units (0.01 = 1 % per day).
 * QLIKE is Patton's normalised variance form mean(y²/f² − ln(y²/f²) − 1), which is 0 for a perfect
 * forecast (maasfin's evaluation protocol, Case 15); a zero realised value or a forecast &lt;= 0 is
 * rejected rather than floored. All methods are static, stateless and thread-safe; inputs are never
 * modified.
 */
public final class RegressionMetrics {
    private RegressionMetrics() {}

    /**
     * Root mean squared error sqrt(mean((y − f)²)).
     *
     * @throws IllegalArgumentException on empty, unequal-length or non-finite input
     */
    public static double rmse(double[] actual, double[] forecast) {
        return Math.sqrt(mean(squaredErrors(actual, forecast)));
    }

    /**
     * Mean absolute error mean(|y − f|).
     *
     * @throws IllegalArgumentException on empty, unequal-length or non-finite input
     */
    public static double mae(double[] actual, double[] forecast) {
        return mean(absoluteErrors(actual, forecast));
    }

    /**
     * Mean absolute percentage error mean(|y − f| / |y|), returned as a fraction (0.05 = 5 %).
     *
     * @throws IllegalArgumentException if an actual value is 0 (naming the row), or on empty,
     *     unequal-length or non-finite input
     */
    public static double mape(double[] actual, double[] forecast) {
        Checks.regressionInput(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                throw new IllegalArgumentException("MAPE needs actual != 0 but row " + i + " is 0");
            }
            sum += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
        }
        return sum / actual.length;
    }

    /**
     * Directional accuracy: the share of rows where {@code signum(forecast) == signum(actual)}. A
     * zero counts as its own direction, so it matches only another zero.
     *
     * @throws IllegalArgumentException on empty, unequal-length or non-finite input
     */
    public static double directionalAccuracy(double[] actual, double[] forecast) {
        Checks.regressionInput(actual, forecast);
        long hit = 0;
        for (int i = 0; i < actual.length; i++) {
            hit += Math.signum(actual[i]) == Math.signum(forecast[i]) ? 1 : 0;
        }
        return (double) hit / actual.length;
    }

    /**
     * QLIKE = mean(y²/f² − ln(y²/f²) − 1) on realised sd {@code y} and forecast sd {@code f}.
     *
     * @throws IllegalArgumentException if a realised value is 0 or a forecast is &lt;= 0 (naming
     *     the row), or on empty, unequal-length or non-finite input
     */
    public static double qlike(double[] actual, double[] forecast) {
        return mean(qlikeLosses(actual, forecast));
    }

    /**
     * Per-point QLIKE losses x − ln x − 1 with x = y²/f² (see {@link #qlike}).
     *
     * @throws IllegalArgumentException as for {@link #qlike}
     */
    public static double[] qlikeLosses(double[] actual, double[] forecast) {
        Checks.regressionInput(actual, forecast);
        double[] loss = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                throw new IllegalArgumentException(
                        "QLIKE needs realised value != 0 (the loss is infinite) but row "
                                + i
                                + " is 0");
            }
            if (!(forecast[i] > 0)) {
                throw new IllegalArgumentException(
                        "QLIKE needs forecast > 0 but row " + i + " is " + forecast[i]);
            }
            double x = (actual[i] * actual[i]) / (forecast[i] * forecast[i]);
            loss[i] = x - Math.log(x) - 1;
        }
        return loss;
    }

    /**
     * Per-point squared errors (y − f)².
     *
     * @throws IllegalArgumentException on empty, unequal-length or non-finite input
     */
    public static double[] squaredErrors(double[] actual, double[] forecast) {
        Checks.regressionInput(actual, forecast);
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            out[i] = e * e;
        }
        return out;
    }

    /**
     * Per-point absolute errors |y − f|.
     *
     * @throws IllegalArgumentException on empty, unequal-length or non-finite input
     */
    public static double[] absoluteErrors(double[] actual, double[] forecast) {
        Checks.regressionInput(actual, forecast);
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Math.abs(actual[i] - forecast[i]);
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
