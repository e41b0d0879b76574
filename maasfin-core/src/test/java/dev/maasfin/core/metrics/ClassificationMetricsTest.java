// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    // Case 13 input (shared/cases/reference-cases.md): 12 rows, 5 positives, tied scores.
    static final int[] CASE13_LABELS = {1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    static final double[] CASE13_SCORES = {
        0.70, 0.12, 0.90, 0.45, 0.70, 0.45, 0.30, 0.90, 0.12, 0.45, 0.70, 0.70
    };

    @Test
    void rocAuc_case13WithTies_isMannWhitneyWithHalfTies() {
        // Case 13: 23.5 / 35, tolerance 1e-12.
        assertEquals(23.5 / 35, ClassificationMetrics.rocAuc(CASE13_LABELS, CASE13_SCORES), 1e-12);
    }

    @Test
    void averagePrecision_case13WithTies_isStepwiseOverDistinctThresholds() {
        // Case 13: 0.522222 (= 0.2*1/2 + 0.4*3/6 + 0.4*5/9 worked by hand: 0.1+0.2+0.2222...).
        double expected = 0.2 * 0.5 + 0.4 * 0.5 + 0.4 * 5.0 / 9.0;
        assertEquals(0.522222, expected, 1e-6);
        assertEquals(
                expected,
                ClassificationMetrics.averagePrecision(CASE13_LABELS, CASE13_SCORES),
                1e-12);
    }

    @Test
    void ks_case13WithTies_isThreeSevenths() {
        // Case 13: KS 3/7 reached at threshold 0.45 (TPR 1, FPR 4/7).
        assertEquals(3.0 / 7, ClassificationMetrics.ks(CASE13_LABELS, CASE13_SCORES), 1e-12);
    }

    @Test
    void rocCurve_case13WithTies_hasOnePointPerDistinctThreshold() {
        // Case 13 ROC points (threshold: FPR, TPR).
        RocCurve c = ClassificationMetrics.rocCurve(CASE13_LABELS, CASE13_SCORES);
        assertArrayEquals(new double[] {0.90, 0.70, 0.45, 0.30, 0.12}, c.thresholds(), 0);
        assertArrayEquals(
                new double[] {1.0 / 7, 3.0 / 7, 4.0 / 7, 5.0 / 7, 1},
                c.falsePositiveRates(),
                1e-12);
        assertArrayEquals(new double[] {0.2, 0.6, 1, 1, 1}, c.truePositiveRates(), 1e-12);
    }

    @Test
    void metrics_case14AOneClass_throwNamingMetricAndOnlyOneClass() {
        // Case 14 A: all labels 0; ROC-AUC, AP and KS undefined, consistently an exception.
        int[] y = {0, 0, 0, 0, 0, 0};
        double[] s = {0.10, 0.35, 0.20, 0.80, 0.05, 0.40};
        assertUndefined("ROC-AUC", () -> ClassificationMetrics.rocAuc(y, s));
        assertUndefined("average precision", () -> ClassificationMetrics.averagePrecision(y, s));
        assertUndefined("KS", () -> ClassificationMetrics.ks(y, s));
    }

    private static void assertUndefined(String metric, Runnable r) {
        UndefinedMetricException e = assertThrows(UndefinedMetricException.class, r::run);
        assertEquals(metric, e.metric());
        assertTrue(e.getMessage().startsWith(metric + " is undefined"), e.getMessage());
        assertTrue(e.getMessage().contains("only one class"), e.getMessage());
    }

    @Test
    void brier_case14AOneClass_isDefined() {
        // Case 14 A: mean(p²) with all labels 0 = 0.1625.
        int[] y = {0, 0, 0, 0, 0, 0};
        double[] s = {0.10, 0.35, 0.20, 0.80, 0.05, 0.40};
        assertEquals(0.1625, ClassificationMetrics.brier(y, s), 1e-12);
    }

    @Test
    void brier_case14BAllPositive_usesLabelOneAsPositive() {
        // Case 14 B: mean((p - 1)²) = 0.00405; p all 1 -> 0, p all 0 -> 1.
        int[] y = {1, 1, 1, 1, 1, 1};
        double[] p = {0.92, 0.97, 1.00, 0.88, 0.95, 0.99};
        assertEquals(0.00405, ClassificationMetrics.brier(y, p), 1e-12);
        assertEquals(0.0, ClassificationMetrics.brier(y, new double[] {1, 1, 1, 1, 1, 1}), 0);
        assertEquals(1.0, ClassificationMetrics.brier(y, new double[6]), 0);
    }

    @Test
    void metrics_case14CNaNScore_throwNamingRowTwo() {
        // Case 14 C: a NaN at row 2 must be reported with its row, never ranked.
        int[] y = {0, 1, 1, 0, 1, 0, 0, 0};
        double[] s = {0.30, 0.80, Double.NaN, 0.10, 0.60, 0.20, 0.45, 0.15};
        for (Runnable r :
                List.<Runnable>of(
                        () -> ClassificationMetrics.rocAuc(y, s),
                        () -> ClassificationMetrics.averagePrecision(y, s),
                        () -> ClassificationMetrics.ks(y, s))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertEquals("scores must not be NaN but row 2 is NaN", e.getMessage());
        }
    }

    @Test
    void metrics_case14DAllTied_giveHalfPrevalenceAndZero() {
        // Case 14 D: one threshold; AUC 0.5, AP = prevalence 3/8, KS 0.
        int[] y = {0, 1, 0, 0, 1, 0, 1, 0};
        double[] s = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        assertEquals(0.5, ClassificationMetrics.rocAuc(y, s), 1e-12);
        assertEquals(0.375, ClassificationMetrics.averagePrecision(y, s), 1e-12);
        assertEquals(0.0, ClassificationMetrics.ks(y, s), 1e-12);
    }

    @Test
    void rocAuc_whenLengthsDiffer_namesBothLengths() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationMetrics.rocAuc(new int[] {0, 1}, new double[] {0.1}));
        assertEquals(
                "labels and scores must have equal length but labels has 2 and scores has 1",
                e.getMessage());
    }

    @Test
    void rocAuc_whenLabelIsTwo_namesRowAndValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ClassificationMetrics.rocAuc(
                                        new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertEquals("labels must be 0 or 1 but row 1 is 2", e.getMessage());
    }

    @Test
    void recallAtFpr_followsProtocolStrictThresholdOnKPlusFirstNegative() {
        // Negatives 0.9, 0.8, 0.7, ..., 0.0 (10); fpr 0.2 -> k = 2, t = third largest = 0.7.
        // Positives 0.95, 0.85, 0.7, 0.1: flagged strictly above 0.7 -> 2 of 4 = 0.5.
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0, 0.95, 0.85, 0.7, 0.1};
        assertEquals(0.5, ClassificationMetrics.recallAtFpr(y, s, 0.2), 1e-12);
        // fpr 0.05 -> k = floor(0.5) = 0, t = 0.9: only 0.95 flagged.
        assertEquals(0.25, ClassificationMetrics.recallAtFpr(y, s, 0.05), 1e-12);
    }

    @Test
    void recallAtFpr_whenFprIsOne_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationMetrics.recallAtFpr(CASE13_LABELS, CASE13_SCORES, 1));
        assertEquals("fpr must be in [0, 1) but was 1.0", e.getMessage());
    }

    @Test
    void precisionAndRecallAt_case13Threshold045_countScoresAtOrAbove() {
        // Case 13 at 0.45: TP 5, FP 4 -> precision 5/9, recall 1.
        assertEquals(
                5.0 / 9,
                ClassificationMetrics.precisionAt(CASE13_LABELS, CASE13_SCORES, 0.45),
                1e-12);
        assertEquals(
                1.0, ClassificationMetrics.recallAt(CASE13_LABELS, CASE13_SCORES, 0.45), 1e-12);
    }

    @Test
    void precisionAt_whenNothingFlagged_isUndefined() {
        UndefinedMetricException e =
                assertThrows(
                        UndefinedMetricException.class,
                        () ->
                                ClassificationMetrics.precisionAt(
                                        CASE13_LABELS, CASE13_SCORES, 0.95));
        assertTrue(e.getMessage().contains("nothing is flagged"), e.getMessage());
    }

    @Test
    void accuracyAndBalancedAccuracy_matchHandCounts() {
        // 6 rows: class 0 has 4 rows, 3 right; class 1 has 2 rows, 1 right.
        int[] y = {0, 0, 0, 0, 1, 1};
        int[] p = {0, 0, 0, 1, 1, 0};
        assertEquals(4.0 / 6, ClassificationMetrics.accuracy(y, p), 1e-12);
        assertEquals((0.75 + 0.5) / 2, ClassificationMetrics.balancedAccuracy(y, p), 1e-12);
    }

    @Test
    void calibrationTable_binsByPredictedProbability() {
        // Two bins: [0, .5) holds 0.1, 0.2 (labels 0, 1); [.5, 1] holds 0.6, 1.0 (labels 1, 1).
        CalibrationTable t =
                ClassificationMetrics.calibrationTable(
                        new int[] {0, 1, 1, 1}, new double[] {0.1, 0.2, 0.6, 1.0}, 2);
        assertArrayEquals(new long[] {2, 2}, t.counts());
        assertArrayEquals(new double[] {0.15, 0.8}, t.meanPredicted(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0}, t.observedRate(), 1e-12);
        assertArrayEquals(new double[] {0.0, 0.5}, t.lowerEdges(), 0);
    }

    @Test
    void calibrationTable_emptyBin_isNaNNotZero() {
        CalibrationTable t =
                ClassificationMetrics.calibrationTable(
                        new int[] {0, 1}, new double[] {0.1, 0.2}, 4);
        assertEquals(0, t.counts()[3]);
        assertTrue(Double.isNaN(t.meanPredicted()[3]));
        assertTrue(Double.isNaN(t.observedRate()[3]));
    }

    @Test
    void brier_whenProbabilityAboveOne_namesRow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ClassificationMetrics.brier(
                                        new int[] {0, 1}, new double[] {0.1, 1.2}));
        assertEquals("probabilities must be in [0, 1] but row 1 is 1.2", e.getMessage());
    }
}
