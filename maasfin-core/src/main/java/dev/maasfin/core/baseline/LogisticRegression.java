// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A fitted binary logistic regression with an L2 penalty on the weights (not the intercept).
 *
 * <p>{@link #fit} minimises Σ_i [−y_i ln p_i − (1 − y_i) ln(1 − p_i)] + (λ/2)·‖w‖², p_i = 1/(1 +
 * exp(−(b + w·x_i))), by Newton's method (iteratively reweighted least squares) with step halving,
 * until the largest parameter step is below 1e-10 or 100 iterations. λ = {@value
 * #SKLEARN_DEFAULT_L2} is scikit-learn's default (C = 1). The label-1 class is the positive (bad,
 * default, fraud) class. The inputs should be standardised (z-scored with training statistics, as
 * the protocol does) because the penalty is scale dependent; this class does not rescale. The
 * result is deterministic. On perfectly separable data with λ = 0 the weights diverge; use λ &gt;
 * 0. Immutable and thread-safe.
 */
public final class LogisticRegression {
    /** scikit-learn's default penalty, C = 1. */
    public static final double SKLEARN_DEFAULT_L2 = 1.0;

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private final double intercept;
    private final double[] weights;

    private LogisticRegression(double intercept, double[] weights) {
        this.intercept = intercept;
        this.weights = weights;
    }

    /**
     * Fits the model.
     *
     * @param x rows of inputs (standardised), finite, rectangular
     * @param labels 0 or 1 per row, both classes present
     * @param l2 penalty λ &gt;= 0
     * @throws IllegalArgumentException if shapes disagree, a value is not finite, a label is not
     *     0/1, only one class is present, or {@code l2} is negative
     */
    public static LogisticRegression fit(double[][] x, int[] labels, double l2) {
        int d = Checks.matrix("x", x);
        checkLabels(x.length, labels);
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0 but was " + l2);
        }
        double[] beta = new double[d + 1];
        double loss = objective(x, labels, beta, l2);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] step = newtonStep(x, labels, beta, l2);
            double scale = 1;
            double[] next = axpy(beta, step, scale);
            double nextLoss = objective(x, labels, next, l2);
            while (nextLoss > loss && scale > 1e-8) {
                scale /= 2;
                next = axpy(beta, step, scale);
                nextLoss = objective(x, labels, next, l2);
            }
            beta = next;
            loss = nextLoss;
            if (maxAbs(step) * scale < TOLERANCE) {
                break;
            }
        }
        double[] w = new double[d];
        System.arraycopy(beta, 1, w, 0, d);
        return new LogisticRegression(beta[0], w);
    }

    private static double[] newtonStep(double[][] x, int[] y, double[] beta, double l2) {
        int p = beta.length;
        double[] grad = new double[p];
        double[][] hess = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            double prob = sigmoid(linear(x[i], beta));
            double r = prob - y[i];
            double w = prob * (1 - prob);
            accumulate(grad, hess, x[i], r, w);
        }
        for (int j = 1; j < p; j++) {
            grad[j] += l2 * beta[j];
            hess[j][j] += l2;
        }
        RealMatrix h = new Array2DRowRealMatrix(hess, false);
        double[] solved =
                new LUDecomposition(h).getSolver().solve(new ArrayRealVector(grad)).toArray();
        for (int j = 0; j < p; j++) {
            solved[j] = -solved[j];
        }
        return solved;
    }

    private static void accumulate(
            double[] grad, double[][] hess, double[] row, double r, double w) {
        int p = grad.length;
        for (int a = 0; a < p; a++) {
            double xa = a == 0 ? 1 : row[a - 1];
            grad[a] += r * xa;
            double wxa = w * xa;
            for (int b = 0; b <= a; b++) {
                double xb = b == 0 ? 1 : row[b - 1];
                hess[a][b] += wxa * xb;
                if (b != a) {
                    hess[b][a] = hess[a][b];
                }
            }
        }
    }

    private static double objective(double[][] x, int[] y, double[] beta, double l2) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = linear(x[i], beta);
            // ln(1 + e^z) - y z, computed without overflow
            s += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
        }
        double pen = 0;
        for (int j = 1; j < beta.length; j++) {
            pen += beta[j] * beta[j];
        }
        return s + 0.5 * l2 * pen;
    }

    private static double linear(double[] row, double[] beta) {
        double z = beta[0];
        for (int j = 0; j < row.length; j++) {
            z += beta[j + 1] * row[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double[] axpy(double[] base, double[] step, double scale) {
        double[] out = base.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += scale * step[j];
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void checkLabels(int n, int[] labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.length != n) {
            throw new IllegalArgumentException(
                    "x and labels must have equal length but x has "
                            + n
                            + " and labels has "
                            + labels.length);
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(
                        "labels must be 0 or 1 but row " + i + " is " + labels[i]);
            }
            positives += labels[i];
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException(
                    "labels must contain both classes but only one class is present");
        }
    }

    /** Returns the intercept b. */
    public double intercept() {
        return intercept;
    }

    /** Returns a copy of the weights w. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns P(label = 1 | row).
     *
     * @throws IllegalArgumentException if the row length differs from the fitted inputs or a value
     *     is not finite
     */
    public double predictProbability(double[] row) {
        Checks.columns("x", new double[][] {row}, weights.length);
        double z = intercept;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * row[j];
        }
        return sigmoid(z);
    }

    /**
     * Returns P(label = 1) for each row.
     *
     * @throws IllegalArgumentException as for {@link #predictProbability}
     */
    public double[] predictProbabilities(double[][] x) {
        Checks.columns("x", x, weights.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = predictProbability(x[i]);
        }
        return out;
    }
}
