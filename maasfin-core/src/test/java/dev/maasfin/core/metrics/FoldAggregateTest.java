// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldAggregateTest {

    @Test
    void of_oneClassFold_isReportedNotAveragedIn() {
        // Case 14: a fold with no positives must not pull the mean down as 0 (or up as 0.5).
        MetricOutcome good =
                MetricOutcome.evaluate(
                        "ROC-AUC",
                        () ->
                                ClassificationMetrics.rocAuc(
                                        new int[] {0, 1, 0, 1}, new double[] {0.1, 0.9, 0.2, 0.8}));
        MetricOutcome oneClass =
                MetricOutcome.evaluate(
                        "ROC-AUC",
                        () ->
                                ClassificationMetrics.rocAuc(
                                        new int[] {0, 0}, new double[] {0.1, 0.9}));
        assertTrue(good.isDefined());
        assertFalse(oneClass.isDefined());
        FoldAggregate agg = FoldAggregate.of(List.of(good, oneClass));
        assertEquals(1.0, agg.mean(), 0);
        assertEquals(1, agg.definedFolds());
        assertEquals(1, agg.undefinedFolds());
        assertTrue(agg.undefinedReasons().get(0).contains("only one class"));
    }
}
