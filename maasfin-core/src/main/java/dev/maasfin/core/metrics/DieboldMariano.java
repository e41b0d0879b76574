// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Diebold–Mariano tests of equal predictive accuracy on paired per-point losses.
 *
 * <p>With d_t = L(model)_t − L(baseline)_t, d̄ its mean and autocovariances γ_k = (1/n) Σ_{t>k}
 * (d_t − d̄)(d_{t−k} − d̄):
 *
 * <ul>
 *   <li>{@link #test} follows maasfin's protocol: V = γ₀ + 2 Σ_{k=1}^{h−1} γ_k (rectangular
 *       kernel), DM = d̄ / √(V/n) multiplied by the Harvey–Leybourne–Newbold factor √((n + 1 − 2h +
 *       h(h−1)/n)/n), p two-sided from Student t(n − 1);
 *   <li>{@link #neweyWest} uses Bartlett weights 1 − k/(L+1) for k = 1..L, no small-sample factor,
 *       and a two-sided normal p-value.
 * </ul>
 *
 * <p>A negative statistic means the model is better. The rectangular kernel can give V &lt;= 0; the
 * test is then undefined and an exception is thrown rather than a made-up statistic. Stateless and
 * thread-safe.
 */
public final class DieboldMariano {
    /** The protocol's forecast horizon h for 5-day volatility targets. */
    public static final int PROTOCOL_HORIZON = 5;

    /** The protocol's Newey–West lag count for the robustness check. */
    public static final int PROTOCOL_NEWEY_WEST_LAGS = 20;

    private DieboldMariano() {}

    /**
     * Diebold–Mariano test with the rectangular kernel and the HLN correction (see class doc).
     *
     * @param modelLoss per-point losses of the model
     * @param baselineLoss per-point losses of the baseline, same rows
     * @param horizon forecast horizon h &gt;= 1 (lags 1..h−1 enter V)
     * @throws IllegalArgumentException if lengths differ, a loss is not finite, {@code horizon <
     *     1}, n &lt;= horizon, or the variance estimate V is not positive
     */
    public static DmResult test(double[] modelLoss, double[] baselineLoss, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 but was " + horizon);
        }
        double[] d = differences(modelLoss, baselineLoss, horizon);
        int n = d.length;
        double mean = mean(d);
        double v = autocovariance(d, mean, 0);
        for (int k = 1; k < horizon; k++) {
            v += 2 * autocovariance(d, mean, k);
        }
        requirePositive(v, "rectangular-kernel");
        double hln = Math.sqrt((n + 1 - 2.0 * horizon + horizon * (horizon - 1.0) / n) / n);
        double stat = mean / Math.sqrt(v / n) * hln;
        double p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(stat));
        return new DmResult(stat, p, n, mean);
    }

    /**
     * Diebold–Mariano statistic with a Newey–West (Bartlett) long-run variance over {@code lags}
     * lags and a two-sided standard-normal p-value.
     *
     * @throws IllegalArgumentException if lengths differ, a loss is not finite, {@code lags < 0}, n
     *     &lt;= lags, or the variance estimate is not positive
     */
    public static DmResult neweyWest(double[] modelLoss, double[] baselineLoss, int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0 but was " + lags);
        }
        double[] d = differences(modelLoss, baselineLoss, lags);
        int n = d.length;
        double mean = mean(d);
        double v = autocovariance(d, mean, 0);
        for (int k = 1; k <= lags; k++) {
            v += 2 * (1 - k / (lags + 1.0)) * autocovariance(d, mean, k);
        }
        requirePositive(v, "Newey-West");
        double stat = mean / Math.sqrt(v / n);
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(stat));
        return new DmResult(stat, p, n, mean);
    }

    private static double[] differences(double[] model, double[] baseline, int lags) {
        Objects.requireNonNull(model, "modelLoss");
        Objects.requireNonNull(baseline, "baselineLoss");
        Checks.sameLength("modelLoss", model.length, "baselineLoss", baseline.length);
        Checks.finite("modelLoss", model);
        Checks.finite("baselineLoss", baseline);
        if (model.length <= lags + 1) {
            throw new IllegalArgumentException(
                    "the test needs more than "
                            + (lags + 1)
                            + " paired losses but got "
                            + model.length);
        }
        double[] d = new double[model.length];
        for (int t = 0; t < d.length; t++) {
            d[t] = model[t] - baseline[t];
        }
        return d;
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double s = 0;
        for (int t = lag; t < d.length; t++) {
            s += (d[t] - mean) * (d[t - lag] - mean);
        }
        return s / d.length;
    }

    private static double mean(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x;
        }
        return s / d.length;
    }

    private static void requirePositive(double v, String kind) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(
                    "the "
                            + kind
                            + " long-run variance of the loss differences must be > 0 but was "
                            + v
                            + " (identical losses, or a negative kernel estimate)");
        }
    }
}
