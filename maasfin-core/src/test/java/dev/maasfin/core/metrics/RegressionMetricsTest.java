// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    // Case 15 input (shared/cases/reference-cases.md): realised sd and two forecasts.
    static final double[] Y = {0.0082, 0.0114, 0.0095, 0.0151, 0.0207, 0.0123, 0.0098, 0.0076};
    static final double[] A = {0.0055, 0.0107, 0.0092, 0.0125, 0.0188, 0.0116, 0.0090, 0.0061};
    static final double[] B = {0.0094, 0.0150, 0.0129, 0.0178, 0.0243, 0.0146, 0.0129, 0.0078};

    @Test
    void qlike_case15_isNormalisedVarianceFormAndPicksB() {
        // Case 15: QLIKE(A) = 0.0838377, QLIKE(B) = 0.0738161 (printed to 7 digits) -> B better.
        double a = RegressionMetrics.qlike(Y, A);
        double b = RegressionMetrics.qlike(Y, B);
        assertEquals(0.0838377, a, 5e-8);
        assertEquals(0.0738161, b, 5e-8);
        assertTrue(b < a);
    }

    @Test
    void qlikeLosses_case15A_matchPrintedPerPointLosses() {
        // Case 15 per-point losses of A, printed to 6 decimals.
        double[] expected = {
            0.424038, 0.008382, 0.002104, 0.081332, 0.019788, 0.007143, 0.015363, 0.112552
        };
        assertArrayEquals(expected, RegressionMetrics.qlikeLosses(Y, A), 5e-7);
    }

    @Test
    void qlike_perfectForecast_isExactlyZero() {
        assertEquals(0.0, RegressionMetrics.qlike(Y, Y), 0);
    }

    @Test
    void qlike_zeroRealisedValue_isRejectedNamingRow() {
        // Case 15: y3 = 0 gives an infinite loss; maasfin rejects it.
        double[] y = Y.clone();
        y[3] = 0;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.qlike(y, A));
        assertEquals(
                "QLIKE needs realised value != 0 (the loss is infinite) but row 3 is 0",
                e.getMessage());
    }

    @Test
    void qlike_nonPositiveForecast_isRejectedNamingRow() {
        double[] f = A.clone();
        f[5] = -0.001;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.qlike(Y, f));
        assertEquals("QLIKE needs forecast > 0 but row 5 is -0.001", e.getMessage());
        f[5] = 0;
        e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.qlike(Y, f));
        assertEquals("QLIKE needs forecast > 0 but row 5 is 0.0", e.getMessage());
    }

    @Test
    void rmseMaeMape_matchHandComputation() {
        // errors 1, -2, 2: squared mean 3 -> rmse sqrt 3; mae 5/3; mape (1/2 + 2/4 + 2/8)/3.
        double[] y = {2, 4, 8};
        double[] f = {1, 6, 6};
        assertEquals(Math.sqrt(3), RegressionMetrics.rmse(y, f), 1e-15);
        assertEquals(5.0 / 3, RegressionMetrics.mae(y, f), 1e-15);
        assertEquals(1.25 / 3, RegressionMetrics.mape(y, f), 1e-15);
        assertArrayEquals(new double[] {1, 4, 4}, RegressionMetrics.squaredErrors(y, f), 0);
        assertArrayEquals(new double[] {1, 2, 2}, RegressionMetrics.absoluteErrors(y, f), 0);
    }

    @Test
    void mape_zeroActual_isRejectedNamingRow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RegressionMetrics.mape(new double[] {1, 0}, new double[] {1, 1}));
        assertEquals("MAPE needs actual != 0 but row 1 is 0", e.getMessage());
    }

    @Test
    void directionalAccuracy_countsMatchingSigns() {
        // signs (+,+) (-,+) (-,-) (0,+): 2 of 4.
        double[] y = {0.01, -0.02, -0.01, 0};
        double[] f = {0.02, 0.01, -0.03, 0.01};
        assertEquals(0.5, RegressionMetrics.directionalAccuracy(y, f), 0);
    }

    @Test
    void rmse_whenLengthsDiffer_namesBothLengths() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RegressionMetrics.rmse(new double[3], new double[2]));
        assertEquals(
                "actual and forecast must have equal length but actual has 3 and forecast has 2",
                e.getMessage());
    }

    @Test
    void rmse_whenForecastIsNaN_namesRow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RegressionMetrics.rmse(new double[2], new double[] {0, Double.NaN}));
        assertEquals("forecast must be finite but row 1 is NaN", e.getMessage());
    }
}
