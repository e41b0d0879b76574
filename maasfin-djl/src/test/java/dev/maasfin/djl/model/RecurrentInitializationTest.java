// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.RecurrentForecasterSpec.Cell;
import dev.maasfin.djl.model.RecurrentForecasterSpec.ForecastLoss;
import dev.maasfin.djl.model.RecurrentForecasterSpec.Initialization;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recurrent forecaster's initialisation and loss options and how they are saved. */
class RecurrentInitializationTest {

    private static final int HIDDEN = 64;

    private static RecurrentForecasterSpec pytorchSpec(Cell cell) {
        return RecurrentForecasterSpec.builder()
                .setWindow(60)
                .setFeatures(4)
                .optCell(cell)
                .optHidden(HIDDEN)
                .optInitialization(Initialization.PYTORCH)
                .build();
    }

    @Test
    void pytorchInitialization_everyParameter_isUniformWithinOneOverSqrtHidden() {
        // PyTorch's nn.LSTM / nn.GRU draw every weight and bias from U(-k, k), k = 1/sqrt(hidden);
        // nn.Linear uses k = 1/sqrt(fan_in) and the head's fan_in is the hidden size.
        double bound = 1 / Math.sqrt(HIDDEN);
        for (Cell cell : Cell.values()) {
            try (NeuralModel m = NeuralModel.create(pytorchSpec(cell), DeviceSpec.cpu(), 42)) {
                for (String name : m.parameterShapes().keySet()) {
                    float[] v = m.parameter(name);
                    for (float x : v) {
                        assertTrue(Math.abs(x) <= bound, cell + " " + name + " value " + x);
                    }
                    assertSdNearUniform(cell + " " + name, v, bound);
                }
            }
        }
    }

    /**
     * A uniform on [-k, k] has sd k/sqrt(3). The sample sd of n draws has a relative standard error
     * of about sqrt((kurtosis - 1) / n) / 2 = sqrt(0.8 / n) / 2 (uniform kurtosis 1.8), so 5 such
     * errors is the tolerance: 14 % for the 64 head weights, 3 % for the 1,024 input weights. The
     * single head bias is only checked against the bound.
     */
    private static void assertSdNearUniform(String what, float[] v, double bound) {
        if (v.length < 64) {
            return;
        }
        double mean = 0;
        for (float x : v) {
            mean += x / (double) v.length;
        }
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        double expected = bound / Math.sqrt(3);
        double tolerance = 5 * Math.sqrt(0.8 / v.length) / 2;
        assertEquals(expected, sd, expected * tolerance, what + " sample sd");
    }

    @Test
    void pytorchInitialization_biasesAreNotZero() {
        try (NeuralModel m = NeuralModel.create(pytorchSpec(Cell.LSTM), DeviceSpec.cpu(), 42)) {
            for (String name : m.parameterShapes().keySet()) {
                if (name.contains("BIAS") || name.endsWith("bias")) {
                    float[] b = m.parameter(name);
                    boolean allZero = true;
                    for (float x : b) {
                        allZero &= x == 0f;
                    }
                    assertFalse(allZero, name + " is all zeros");
                }
            }
        }
    }

    @Test
    void pytorchInitialization_sameSeedTwice_givesIdenticalParametersAndOtherSeedDiffers() {
        RecurrentForecasterSpec spec = pytorchSpec(Cell.LSTM);
        try (NeuralModel a = NeuralModel.create(spec, DeviceSpec.cpu(), 7);
                NeuralModel b = NeuralModel.create(spec, DeviceSpec.cpu(), 7);
                NeuralModel c = NeuralModel.create(spec, DeviceSpec.cpu(), 8)) {
            for (String name : a.parameterShapes().keySet()) {
                assertArrayEquals(a.parameter(name), b.parameter(name), name);
            }
            String input = "01LSTM_l_0_i2h_WEIGHT";
            assertFalse(
                    java.util.Arrays.equals(a.parameter(input), c.parameter(input)),
                    "seeds 7 and 8 gave the same input weights");
        }
    }

