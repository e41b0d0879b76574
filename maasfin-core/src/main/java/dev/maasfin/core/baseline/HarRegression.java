// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import java.util.Objects;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A fitted HAR-style regression (Corsi 2009) of a volatility target on daily, weekly and monthly
 * realised-volatility components.
 *
 * <p>At origin k the components are: daily |r_k|; weekly sqrt(mean(r²_{k−4..k})) (5 returns);
 * monthly sqrt(mean(r²_{k−21..k})) (22 returns), i.e. root mean squares of returns, not sample sds.
 * The forecast is b₀ + b_d·daily + b_w·weekly + b_m·monthly with coefficients from ordinary least
 * squares (Commons Math {@link OLSMultipleLinearRegression}, intercept included). Fitted on the
 * protocol's purged training origins with the 5-day sd target, it reproduces the {@code har_ols}
 * column of {@code vol_reference_series.csv} to about 1e-16. A forecast can be negative in
 * principle (OLS is unconstrained). Immutable and thread-safe.
 */
public final class HarRegression {
    /** Returns in the weekly component. */
    public static final int WEEKLY = 5;

    /** Returns in the monthly component. */
    public static final int MONTHLY = 22;

    private final double[] coefficients;

    private HarRegression(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * Returns the components {daily, weekly, monthly} at origin {@code k}.
     *
     * @throws IllegalArgumentException if {@code k < 21} or {@code k} is past the last return
     */
    public static double[] components(double[] returns, int k) {
        Objects.requireNonNull(returns, "returns");
        if (k < MONTHLY - 1 || k >= returns.length) {
            throw new IllegalArgumentException(
                    "origin must be in ["
                            + (MONTHLY - 1)
                            + ", "
                            + (returns.length - 1)
                            + "] but was "
                            + k);
        }
        return new double[] {
            Math.abs(returns[k]), rms(returns, k - WEEKLY + 1, k), rms(returns, k - MONTHLY + 1, k)
        };
    }

    private static double rms(double[] r, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += r[i] * r[i];
        }
        return Math.sqrt(s / (to - from + 1));
    }

    /**
     * Fits the regression on the given origins and targets.
     *
     * @param returns log returns r_0..r_{n−1}, finite
     * @param origins origin indices k (each &gt;= 21)
     * @param targets target at each origin, finite
     * @throws IllegalArgumentException if lengths differ, there are fewer than 5 origins, a value
     *     is not finite or an origin is out of range
     */
    public static HarRegression fit(double[] returns, int[] origins, double[] targets) {
        Checks.finite("returns", returns);
        Checks.finite("targets", targets);
        Objects.requireNonNull(origins, "origins");
        if (origins.length != targets.length) {
            throw new IllegalArgumentException(
                    "origins and targets must have equal length but origins has "
                            + origins.length
                            + " and targets has "
                            + targets.length);
        }
        if (origins.length < 5) {
            throw new IllegalArgumentException(
                    "origins must have at least 5 values but has " + origins.length);
        }
        double[][] x = new double[origins.length][];
        for (int i = 0; i < origins.length; i++) {
            x[i] = components(returns, origins[i]);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(targets.clone(), x);
        return new HarRegression(ols.estimateRegressionParameters());
    }

    /** Returns {b₀, b_daily, b_weekly, b_monthly}. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Returns the forecast at origin {@code k}.
     *
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public double predict(double[] returns, int k) {
        double[] c = components(returns, k);
        return coefficients[0]
                + coefficients[1] * c[0]
                + coefficients[2] * c[1]
                + coefficients[3] * c[2];
    }

    /**
     * Returns the forecasts at the given origins.
     *
     * @throws IllegalArgumentException if an origin is out of range
     */
    public double[] predict(double[] returns, int[] origins) {
        double[] out = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = predict(returns, origins[i]);
        }
        return out;
    }
}
