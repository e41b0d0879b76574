// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 1-D temporal CNN forecaster and the 2-D CNN image classifier: shapes and tiny training. */
class CnnTest {

    private static TrainerConfig.Builder config(int epochs) {
        return TrainerConfig.builder()
                .setOptimizer(OptimizerKind.ADAM)
                .setLearningRate(0.005)
                .setBatchSize(16)
                .setMaxEpochs(epochs)
                .setSeed(8);
    }

    @Test
    void imageCnn_on28x28_hasDocumentedLayerShapesAndSoftmaxRows() {
        ImageCnnSpec spec = ImageCnnSpec.builder().setImage(1, 28, 28).setNumClasses(3).build();
        try (NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1)) {
            // 28 -conv3-> 26 -pool2-> 13 -conv3-> 11 -pool2-> 5: dense input 64 * 5 * 5 = 1600.
            assertEquals(new Shape(2, 1600), outputShapeAfter(m, 7, new Shape(2, 1, 28, 28)));
            assertEquals(
                    new Shape(2, 3),
                    m.block().getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[0]);
            float[] p = m.predict(new float[2 * 28 * 28], 2);
            assertEquals(6, p.length);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
        }
    }

    @Test
    void imageCnn_barsWithClassWeights_learnsToTellHorizontalFromVertical() {
        int n = 48;
        float[] x = new float[n * 28 * 28];
        float[] y = new float[n];
        Random r = new Random(4);
        for (int i = 0; i < n; i++) {
            // One vertical-bar image in four: the minority class 1, weighted 3.
            boolean vertical = i % 4 == 0;
            y[i] = vertical ? 1 : 0;
            int pos = 4 + r.nextInt(20);
            for (int a = 0; a < 28; a++) {
                int pixel = vertical ? a * 28 + pos : pos * 28 + a;
                x[i * 784 + pixel] = 1f;
            }
        }
        ImageCnnSpec spec =
                ImageCnnSpec.builder()
                        .setImage(1, 28, 28)
                        .setNumClasses(2)
                        .optClassWeights(1, 3)
                        .build();

        TrainedModel run =
                new ModelTrainer(config(6).build())
                        .train(spec, TrainingData.of(x, new int[] {1, 28, 28}, y, 1), null, null);

        try (NeuralModel m = run.model()) {
            double[] loss = run.result().trainLoss();
            assertTrue(loss[loss.length - 1] < loss[0] / 2, Arrays.toString(loss));
            float[] p = m.predict(x, n);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += (p[2 * i + 1] > 0.5f) == (y[i] == 1) ? 1 : 0;
            }
            assertEquals(n, correct, "training images classified correctly");
        }
    }

    @Test
    void temporalCnn_onSineWindows_trainsAndReloadsBitIdentically() throws Exception {
        int n = 120;
        int window = 10;
        float[] x = new float[n * window];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < window; t++) {
                x[i * window + t] = (float) Math.sin(0.3 * (i + t));
            }
            y[i] = (float) Math.sin(0.3 * (i + window));
        }
        TemporalCnnSpec spec = TemporalCnnSpec.builder().setWindow(window).setFeatures(1).build();

        TrainedModel run =
                new ModelTrainer(config(15).build())
                        .train(spec, TrainingData.of(x, new int[] {window, 1}, y, 1), null, null);

        Path dir = Paths.get("target", "tcnn", UUID.randomUUID().toString());
        try (NeuralModel m = run.model()) {
            double[] loss = run.result().trainLoss();
            assertTrue(loss[loss.length - 1] < loss[0] / 4, Arrays.toString(loss));
            float[] before = m.predict(x, n);
            ModelArtifacts.save(m, dir);
            try (NeuralModel loaded = ModelArtifacts.load(dir, DeviceSpec.cpu())) {
                LstmCase20Test.assertBitsEqual(before, loaded.predict(x, n));
            }
        }
    }

    @Test
    void temporalCnn_windowTooShortForKernels_isRejectedWithTheBound() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TemporalCnnSpec.builder()
                                        .setWindow(4)
                                        .setFeatures(1)
                                        .optKernel(3)
                                        .build());
        assertEquals(
                "invalid temporal CNN spec: window must be > layers * (kernel - 1) = 4 but was 4",
                e.getMessage());
    }

    /** Output shape after the first {@code blocks} children of the sequential block. */
    private static Shape outputShapeAfter(NeuralModel m, int blocks, Shape in) {
        Shape[] shapes = {in};
        for (int k = 0; k < blocks; k++) {
            shapes = m.block().getChildren().get(k).getValue().getOutputShapes(shapes);
        }
        return shapes[0];
    }
}
