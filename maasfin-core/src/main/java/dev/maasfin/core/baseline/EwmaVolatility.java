// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

/**
 * RiskMetrics-style EWMA volatility: σ²_0 = r_0², σ²_t = λ·σ²_{t−1} + (1 − λ)·r_t², forecast sd
 * σ_t.
 *
 * <p>σ_t uses returns up to and including r_t and is the forecast, made at t, of the volatility of
 * the following days (a flat term structure, so the same value serves the 5-day target). With λ =
 * {@value #RISKMETRICS_LAMBDA} and the returns r_0, r_1, ... of the whole S&amp;P 500 series, σ_k
 * at origin k reproduces the {@code ewma_0.94} column of the protocol's {@code
 * vol_reference_series.csv} to 1e-12 (the recursion and alignment were checked against that file).
 * The first values depend strongly on r_0 (a burn-in of a few hundred days). Stateless and
 * thread-safe.
 */
public final class EwmaVolatility {
    /** The RiskMetrics daily decay used by the protocol. */
    public static final double RISKMETRICS_LAMBDA = 0.94;

    private EwmaVolatility() {}

    /**
     * Returns σ_t for every t (same length as {@code returns}).
     *
     * @param returns log returns in return units, at least one
     * @param lambda decay in (0, 1)
     * @throws IllegalArgumentException if {@code lambda} is outside (0, 1), returns are empty, or a
     *     return is not finite (naming the row)
     */
    public static double[] sd(double[] returns, double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1) but was " + lambda);
        }
        Checks.finite("returns", returns);
        Checks.minLength("returns", returns, 1);
        double[] out = new double[returns.length];
        double v = returns[0] * returns[0];
        out[0] = Math.sqrt(v);
        for (int t = 1; t < returns.length; t++) {
            v = lambda * v + (1 - lambda) * returns[t] * returns[t];
            out[t] = Math.sqrt(v);
        }
        return out;
    }
}
