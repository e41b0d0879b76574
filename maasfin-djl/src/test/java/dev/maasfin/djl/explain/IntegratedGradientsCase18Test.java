// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.core.explain.DifferentiableModel;
import dev.maasfin.core.explain.IntegratedGradients;
import dev.maasfin.core.explain.IntegratedGradients.Rule;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.PyTorchImport;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference case 18 (integrated gradients) on DJL networks. Expected values are the case's, printed
 * to 6 (dense) or 8 (LSTM) decimals; the networks compute in float32. Tolerance 2e-6: half a unit
 * of the printed 6th decimal plus float32 rounding of values near 0.1 (measured gaps are below
 * 1e-7).
 */
class IntegratedGradientsCase18Test {

    private static final double TOL = 2e-6;
    private static final double[] W = {0.8, -0.5, 1.2, 0.3, -0.9, 0.6};
    private static final double B = -0.2;
    private static final double[] X = {0.5, 1.0, -0.3, 0.8, 0.2, -1.1};
    private static final double[] MEAN = {0.1, 0.2, 0.0, 0.3, -0.1, 0.1};
    private static final List<String> NAMES =
            GradientExplainer.windowNames(List.of("ret", "vol"), 3);

    private static NeuralModel sigmoidScorer() {
        NeuralModel m = NeuralModel.create(new SigmoidScorerSpec(6), DeviceSpec.cpu(), 1);
        float[] w = new float[6];
        for (int i = 0; i < 6; i++) {
            w[i] = (float) W[i];
        }
        m.setParameter("01Linear_weight", w);
        m.setParameter("01Linear_bias", new float[] {(float) B});
        return m;
    }

    @Test
    void sigmoidScorer_zeroBaseline_givesCase18Attributions() {
        try (NeuralModel m = sigmoidScorer()) {
            IntegratedGradients.Result r =
                    GradientExplainer.integratedGradients(
                            GradientModels.of(m, 0), X, new double[6], "zeros", NAMES);

            Explanation e = r.explanation();
            // Case 18: f(x) 0.220974, f(0) 0.450166, IG below, sum -0.229192.
            assertArrayEquals(
                    new double[] {0.086488, -0.108109, -0.077839, 0.051893, -0.038919, -0.142705},
                    e.attributions(),
                    TOL);
            assertEquals(0.220974, e.prediction(), TOL);
            assertEquals(0.450166, e.baselinePrediction(), TOL);
            assertEquals(-0.229192, e.total(), TOL);
            assertEquals("zeros", e.baseline());
            assertTrue(r.complete(1e-3), "delta " + r.delta());
        }
    }

    @Test
    void sigmoidScorer_trainingMeanBaseline_givesCase18AttributionsAndRecordsBaseline() {
        try (NeuralModel m = sigmoidScorer()) {
            IntegratedGradients.Result r =
                    GradientExplainer.integratedGradients(
                            GradientModels.of(m, 0), X, MEAN, "training mean", NAMES);

            Explanation e = r.explanation();
            // Case 18: f(mean) 0.505000, delta F -0.284026.
            assertArrayEquals(
                    new double[] {0.071006, -0.088758, -0.079882, 0.033284, -0.059912, -0.159765},
                    e.attributions(),
                    TOL);
            assertEquals(0.505000, e.baselinePrediction(), TOL);
            assertEquals(-0.284026, e.total(), TOL);
            assertEquals("training mean", e.baseline());
            assertEquals(
                    List.of("ret[t-2]", "vol[t-2]", "ret[t-1]", "vol[t-1]", "ret[t]", "vol[t]"),
                    e.featureNames());
        }
    }

    @Test
    void sigmoidScorer_gradientTimesInput_isInputTimesWeightTimesSigmoidSlope() {
        try (NeuralModel m = sigmoidScorer()) {
            Explanation e = GradientExplainer.gradientTimesInput(GradientModels.of(m, 0), X, NAMES);

            // Definition: d sigmoid(z)/dx_i = w_i s (1 - s), z = w.x + b = -1.26.
            double z = B;
            for (int i = 0; i < 6; i++) {
                z += W[i] * X[i];
            }
            double s = 1 / (1 + Math.exp(-z));
            for (int i = 0; i < 6; i++) {
                assertEquals(X[i] * W[i] * s * (1 - s), e.attributions()[i], TOL, "i = " + i);
            }
            assertEquals(0.450166, e.baselinePrediction(), TOL);
            assertEquals("gradient-x-input", e.method());
        }
    }

    @Test
    void sigmoidScorer_groupedPerStepAndPerFeature_keepTheTotal() {
        try (NeuralModel m = sigmoidScorer()) {
            Explanation e =
                    GradientExplainer.integratedGradients(
                                    GradientModels.of(m, 0), X, new double[6], "zeros", NAMES)
                            .explanation();

            SequenceAttribution s = SequenceAttribution.of(e, 3, 2);

            // Sums of the case's attributions: steps (0.086488 - 0.108109), ...; features ret, vol.
            assertArrayEquals(new double[] {-0.021621, -0.025946, -0.181624}, s.perStep(), TOL);
            assertArrayEquals(new double[] {-0.030270, -0.198921}, s.perFeature(), TOL);
            assertEquals(-0.077839, s.cells()[1][0], TOL);
        }
    }

