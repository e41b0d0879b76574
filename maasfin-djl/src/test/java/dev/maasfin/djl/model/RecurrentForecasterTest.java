// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The LSTM/GRU forecaster: reference case 10 (input layout) and small training runs. */
class RecurrentForecasterTest {

    /** Case 9's five horizon-1 training windows of x = 3.1, 3.4, 3.3, 3.8, 4.0, 3.9, 4.4, ... */
    private static final float[] CASE9_WINDOWS = {
        3.1f, 3.4f, 3.3f, 3.8f,
        3.4f, 3.3f, 3.8f, 4.0f,
        3.3f, 3.8f, 4.0f, 3.9f,
        3.8f, 4.0f, 3.9f, 4.4f,
        4.0f, 3.9f, 4.4f, 4.6f
    };

    private static RecurrentForecasterSpec case10Spec() {
        return RecurrentForecasterSpec.builder().setWindow(4).setFeatures(1).optHidden(8).build();
    }

    @Test
    void case10_batchFirstShapes_sequenceLastStepAndPrediction() {
        try (NeuralModel m = NeuralModel.create(case10Spec(), DeviceSpec.cpu(), 3)) {
            Block lstm = m.block().getChildren().get(0).getValue();
            Shape[] in = {new Shape(5, 4, 1)};

            // Case 10: [N, T, F] = (5, 4, 1) -> sequence (5, 4, 8) -> prediction (5, 1).
            assertEquals(new Shape(5, 4, 8), lstm.getOutputShapes(in)[0]);
            assertEquals(new Shape(5, 1), m.block().getOutputShapes(in)[0]);
            assertEquals(5, m.predictShaped(CASE9_WINDOWS, new int[] {5, 4, 1}).length);
            assertEquals(
                    1,
                    m.predictShaped(Arrays.copyOf(CASE9_WINDOWS, 4), new int[] {1, 4, 1}).length);
        }
    }

    @Test
    void case10_eachWindowAlone_equalsItsRowInTheBatch() {
        try (NeuralModel m = NeuralModel.create(case10Spec(), DeviceSpec.cpu(), 3)) {
            float[] batch = m.predict(CASE9_WINDOWS, 5);

            for (int i = 0; i < 5; i++) {
                float[] one = Arrays.copyOfRange(CASE9_WINDOWS, 4 * i, 4 * i + 4);
                assertEquals(batch[i], m.predict(one, 1)[0], 1e-6, "window " + i);
            }
        }
    }

    @Test
    void case10_timeAndFeatureAxesSwapped_isRejectedNamingBothShapes() {
        try (NeuralModel m = NeuralModel.create(case10Spec(), DeviceSpec.cpu(), 3)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> m.predictShaped(CASE9_WINDOWS, new int[] {5, 1, 4}));

            assertEquals(
                    "input shape (5, 1, 4) does not match the model's input shape (N, 4, 1)",
                    e.getMessage());
        }
    }

    @Test
    void lstmAndGru_onSineWindows_trainingLossFallsBelowAQuarter() {
        for (RecurrentForecasterSpec.Cell cell : RecurrentForecasterSpec.Cell.values()) {
            RecurrentForecasterSpec spec =
                    RecurrentForecasterSpec.builder()
                            .setWindow(8)
                            .setFeatures(1)
                            .optCell(cell)
                            .optHidden(8)
                            .optLayers(2)
                            .optDropout(0.1f)
                            .build();

            TrainedModel run =
                    new ModelTrainer(config().build()).train(spec, sine(160, 8, 1), null, null);

            try (NeuralModel m = run.model()) {
                double[] loss = run.result().trainLoss();
                assertTrue(
                        loss[loss.length - 1] < loss[0] / 4, cell + ": " + Arrays.toString(loss));
                assertEquals(1, m.predict(new float[8], 1).length);
            }
        }
    }

    @Test
    void train_stackedLstmWithDropout_sameSeedGivesBitIdenticalParameters() {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(8)
                        .setFeatures(1)
                        .optHidden(6)
                        .optLayers(2)
                        .optDropout(0.3f)
                        .build();
        TrainerConfig cfg = config().setMaxEpochs(3).build();

        try (NeuralModel a = new ModelTrainer(cfg).train(spec, sine(64, 8, 1), null, null).model();
                NeuralModel b =
                        new ModelTrainer(cfg).train(spec, sine(64, 8, 1), null, null).model()) {
            for (String name : a.parameterShapes().keySet()) {
                LstmCase20Test.assertBitsEqual(a.parameter(name), b.parameter(name));
            }
        }
    }

    @Test
    void quantileForecaster_twoHorizonsThreeQuantiles_outputsHorizonMajorAndTrains() {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(8)
                        .setFeatures(1)
                        .optHidden(8)
                        .optHorizons(2)
                        .optQuantiles(0.1f, 0.5f, 0.9f)
                        .build();

        TrainedModel run =
                new ModelTrainer(config().build()).train(spec, sine(160, 8, 2), null, null);

        try (NeuralModel m = run.model()) {
            assertEquals(6, m.outputWidth());
            double[] loss = run.result().trainLoss();
            assertTrue(loss[loss.length - 1] < loss[0] / 2, Arrays.toString(loss));
            float[] q = m.predict(new float[8], 1);
            assertEquals(6, q.length);
        }
    }

    @Test
    void builder_withUnsortedQuantilesAndZeroHidden_namesBoth() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                RecurrentForecasterSpec.builder()
                                        .setWindow(4)
                                        .setFeatures(1)
                                        .optHidden(0)
                                        .optQuantiles(0.9f, 0.1f)
                                        .build());
        assertEquals(
                "invalid recurrent forecaster spec: hidden must be >= 1 but was 0; quantiles must"
                        + " be strictly increasing in (0, 1) but were [0.9, 0.1]",
                e.getMessage());
    }

    private static TrainerConfig.Builder config() {
        return TrainerConfig.builder()
                .setOptimizer(OptimizerKind.ADAM)
                .setLearningRate(0.02)
                .setBatchSize(32)
                .setMaxEpochs(15)
                .setSeed(5);
    }

    /** Windows of sin(0.3 t) with the next {@code horizons} values as labels. */
    private static TrainingData sine(int n, int window, int horizons) {
        float[] x = new float[n * window];
        float[] y = new float[n * horizons];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < window; t++) {
                x[i * window + t] = (float) Math.sin(0.3 * (i + t));
            }
            for (int h = 0; h < horizons; h++) {
                y[i * horizons + h] = (float) Math.sin(0.3 * (i + window + h));
            }
        }
        return TrainingData.of(x, new int[] {window, 1}, y, horizons);
    }
}
