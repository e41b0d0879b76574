// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.core.baseline.LogisticRegression;
import dev.maasfin.djl.model.NeuralModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reason codes for one applicant: attributions per source column (a one-hot group counts as one
 * factor), relative to the training-mean applicant, named in words.
 *
 * <ul>
 *   <li>Logistic regression: {@code sum_j w_j (x_j - mean_j)} over the column's encoded inputs, in
 *       log-odds of "bad"; the attributions add up exactly to logit(x) - logit(mean).
 *   <li>MLP: occlusion, {@code p(x) - p(x with the column's inputs set to the training mean)}, in
 *       probability of "bad". A finite difference, not a gradient method: attributions need not add
 *       up to p(x) - p(mean) when factors interact.
 * </ul>
 *
 * <p>Thread-safe: stateless.
 */
final class ReasonCodes {
    static final String LR_METHOD = "logistic-regression w_i*(x_i - mean_i), log-odds";
    static final String MLP_METHOD = "occlusion against the training mean, probability of bad";
    static final String BASELINE = "training-mean applicant";

    private ReasonCodes() {}

    static Explanation logistic(CreditData d, LogisticRegression lr, int row) {
        double[] w = lr.weights();
        double[] x = d.x[row];
        double[] a = new double[d.columns.size()];
        double logit = lr.intercept();
        double base = lr.intercept();
        for (int j = 0; j < w.length; j++) {
            a[d.columnOf[j]] += w[j] * (x[j] - d.trainMean[j]);
            logit += w[j] * x[j];
            base += w[j] * d.trainMean[j];
        }
        return new Explanation(LR_METHOD, BASELINE, names(d, row), a, logit, base);
    }

    static Explanation occlusion(CreditData d, NeuralModel model, int row) {
        int width = d.inputs.size();
        int columns = d.columns.size();
        float[] batch = new float[(columns + 2) * width];
        for (int k = 0; k < columns + 2; k++) {
            for (int j = 0; j < width; j++) {
                boolean occluded = k == columns + 1 || d.columnOf[j] == k - 1;
                batch[k * width + j] = (float) (occluded && k > 0 ? d.trainMean[j] : d.x[row][j]);
            }
        }
        float[] p = model.predict(batch, columns + 2);
        double full = p[1];
        double[] a = new double[columns];
        for (int c = 0; c < columns; c++) {
            a[c] = full - p[2 * (c + 1) + 1];
        }
        return new Explanation(MLP_METHOD, BASELINE, names(d, row), a, full, p[2 * columns + 3]);
    }

    /**
     * Names each source column for this applicant: a category's level in words, or a numeric column
     * with the side of the training mean it lies on (never the raw value).
     */
    static List<String> names(CreditData d, int row) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < d.columns.size(); c++) {
            String col = d.columns.get(c);
            if (d.isCategorical(c)) {
                names.add(FeatureNames.level(col, d.levelOf(c, row)));
            } else {
                int j = d.inputs.indexOf(col);
                boolean above = d.x[row][j] > d.trainMean[j];
                names.add(FeatureNames.column(col) + (above ? " above" : " below") + " average");
            }
        }
        return names;
    }
}
