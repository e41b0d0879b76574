// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.core.metrics.Bootstrap;
import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.core.metrics.ConfidenceInterval;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Classification and anomaly baselines on the protocol's real-data tasks; thresholds from the
 * evaluation README's reference figures (scikit-learn 1.2).
 */
class ProtocolBaselinesTest {

    @Test
    void logisticRegression_germanCredit_reachesReferenceRocAuc() {
        // README: logistic regression ROC-AUC 0.802, KS 0.505, Brier 0.158; must be >= 0.78.
        ProtocolData.Task t = ProtocolData.german();
        assertEquals(61, t.trainX()[0].length, "protocol: 61 inputs");
        assertEquals(700, t.trainX().length);
        LogisticRegression lr =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () ->
                                LogisticRegression.fit(
                                        t.trainX(),
                                        t.trainY(),
                                        LogisticRegression.SKLEARN_DEFAULT_L2));
        double[] p = lr.predictProbabilities(t.testX());
        double auc = ClassificationMetrics.rocAuc(t.testY(), p);
        double ks = ClassificationMetrics.ks(t.testY(), p);
        double brier = ClassificationMetrics.brier(t.testY(), p);
        ConfidenceInterval ci =
                Bootstrap.classification(
                        t.testY(), p, ClassificationMetrics::rocAuc, 1000, 0.95, 42);
        System.out.printf(
                "German LR: ROC-AUC %.4f (95%% CI %.4f-%.4f) KS %.4f Brier %.4f"
                        + " (README 0.802 / 0.505 / 0.158)%n",
                auc, ci.lower(), ci.upper(), ks, brier);
        assertTrue(auc >= 0.78, "ROC-AUC " + auc);
    }

    @Test
    void mahalanobis_fraud_reachesReferenceRocAuc() {
        // README: Mahalanobis ROC-AUC 0.973, PR-AUC 0.964, recall@1%FPR 0.838; assert >= 0.96.
        ProtocolData.Task t = ProtocolData.fraudGenuineTrainVersusTest();
        double[] s =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> MahalanobisScorer.fit(t.trainX()).scores(t.testX()));
        double auc = report("Mahalanobis", t.testY(), s, "0.973 / 0.964 / 0.838");
        assertTrue(auc >= 0.96, "ROC-AUC " + auc);
    }

    @Test
    void isolationForest_fraud_reachesNearReferenceRocAuc() {
        // README: IsolationForest ROC-AUC 0.956, PR-AUC 0.927, recall@1%FPR 0.61; assert >= 0.93.
        ProtocolData.Task t = ProtocolData.fraudGenuineTrainVersusTest();
        double[] s =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> IsolationForest.fit(t.trainX(), 42).scores(t.testX()));
        double auc = report("IsolationForest", t.testY(), s, "0.956 / 0.927 / 0.61");
        assertTrue(auc >= 0.93, "ROC-AUC " + auc);
    }

    private static double report(String name, int[] y, double[] s, String readme) {
        double auc = ClassificationMetrics.rocAuc(y, s);
        double ap = ClassificationMetrics.averagePrecision(y, s);
        double r1 = ClassificationMetrics.recallAtFpr(y, s, 0.01);
        ConfidenceInterval ci =
                Bootstrap.classification(y, s, ClassificationMetrics::rocAuc, 1000, 0.95, 42);
        System.out.printf(
                "Fraud %s: ROC-AUC %.4f (95%% CI %.4f-%.4f) AP %.4f recall@1%%FPR %.4f"
                        + " (README %s)%n",
                name, auc, ci.lower(), ci.upper(), ap, r1, readme);
        return auc;
    }
}
