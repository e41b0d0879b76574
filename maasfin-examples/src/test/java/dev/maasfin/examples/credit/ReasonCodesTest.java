// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.core.baseline.LogisticRegression;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.examples.eval.Standardiser;
import org.junit.jupiter.api.Test;

/** Protocol encoding widths and the additivity of logistic-regression reason codes. */
class ReasonCodesTest {

    private static CreditData load(CreditData.Dataset d) throws Exception {
        return CreditData.load(d, DataDirectory.require(DataDirectory.resolve(), d.file));
    }

    @Test
    void encoding_matchesProtocolInputCounts() throws Exception {
        // Evaluation protocol README, "Features per task": German 61 inputs, Taiwan 33.
        assertEquals(61, load(CreditData.Dataset.GERMAN).inputs.size());
        assertEquals(33, load(CreditData.Dataset.TAIWAN).inputs.size());
    }

    @Test
    void logisticReasons_addUpToLogitMinusBaselineLogit_oneFactorPerColumn() throws Exception {
        CreditData d = load(CreditData.Dataset.GERMAN);
        LogisticRegression lr =
                LogisticRegression.fit(
                        Standardiser.select(d.x, d.split.train()),
                        Standardiser.select(d.labels, d.split.train()),
                        LogisticRegression.SKLEARN_DEFAULT_L2);
        int row = d.split.test()[0];
        Explanation e = ReasonCodes.logistic(d, lr, row);
        // sum_j w_j (x_j - mean_j) = (b + w.x) - (b + w.mean), by linearity.
        assertEquals(e.prediction() - e.baselinePrediction(), e.total(), 1e-9);
        double p = lr.predictProbability(d.x[row]);
        assertEquals(Math.log(p / (1 - p)), e.prediction(), 1e-9);
        // german_credit.csv has 20 feature columns besides the label.
        assertEquals(20, e.featureNames().size());
        assertEquals(
                "checking_status = A11 (< 0 DM)", FeatureNames.level("checking_status", "A11"));
    }
}