    @Test
    void djlDefault_isTheDefaultAndKeepsDjlsHeInitialisedInputWeights() {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(60)
                        .setFeatures(4)
                        .optHidden(64)
                        .build();
        assertEquals(Initialization.DJL_DEFAULT, spec.initialization());
        assertEquals(ForecastLoss.MSE, spec.loss());
        try (NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 42)) {
            float[] w = m.parameter("01LSTM_l_0_i2h_WEIGHT");
            double ss = 0;
            for (float x : w) {
                ss += x * (double) x;
            }
            // DJL 0.36: normal, sd sqrt(2 / fan_in) = sqrt(2 / 4) = 0.707; 1,024 draws give a
            // relative standard error of about 1/sqrt(2 * 1024) = 2 %, so 10 % is 5 errors.
            assertEquals(Math.sqrt(0.5), Math.sqrt(ss / w.length), 0.0707);
            assertArrayEquals(new float[256], m.parameter("01LSTM_l_0_i2h_BIAS"));
        }
    }

    @Test
    void hyperParameters_roundTripThroughJson_keepInitializationAndLoss() {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(60)
                        .setFeatures(4)
                        .optInitialization(Initialization.PYTORCH)
                        .optLoss(ForecastLoss.QLIKE_LOG)
                        .build();

        RecurrentForecasterSpec back =
                (RecurrentForecasterSpec)
                        NetworkSpecs.fromJson(RecurrentForecasterSpec.TYPE, spec.hyperParameters());

        assertEquals("PYTORCH", spec.hyperParameters().get("initialization"));
        assertEquals("QLIKE_LOG", spec.hyperParameters().get("loss"));
        assertEquals(Initialization.PYTORCH, back.initialization());
        assertEquals(ForecastLoss.QLIKE_LOG, back.loss());
        assertEquals(spec.hyperParameters(), back.hyperParameters());
    }

    @Test
    void jsonWithoutTheNewFields_readsAsDjlDefaultAndMse() {
        // The hyper-parameters as artifacts of format 1 and 2 wrote them (see the golden files).
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("window", 4);
        old.put("features", 1);
        old.put("cell", "LSTM");
        old.put("hidden", 2);
        old.put("layers", 1);
        old.put("dropout", 0.0);
        old.put("horizons", 1);
        old.put("quantiles", java.util.List.of());

        RecurrentForecasterSpec spec =
                (RecurrentForecasterSpec) NetworkSpecs.fromJson(RecurrentForecasterSpec.TYPE, old);

        assertEquals(Initialization.DJL_DEFAULT, spec.initialization());
        assertEquals(ForecastLoss.MSE, spec.loss());
    }

    @Test
    void jsonWithAnUnknownInitialization_isRejectedNamingKeyAndValue() {
        Map<String, Object> hp =
                new LinkedHashMap<>(
                        RecurrentForecasterSpec.builder()
                                .setWindow(4)
                                .setFeatures(1)
                                .build()
                                .hyperParameters());
        hp.put("initialization", "XAVIER");

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> NetworkSpecs.fromJson(RecurrentForecasterSpec.TYPE, hp));

        assertTrue(
                e.getMessage()
                        .contains(
                                "hyper-parameter 'initialization' must be one of [DJL_DEFAULT,"
                                        + " PYTORCH] but was 'XAVIER'"),
                e.getMessage());
    }

    @Test
    void qlikeLossWithQuantiles_isRejectedNamingBoth() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                RecurrentForecasterSpec.builder()
                                        .setWindow(4)
                                        .setFeatures(1)
                                        .optQuantiles(0.1f, 0.9f)
                                        .optLoss(ForecastLoss.QLIKE_LOG)
                                        .build());

        assertTrue(
                e.getMessage()
                        .contains(
                                "loss QLIKE_LOG gives point forecasts but quantiles were set to"
                                        + " [0.1, 0.9]"),
                e.getMessage());
    }

    @Test
    void pytorchInitializedModel_savedAndLoaded_predictsBitIdentically() throws Exception {
        Path dir = Paths.get("target", "artifacts-test", UUID.randomUUID().toString());
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(3)
                        .setFeatures(2)
                        .optHidden(8)
                        .optInitialization(Initialization.PYTORCH)
                        .optLoss(ForecastLoss.QLIKE_LOG)
                        .build();
        float[] x = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
        try (NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 5)) {
            float before = m.predict(x, 1)[0];
            ModelArtifacts.save(m, dir);

            try (NeuralModel loaded = ModelArtifacts.load(dir, DeviceSpec.cpu())) {
                RecurrentForecasterSpec back = (RecurrentForecasterSpec) loaded.spec();
                assertEquals(Initialization.PYTORCH, back.initialization());
                assertEquals(ForecastLoss.QLIKE_LOG, back.loss());
                assertEquals(
                        Float.floatToIntBits(before),
                        Float.floatToIntBits(loaded.predict(x, 1)[0]));
            }
        }
    }

    /** Labels with mean 0.08 whose QLIKE-optimal constant is about 0.339 (see below). */
    private static final float[] LABELS = {-0.6f, -0.2f, 0f, 0.3f, 0.9f};

    private static float trainOnZeroInputs(ForecastLoss loss, int seed) {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(2)
                        .setFeatures(1)
                        .optHidden(4)
                        .optInitialization(Initialization.PYTORCH)
                        .optLoss(loss)
                        .build();
        int n = 8 * LABELS.length;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = LABELS[i % LABELS.length];
        }
        TrainerConfig cfg =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(0.05)
                        .setBatchSize(n)
                        .setMaxEpochs(300)
                        .setSeed(seed)
                        .build();
        TrainingData data = TrainingData.of(new float[n * 2], new int[] {2, 1}, y, 1);
        try (NeuralModel m = new ModelTrainer(cfg).train(spec, data, null, null).model()) {
            return m.predict(new float[2], 1)[0];
        }
    }

    @Test
    void qlikeLoss_onZeroInputs_trainsTheConstantToHalfTheLogOfMeanExpTwoT() {
        // With all-zero inputs the network's output is one constant o. QLIKE on the log scale,
        // mean(exp(2(t - o)) - 2(t - o) - 1), is minimised at o = 0.5 ln mean(exp(2t)) (its
        // derivative 2 - 2 mean(exp(2(t - o))) vanishes there); MSE is minimised at mean(t).
        double meanExp2t = 0;
        double meanT = 0;
        for (float t : LABELS) {
            meanExp2t += Math.exp(2 * t) / LABELS.length;
            meanT += t / LABELS.length;
        }
        double qlikeOptimum = 0.5 * Math.log(meanExp2t);

        assertEquals(qlikeOptimum, trainOnZeroInputs(ForecastLoss.QLIKE_LOG, 3), 0.01);
        assertEquals(meanT, trainOnZeroInputs(ForecastLoss.MSE, 3), 0.01);
    }

    @Test
    void qlikeLossWithPytorchInitialization_sameSeedTwice_trainsBitIdentically() {
        assertEquals(
                Float.floatToIntBits(trainOnZeroInputs(ForecastLoss.QLIKE_LOG, 11)),
                Float.floatToIntBits(trainOnZeroInputs(ForecastLoss.QLIKE_LOG, 11)));
    }
}
