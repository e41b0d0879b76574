// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void classification_stratified_everyResampleHasBothClassesAndIsSeeded() {
        // 3 positives among 30 rows: an unstratified resample would often have none and throw.
        Random r = new Random(1);
        int[] y = new int[30];
        double[] s = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = i < 3 ? 1 : 0;
            s[i] = r.nextDouble() + y[i] * 0.3;
        }
        ConfidenceInterval a =
                Bootstrap.classification(y, s, ClassificationMetrics::rocAuc, 500, 0.95, 7);
        ConfidenceInterval b =
                Bootstrap.classification(y, s, ClassificationMetrics::rocAuc, 500, 0.95, 7);
        assertEquals(a, b);
        assertEquals(ClassificationMetrics.rocAuc(y, s), a.estimate(), 0);
        assertTrue(a.lower() <= a.estimate() && a.estimate() <= a.upper(), a.toString());
        assertEquals(500, a.resamples());
    }

    @Test
    void regression_constantErrors_giveDegenerateInterval() {
        // Every error is 1, so every resample's MAE is exactly 1.
        double[] y = {1, 2, 3, 4, 5};
        double[] f = {2, 3, 4, 5, 6};
        ConfidenceInterval ci = Bootstrap.regression(y, f, RegressionMetrics::mae, 200, 0.9, 3);
        assertEquals(1.0, ci.lower(), 1e-15);
        assertEquals(1.0, ci.upper(), 1e-15);
    }

    @Test
    void regression_levelOutsideUnitInterval_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Bootstrap.regression(
                                        new double[] {1},
                                        new double[] {1},
                                        RegressionMetrics::mae,
                                        10,
                                        1.5,
                                        1));
        assertEquals("level must be in (0, 1) but was 1.5", e.getMessage());
    }
}