    private static NeuralModel case20Lstm() {
        NeuralModel m =
                NeuralModel.create(
                        RecurrentForecasterSpec.builder()
                                .setWindow(4)
                                .setFeatures(1)
                                .optHidden(2)
                                .build(),
                        DeviceSpec.cpu(),
                        1);
        PyTorchImport.importRecurrent(m, case20StateDict());
        return m;
    }

    /** Case 20's PyTorch state dict (gate rows i, f, g, o), as in LstmCase20Test. */
    private static Map<String, float[]> case20StateDict() {
        Map<String, float[]> sd = new LinkedHashMap<>();
        sd.put("weight_ih_l0", new float[] {0.5f, -0.3f, 0.8f, 0.2f, 0.6f, 0.1f, -0.4f, 0.7f});
        sd.put(
                "weight_hh_l0",
                new float[] {
                    0.1f, -0.2f, 0.3f, 0.05f, -0.1f, 0.2f, 0.15f, -0.05f, 0.2f, 0.1f, -0.3f, 0.25f,
                    0.05f, 0.4f, -0.15f, 0.1f
                });
        sd.put("bias_ih_l0", new float[] {0, 0.1f, 0.5f, 0.3f, 0, -0.1f, 0.05f, 0.2f});
        sd.put("bias_hh_l0", new float[] {0.05f, 0, 0.2f, 0.1f, -0.05f, 0, 0, 0.1f});
        sd.put("head.weight", new float[] {1.2f, -0.7f});
        sd.put("head.bias", new float[] {0.05f});
        return sd;
    }

    private static final double[] WINDOW_A = {0.10, -0.20, 0.05, 0.30};

    @Test
    void case20Lstm_zeroBaseline_givesCase18PerStepAttributions() {
        try (NeuralModel m = case20Lstm()) {
            DifferentiableModel f = GradientModels.of(m, 0);
            List<String> names = GradientExplainer.windowNames(List.of("r"), 4);

            IntegratedGradients.Result r =
                    GradientExplainer.integratedGradients(
                            f, WINDOW_A, new double[4], "zeros", names);

            SequenceAttribution s = SequenceAttribution.of(r.explanation(), 4, 1);
            // Case 18, recurrent model: Gauss-Legendre IG per step and their sum = F(A) - F(0).
            assertArrayEquals(
                    new double[] {0.00769274, -0.01863476, 0.00623634, 0.05333411},
                    s.perStep(),
                    TOL);
            assertEquals(0.04862843, r.explanation().total(), TOL);
            assertEquals(0.10196066, r.explanation().prediction(), 1e-6); // case 20, window A
            assertTrue(Math.abs(r.delta()) < 1e-6, "delta " + r.delta());
        }
    }

    @Test
    void case20Lstm_leftRiemannFiftySteps_givesCase18SumInsideOnePercent() {
        try (NeuralModel m = case20Lstm()) {
            List<String> names = GradientExplainer.windowNames(List.of("r"), 4);

            IntegratedGradients.Result r =
                    GradientExplainer.integratedGradients(
                            GradientModels.of(m, 0),
                            WINDOW_A,
                            new double[4],
                            "zeros",
                            50,
                            Rule.RIEMANN_LEFT,
                            names);

            // Case 18: left Riemann, 50 steps, sum 0.04860571 (exact 0.04862843).
            assertEquals(0.04860571, r.explanation().total(), TOL);
            assertTrue(r.complete(0.01), "delta " + r.delta());
        }
    }

    @Test
    void windowNames_withZeroSteps_isRejectedNamingTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> GradientExplainer.windowNames(List.of("rv5"), 0));
        assertEquals("steps must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void sequenceAttribution_withWrongShape_isRejectedNamingBothSizes() {
        Explanation e = new Explanation("m", "zeros", List.of("a", "b", "c"), new double[3], 0, 0);
        IllegalArgumentException x =
                assertThrows(IllegalArgumentException.class, () -> SequenceAttribution.of(e, 2, 2));
        assertEquals(
                "steps (2) and features (2) must be >= 1 with steps * features = 3 attributions",
                x.getMessage());
    }

    @Test
    void gradientTimesInput_withNaNInput_isRejectedNamingTheFeature() {
        try (NeuralModel m = sigmoidScorer()) {
            double[] bad = X.clone();
            bad[3] = Double.NaN;
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    GradientExplainer.gradientTimesInput(
                                            GradientModels.of(m, 0), bad, NAMES));
            assertEquals("feature vol[t-1]: input NaN is not finite", e.getMessage());
        }
    }
}
