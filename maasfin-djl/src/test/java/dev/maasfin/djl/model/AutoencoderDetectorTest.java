// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.testutil.Synthetic;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoencoderDetectorTest {

    private static final int WIDTH = 12;
    private static NeuralModel model;
    private static AutoencoderDetector detector;

    @BeforeAll
    static void train() {
        TrainerConfig cfg =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(0.01)
                        .setBatchSize(32)
                        .setMaxEpochs(25)
                        .setSeed(11)
                        .build();
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(WIDTH)
                        .optHiddenWidths(8, 3, 8)
                        .build();
        TrainingData normal =
                TrainingData.autoencoding(Synthetic.lowRankRows(400, WIDTH, 21), WIDTH);
        model = new ModelTrainer(cfg).train(spec, normal, null, null).model();
        detector = new AutoencoderDetector(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void scores_areMeanSquaredReconstructionErrorAndSumOfContributions() {
        float[] rows = Synthetic.lowRankRows(5, WIDTH, 31);
        float[] rec = model.predict(rows, 5);

        float[] s = detector.scores(rows, 5);
        float[] c = detector.contributions(rows, 5);

        for (int i = 0; i < 5; i++) {
            double mse = 0;
            double sum = 0;
            for (int j = 0; j < WIDTH; j++) {
                double e = rows[i * WIDTH + j] - rec[i * WIDTH + j];
                mse += e * e / WIDTH;
                sum += c[i * WIDTH + j];
            }
            assertEquals(mse, s[i], 1e-6);
            assertEquals(s[i], sum, 1e-6);
        }
    }

    @Test
    void contributions_ofRowsShiftedInOneFeature_pointAtThatFeature() {
        float[] normal = Synthetic.lowRankRows(50, WIDTH, 41);
        float[] odd = Synthetic.shifted(normal, WIDTH, 4, 3f);

        float[] sNormal = detector.scores(normal, 50);
        float[] sOdd = detector.scores(odd, 50);
        float[] c = detector.contributions(odd, 50);

        int larger = 0;
        int pointing = 0;
        for (int i = 0; i < 50; i++) {
            larger += sOdd[i] > sNormal[i] ? 1 : 0;
            int arg = 0;
            for (int j = 1; j < WIDTH; j++) {
                arg = c[i * WIDTH + j] > c[i * WIDTH + arg] ? j : arg;
            }
            pointing += arg == 4 ? 1 : 0;
        }
        assertEquals(50, larger);
        assertTrue(pointing >= 45, "rows whose top contribution is feature 4: " + pointing);
    }

    @Test
    void calibrateByFalsePositiveRate_leavesAtMostThatShareOfNormalsAbove() {
        float[] val = Synthetic.lowRankRows(200, WIDTH, 51);

        double t = detector.calibrateByFalsePositiveRate(val, 200, 0.05);

        int above = 0;
        for (boolean f : detector.flags(val, 200)) {
            above += f ? 1 : 0;
        }
        // Order statistic ceil(0.95 * 200) = 190th smallest: exactly 10 rows lie above it.
        assertEquals(10, above);
        assertEquals(t, detector.threshold());
        assertEquals(
                t, ((Number) model.state().get(AutoencoderDetector.THRESHOLD_KEY)).doubleValue());
    }

    @Test
    void calibrate_withRateOne_isRejectedNamingTheRate() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> detector.calibrateByContamination(new float[WIDTH], 1, 1.0));
        assertEquals("contamination must be in [0, 1) but was 1.0", e.getMessage());
    }

    @Test
    void predict_withInfiniteValue_namesSampleAndPosition() {
        float[] rows = new float[2 * WIDTH];
        rows[WIDTH + 3] = Float.POSITIVE_INFINITY;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> detector.scores(rows, 2));
        assertEquals("input sample 1 position 3 must be finite but was Infinity", e.getMessage());
    }

    @Test
    void detector_onClassifier_isRejected() {
        MlpClassifierSpec spec =
                MlpClassifierSpec.builder().setInputWidth(3).setNumClasses(2).build();
        try (NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new AutoencoderDetector(m));
            assertEquals(
                    "model must be a dense-autoencoder but was mlp-classifier", e.getMessage());
        }
    }
}
