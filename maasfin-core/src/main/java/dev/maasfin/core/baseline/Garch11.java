// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A fitted GARCH(1,1) model of zero-mean returns: σ²_{t+1} = ω + α·r_t² + β·σ²_t.
 *
 * <p>Fitting ({@link #fit}) maximises the Gaussian quasi-likelihood −½ Σ_t (ln σ²_t + r_t²/σ²_t)
 * with σ²_0 = the population variance of the fitted returns, under ω &gt; 0, α ≥ 0, β ≥ 0, α + β
 * &lt; 1, using Commons Math's Nelder–Mead simplex (restarted from its optimum until the likelihood
 * stops improving) with the constraints enforced by rejecting infeasible points. The mean is not
 * estimated (returns are taken as zero-mean). The h-step variance forecast is v̄ +
 * (α+β)^{h−1}(σ²_{t+1} − v̄) with v̄ = ω/(1 − α − β); the H-day volatility forecast is the square
 * root of the mean of the 1..H-step variances. Fitted on the protocol's training returns (dates
 * before 2015) and filtered through the whole series, {@link #horizonSd} reproduces the {@code
 * garch11} column of {@code vol_reference_series.csv} to a few 1e-9 (the difference is optimiser
 * tolerance). Immutable and thread-safe.
 *
 * @param omega ω, the variance intercept
 * @param alpha α, the weight of the last squared return
 * @param beta β, the weight of the last variance
 * @param initialVariance σ²_0 used to start the recursion
 * @param logLikelihood the maximised Gaussian log quasi-likelihood (constant ½·n·ln 2π omitted)
 */
public record Garch11(
        double omega, double alpha, double beta, double initialVariance, double logLikelihood) {

    private static final double INFEASIBLE = Double.MAX_VALUE;

    /**
     * Creates a model from parameters.
     *
     * @throws IllegalArgumentException if ω &lt;= 0, α &lt; 0, β &lt; 0, α + β &gt;= 1 or the
     *     initial variance is not &gt; 0
     */
    public Garch11 {
        if (!(omega > 0 && alpha >= 0 && beta >= 0 && alpha + beta < 1)) {
            throw new IllegalArgumentException(
                    "GARCH(1,1) needs omega > 0, alpha >= 0, beta >= 0, alpha + beta < 1 but got"
                            + " omega="
                            + omega
                            + ", alpha="
                            + alpha
                            + ", beta="
                            + beta);
        }
        if (!(initialVariance > 0 && Double.isFinite(initialVariance))) {
            throw new IllegalArgumentException(
                    "initialVariance must be finite and > 0 but was " + initialVariance);
        }
    }

    /**
     * Fits the model by Gaussian QML (see class doc).
     *
     * @param returns zero-mean log returns in return units, at least 10, not all zero
     * @throws IllegalArgumentException if returns are too few, not finite (naming the row) or all
     *     zero
     */
    public static Garch11 fit(double[] returns) {
        Checks.finite("returns", returns);
        Checks.minLength("returns", returns, 10);
        double var = 0;
        for (double r : returns) {
            var += r * r;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= returns.length;
        var = var / returns.length - mean * mean;
        if (!(var > 0)) {
            throw new IllegalArgumentException("returns must not all be equal (variance is 0)");
        }
        double v0 = var;
        MultivariateFunction nll = p -> negLogLikelihood(returns, p[0] * v0, p[1], p[2], v0);
        double[] best = {0.05, 0.08, 0.90};
        double bestValue = nll.value(best);
        for (int round = 0; round < 10; round++) {
            PointValuePair opt = minimise(nll, best);
            boolean improved = opt.getValue() < bestValue - 1e-12 * Math.abs(bestValue);
            if (opt.getValue() < bestValue) {
                best = opt.getPoint();
                bestValue = opt.getValue();
            }
            if (!improved) {
                break;
            }
        }
        return new Garch11(best[0] * v0, best[1], best[2], v0, -bestValue);
    }

    private static PointValuePair minimise(MultivariateFunction f, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-15, 1e-15);
        double[] steps = {start[0] * 0.2 + 1e-4, 0.02, 0.02};
        return optimizer.optimize(
                new MaxEval(20_000),
                new ObjectiveFunction(f),
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new NelderMeadSimplex(steps));
    }

    private static double negLogLikelihood(
            double[] r, double omega, double alpha, double beta, double v0) {
        if (!(omega > 0 && alpha >= 0 && beta >= 0 && alpha + beta < 1)) {
            return INFEASIBLE;
        }
        double v = v0;
        double sum = 0;
        for (double x : r) {
            sum += Math.log(v) + x * x / v;
            v = omega + alpha * x * x + beta * v;
        }
        return 0.5 * sum;
    }

    /**
     * Filters returns through the model starting from {@link #initialVariance()}.
     *
     * @return n + 1 values: element t is σ²_t, the variance of r_t given r_0..r_{t−1}; element n is
     *     the forecast for the day after the last return
     * @throws IllegalArgumentException if a return is not finite (naming the row)
     */
    public double[] conditionalVariances(double[] returns) {
        Checks.finite("returns", returns);
        double[] v = new double[returns.length + 1];
        v[0] = initialVariance;
        for (int t = 0; t < returns.length; t++) {
            v[t + 1] = omega + alpha * returns[t] * returns[t] + beta * v[t];
        }
        return v;
    }

    /** Returns the unconditional variance v̄ = ω / (1 − α − β). */
    public double unconditionalVariance() {
        return omega / (1 - alpha - beta);
    }

    /**
     * Returns the H-day volatility forecast sqrt(mean_{h=1..H} σ²_{t+h|t}) given the one-step
     * variance σ²_{t+1}.
     *
     * @throws IllegalArgumentException if {@code horizon < 1} or the variance is not &gt; 0
     */
    public double forecastSd(double nextVariance, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 but was " + horizon);
        }
        if (!(nextVariance > 0 && Double.isFinite(nextVariance))) {
            throw new IllegalArgumentException(
                    "nextVariance must be finite and > 0 but was " + nextVariance);
        }
        double vbar = unconditionalVariance();
        double persistence = alpha + beta;
        double sum = 0;
        double decay = 1;
        for (int h = 1; h <= horizon; h++) {
            sum += vbar + decay * (nextVariance - vbar);
            decay *= persistence;
        }
        return Math.sqrt(sum / horizon);
    }

    /**
     * Returns, for every t, the H-day volatility forecast made after observing r_t.
     *
     * @throws IllegalArgumentException if {@code horizon < 1} or a return is not finite
     */
    public double[] horizonSd(double[] returns, int horizon) {
        double[] v = conditionalVariances(returns);
        double[] out = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            out[t] = forecastSd(v[t + 1], horizon);
        }
        return out;
    }
}
