// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.testutil.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static final int WIDTH = 10;

    private static TrainerConfig.Builder config(int seed) {
        return TrainerConfig.builder()
                .setOptimizer(OptimizerKind.ADAM)
                .setLearningRate(0.01)
                .setBatchSize(32)
                .setMaxEpochs(5)
                .setSeed(seed);
    }

    private static DenseAutoencoderSpec autoencoder() {
        return DenseAutoencoderSpec.builder().setInputWidth(WIDTH).optHiddenWidths(6, 2, 6).build();
    }

    @Test
    void train_sameSeedAndData_givesBitIdenticalParameters() {
        TrainingData data = TrainingData.autoencoding(Synthetic.lowRankRows(200, WIDTH, 1), WIDTH);
        ModelTrainer trainer = new ModelTrainer(config(42).optGradientClip(1.0).build());

        try (NeuralModel a = trainer.train(autoencoder(), data, null, null).model();
                NeuralModel b = trainer.train(autoencoder(), data, null, null).model();
                NeuralModel c =
                        new ModelTrainer(config(43).build())
                                .train(autoencoder(), data, null, null)
                                .model()) {
            for (Map.Entry<String, int[]> p : a.parameterShapes().entrySet()) {
                assertBitsEqual(a.parameter(p.getKey()), b.parameter(p.getKey()), p.getKey());
            }
            String first = a.parameterShapes().keySet().iterator().next();
            assertNotEquals(
                    java.util.Arrays.toString(a.parameter(first)),
                    java.util.Arrays.toString(c.parameter(first)),
                    "another seed must give other weights");
        }
    }

    @Test
    void train_autoencoder_lossFallsAndListenerSeesEveryEpoch() {
        float[] rows = Synthetic.lowRankRows(300, WIDTH, 2);
        TrainingData train = TrainingData.autoencoding(rows, WIDTH);
        TrainingData val = TrainingData.autoencoding(Synthetic.lowRankRows(100, WIDTH, 3), WIDTH);
        List<double[]> seen = new ArrayList<>();

        TrainedModel run =
                new ModelTrainer(config(7).setMaxEpochs(8).build())
                        .train(
                                autoencoder(),
                                train,
                                val,
                                (e, loss, metric, ms) -> seen.add(new double[] {e, loss, metric}));

        try (NeuralModel m = run.model()) {
            double[] loss = run.result().trainLoss();
            assertEquals(8, seen.size());
            assertEquals(1.0, seen.get(0)[0]);
            assertTrue(loss[7] < loss[0] / 2, "train loss " + loss[0] + " -> " + loss[7]);
            assertEquals(run.result().validationMetric()[7], seen.get(7)[2]);
            assertFalse(run.result().stoppedEarly());
            assertEquals(
                    "ADAM",
                    ((java.util.Map<?, ?>) m.trainingInfo().get("trainer")).get("optimizer"));
        }
    }

    @Test
    void earlyStopping_whenNoLaterEpochImprovesEnough_restoresFirstEpochWeights() {
        TrainingData train = TrainingData.autoencoding(Synthetic.lowRankRows(200, WIDTH, 4), WIDTH);
        float[] valRows = Synthetic.lowRankRows(50, WIDTH, 5);
        TrainingData val = TrainingData.autoencoding(valRows, WIDTH);
        // minDelta so large that only epoch 1 (improving on +infinity) counts as improvement.
        TrainerConfig cfg = config(9).setMaxEpochs(10).optEarlyStopping(2, 1e9).build();

        TrainedModel run = new ModelTrainer(cfg).train(autoencoder(), train, val, null);

        try (NeuralModel m = run.model()) {
            assertTrue(run.result().stoppedEarly());
            assertEquals(3, run.result().epochs());
            assertEquals(1, run.result().bestEpoch());
            // The restored weights reproduce epoch 1's validation MSE, not epoch 3's.
            double mse = mse(valRows, m.predict(valRows, 50));
            assertEquals(run.result().validationMetric()[0], mse, 1e-5);
            assertNotEquals(run.result().validationMetric()[2], mse, 1e-5);
        }
    }

    @Test
    void train_withWrongSampleShape_namesBothShapes() {
        TrainingData data = TrainingData.autoencoding(new float[] {1, 2, 3}, 3);
        ModelTrainer trainer = new ModelTrainer(config(1).build());

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> trainer.train(autoencoder(), data, null, null));
        assertEquals(
                "train data has sample shape [3] and label width 3 but dense-autoencoder"
                        + " expects [10] and 10",
                e.getMessage());
    }

    @Test
    void train_withDivergingLearningRate_failsNamingTheRate() {
        TrainingData data = TrainingData.autoencoding(Synthetic.lowRankRows(64, WIDTH, 6), WIDTH);
        TrainerConfig cfg = config(1).setOptimizer(OptimizerKind.SGD).setLearningRate(1e12).build();

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> new ModelTrainer(cfg).train(autoencoder(), data, null, null));
        assertTrue(e.getMessage().startsWith("training loss became "), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate (1.0E12)"), e.getMessage());
    }

    @Test
    void trainingData_withNaN_namesSampleAndPosition() {
        float[] x = {1, 2, Float.NaN, 4};

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainingData.of(x, new int[] {2}, new float[] {0, 1}, 1));
        assertEquals("x sample 1 position 0 must be finite but was NaN", e.getMessage());
    }

    @Test
    void train_classifierWithClassWeights_learnsSeparableMinorityClass() {
        // 1-D points: class 1 (10 %) iff x0 > 1.2; class weight 9 balances the loss.
        java.util.Random r = new java.util.Random(3);
        int n = 400;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = (float) r.nextGaussian();
            y[i] = x[2 * i] > 1.2f ? 1 : 0;
        }
        MlpClassifierSpec spec =
                MlpClassifierSpec.builder()
                        .setInputWidth(2)
                        .setNumClasses(2)
                        .optHiddenWidths(8)
                        .optClassWeights(1, 9)
                        .build();
        TrainingData data = TrainingData.of(x, new int[] {2}, y, 1);

        try (NeuralModel m =
                new ModelTrainer(config(5).setMaxEpochs(30).setLearningRate(0.05).build())
                        .train(spec, data, null, null)
                        .model()) {
            float[] p = m.predict(new float[] {2.5f, 0, -1, 0}, 2);
            assertEquals(1.0, p[0] + p[1], 1e-6, "softmax rows sum to 1");
            assertTrue(p[1] > 0.5, "x0 = 2.5 is class 1: " + p[1]);
            assertTrue(p[2] > 0.5, "x0 = -1 is class 0: " + p[2]);
        }
    }

    private static double mse(float[] x, float[] rec) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double e = x[k] - rec[k];
            s += e * e;
        }
        return s / x.length;
    }

    static void assertBitsEqual(float[] a, float[] b, String what) {
        assertEquals(a.length, b.length, what);
        for (int k = 0; k < a.length; k++) {
            assertEquals(
                    Float.floatToIntBits(a[k]), Float.floatToIntBits(b[k]), what + "[" + k + "]");
        }
    }
}
