// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A fitted Mahalanobis-distance anomaly scorer: score(x) = (x − μ)ᵀ Σ⁺ (x − μ), larger = more
 * anomalous.
 *
 * <p>μ and Σ are the mean and the population (1/n, maximum-likelihood) covariance of the training
 * rows, which should be normal (non-anomalous) rows only; Σ⁺ is the Moore–Penrose pseudo-inverse
 * from Commons Math's singular value decomposition, which equals the inverse when Σ is non-singular
 * and ignores directions of zero variance when it is singular (as scikit-learn's {@code
 * EmpiricalCovariance} does). The score is the squared distance. Immutable and thread-safe.
 */
public final class MahalanobisScorer {
    private final double[] mean;
    private final double[][] precision;

    private MahalanobisScorer(double[] mean, double[][] precision) {
        this.mean = mean;
        this.precision = precision;
    }

    /**
     * Fits μ and Σ⁺ on normal rows.
     *
     * @throws IllegalArgumentException if there are fewer than 2 rows, rows are ragged or a value
     *     is not finite (naming row and column)
     */
    public static MahalanobisScorer fit(double[][] normalRows) {
        int d = Checks.matrix("normalRows", normalRows);
        int n = normalRows.length;
        if (n < 2) {
            throw new IllegalArgumentException("normalRows must have at least 2 rows but has " + n);
        }
        RealMatrix data = new Array2DRowRealMatrix(normalRows, true);
        RealMatrix cov = new Covariance(data, false).getCovarianceMatrix();
        double[] mu = new double[d];
        for (double[] row : normalRows) {
            for (int j = 0; j < d; j++) {
                mu[j] += row[j] / n;
            }
        }
        RealMatrix pinv = new SingularValueDecomposition(cov).getSolver().getInverse();
        return new MahalanobisScorer(mu, pinv.getData());
    }

    /**
     * Returns the squared Mahalanobis distance of one row.
     *
     * @throws IllegalArgumentException if the row length differs from the fitted data or a value is
     *     not finite
     */
    public double score(double[] row) {
        Checks.columns("row", new double[][] {row}, mean.length);
        int d = mean.length;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = row[j] - mean[j];
        }
        double s = 0;
        for (int a = 0; a < d; a++) {
            double t = 0;
            for (int b = 0; b < d; b++) {
                t += precision[a][b] * z[b];
            }
            s += z[a] * t;
        }
        return s;
    }

    /**
     * Returns the score of each row.
     *
     * @throws IllegalArgumentException as for {@link #score}
     */
    public double[] scores(double[][] x) {
        Checks.columns("x", x, mean.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = score(x[i]);
        }
        return out;
    }
}
