// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.explain.Explanation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference case 18 (integrated-gradients part) of shared/cases/reference-cases.md. */
class IntegratedGradientsTest {
    // Case 18: f(x) = sigmoid(w.x + b) over a flattened window of 2 features x 3 steps.
    private static final double[] W = {0.8, -0.5, 1.2, 0.3, -0.9, 0.6};
    private static final double B = -0.2;
    private static final double[] X = {0.5, 1.0, -0.3, 0.8, 0.2, -1.1};
    private static final double[] ZEROS = new double[6];
    private static final double[] TRAINING_MEAN = {0.1, 0.2, 0.0, 0.3, -0.1, 0.1};
    private static final List<String> NAMES =
            List.of("ret_t0", "vol_t0", "ret_t1", "vol_t1", "ret_t2", "vol_t2");

    /** Exact value and gradient: d sigmoid(z) / dx_i = s (1 - s) w_i. */
    private static final DifferentiableModel SIGMOID =
            (points, grads) -> {
                double[] values = new double[points.length];
                for (int k = 0; k < points.length; k++) {
                    double z = B;
                    for (int i = 0; i < W.length; i++) {
                        z += W[i] * points[k][i];
                    }
                    double s = 1 / (1 + Math.exp(-z));
                    values[k] = s;
                    for (int i = 0; i < W.length; i++) {
                        grads[k][i] = s * (1 - s) * W[i];
                    }
                }
                return values;
            };

    @Test
    void explain_againstZeros_matchesCase18() {
        // Case 18: f(x) 0.220974, f(0) 0.450166, delta F -0.229192; IG = 0.086488, -0.108109,
        // -0.077839, 0.051893, -0.038919, -0.142705 (tolerance 1e-6 at the default steps).
        IntegratedGradients.Result r =
                new IntegratedGradients(SIGMOID).explain(X, ZEROS, "zeros", NAMES);
        Explanation e = r.explanation();
        assertEquals(0.220974, e.prediction(), 1e-6);
        assertEquals(0.450166, e.baselinePrediction(), 1e-6);
        assertArrayEquals(
                new double[] {0.086488, -0.108109, -0.077839, 0.051893, -0.038919, -0.142705},
                e.attributions(),
                1e-6);
        assertEquals(-0.229192, e.total(), 1e-6);
        assertEquals("zeros", e.baseline());
        // Completeness within 1e-3 relative, as the case asks.
        assertTrue(r.complete(1e-3), "delta " + r.delta());
    }

    @Test
    void explain_againstTrainingMean_matchesCase18AndRecordsBaseline() {
        // Case 18: baseline = training mean, f = 0.505000, delta F -0.284026; IG = 0.071006,
        // -0.088758, -0.079882, 0.033284, -0.059912, -0.159765.
        IntegratedGradients.Result r =
                new IntegratedGradients(SIGMOID).explain(X, TRAINING_MEAN, "training mean", NAMES);
        assertEquals(0.505000, r.explanation().baselinePrediction(), 1e-6);
        assertArrayEquals(
                new double[] {0.071006, -0.088758, -0.079882, 0.033284, -0.059912, -0.159765},
                r.explanation().attributions(),
                1e-6);
        assertEquals("training mean", r.explanation().baseline());
    }

    @Test
    void explain_exactFormulaHoldsForEveryRule() {
        // Case 18 derivation: IG_i = w_i (x_i - x'_i) (s(z1) - s(z0)) / (z1 - z0).
        double z1 = B;
        double z0 = B;
        for (int i = 0; i < 6; i++) {
            z1 += W[i] * X[i];
        }
        double factor = (1 / (1 + Math.exp(-z1)) - 1 / (1 + Math.exp(-z0))) / (z1 - z0);
        for (IntegratedGradients.Rule rule : IntegratedGradients.Rule.values()) {
            double[] ig =
                    new IntegratedGradients(SIGMOID, rule, 200)
                            .explain(X, ZEROS, "zeros", NAMES)
                            .explanation()
                            .attributions();
            for (int i = 0; i < 6; i++) {
                assertEquals(W[i] * X[i] * factor, ig[i], 2e-4, rule + " feature " + i);
            }
        }
    }

    @Test
    void leftRiemannWithFourSteps_isVisiblyIncomplete() {
        // Case 18 "wrong output": left Riemann with 4 steps sums to -0.238761, 4 % off.
        IntegratedGradients.Result r =
                new IntegratedGradients(SIGMOID, IntegratedGradients.Rule.RIEMANN_LEFT, 4)
                        .explain(X, ZEROS, "zeros", NAMES);
        assertEquals(-0.238761, r.explanation().total(), 1e-6);
        assertFalse(r.complete(0.01), "a 4 % gap must fail a 1 % completeness check");
    }

    @Test
    void explain_onSyntheticTask_ranksTheOnlyUsedFeatureFirst() {
        // A model that reads feature 3 only: all credit goes to it.
        DifferentiableModel onlyThird =
                (points, grads) -> {
                    double[] v = new double[points.length];
                    for (int k = 0; k < points.length; k++) {
                        v[k] = Math.tanh(points[k][3]);
                        grads[k][3] = 1 - v[k] * v[k];
                    }
                    return v;
                };
        Explanation e =
                new IntegratedGradients(onlyThird).explain(X, ZEROS, "zeros", NAMES).explanation();
        assertEquals("vol_t1", e.topReasons(1).get(0).feature());
        assertEquals(Math.tanh(0.8), e.attributions()[3], 1e-9);
    }

    @Test
    void explain_whenLengthsDiffer_namesAllThree() {
        IllegalArgumentException ex =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new IntegratedGradients(SIGMOID)
                                        .explain(X, new double[5], "zeros", NAMES));
        assertEquals(
                "input has 6 values, baseline 5, feature names 6; all must be equal",
                ex.getMessage());
    }

    @Test
    void constructor_whenStepsBelowOne_namesValue() {
        IllegalArgumentException ex =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new IntegratedGradients(
                                        SIGMOID, IntegratedGradients.Rule.RIEMANN_LEFT, 0));
        assertEquals("steps must be >= 1 but was 0", ex.getMessage());
    }
}
