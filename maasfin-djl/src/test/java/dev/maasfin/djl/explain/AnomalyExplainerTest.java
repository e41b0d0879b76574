// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.djl.explain.AnomalyExplainer.AnomalyExplanation;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-feature reconstruction-error explanations of a small trained autoencoder. */
class AnomalyExplainerTest {

    private static final int WIDTH = 12;
    private static NeuralModel model;
    private static AutoencoderDetector detector;
    private static List<String> names;

    @BeforeAll
    static void train() {
        TrainerConfig cfg =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(0.01)
                        .setBatchSize(32)
                        .setMaxEpochs(25)
                        .setSeed(12)
                        .build();
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(WIDTH)
                        .optHiddenWidths(8, 3, 8)
                        .optActivation(Activation.TANH)
                        .build();
        float[] normal = rows(1000, 22);
        model =
                new ModelTrainer(cfg)
                        .train(spec, TrainingData.autoencoding(normal, WIDTH), null, null)
                        .model();
        detector = new AutoencoderDetector(model);
        detector.calibrateByFalsePositiveRate(rows(200, 23), 200, 0.01);
        names = new ArrayList<>();
        for (int j = 0; j < WIDTH; j++) {
            names.add("feature_" + j);
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /**
     * Rows driven by two latent factors plus isotropic noise of sd 0.3. The noise matters: an
     * autoencoder trained on almost noise-free low-rank rows is free to respond to directions off
     * the data's plane, and then spreads a one-feature shift over other features.
     */
    private static float[] rows(int n, long seed) {
        Random loadings = new Random(7);
        double[] l = new double[2 * WIDTH];
        for (int k = 0; k < l.length; k++) {
            l[k] = loadings.nextGaussian();
        }
        Random r = new Random(seed);
        float[] x = new float[n * WIDTH];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < WIDTH; j++) {
                x[i * WIDTH + j] = (float) (a * l[j] + b * l[WIDTH + j] + 0.3 * r.nextGaussian());
            }
        }
        return x;
    }

    /** Population standard deviation of each feature over normal rows. */
    private static double[] sds(float[] rows) {
        int n = rows.length / WIDTH;
        double[] sd = new double[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += rows[i * WIDTH + j] / (double) n;
            }
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = rows[i * WIDTH + j] - mean;
                ss += d * d;
            }
            sd[j] = Math.sqrt(ss / n);
        }
        return sd;
    }

    @Test
    void rowWithOneFeatureShiftedByFiveSd_isFlaggedWithThatFeatureAsTopReason() {
        float[] normal = rows(200, 24);
        double[] sd = sds(normal);
        AnomalyExplainer explainer = new AnomalyExplainer(detector, names);
        for (int j = 0; j < WIDTH; j++) {
            float[] row = Arrays.copyOfRange(normal, j * WIDTH, (j + 1) * WIDTH);
            row[j] += (float) (5 * sd[j]);

            AnomalyExplanation a = explainer.explain(row);

            assertTrue(a.anomalous(), "row shifted in feature " + j + " is flagged");
            assertEquals("feature_" + j, a.reasons(1).get(0).feature());
        }
    }

    @Test
    void explanation_sumsToScoreAgainstZeroBaselineAndAgreesWithDetector() {
        float[] row = rows(1, 25);

        AnomalyExplanation a = new AnomalyExplainer(detector, names).explain(row);

        Explanation e = a.explanation();
        // Definition: contributions (x_j - xhat_j)^2 / d sum to the mean squared error.
        assertEquals(detector.scores(row, 1)[0], e.prediction(), 1e-6);
        assertEquals(e.prediction(), e.total(), 1e-12);
        assertEquals(0.0, e.baselinePrediction());
        assertEquals("reconstruction-error", e.method());
        assertEquals(detector.threshold(), a.threshold());
        assertEquals(detector.flags(row, 1)[0], a.anomalous());
        assertFalse(a.anomalous(), "an ordinary row is not flagged at 1 % false positives");
    }

    @Test
    void namesOfWrongCount_areRejectedNamingBothCounts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new AnomalyExplainer(detector, List.of("a", "b")));
        assertEquals("names must hold one name per feature (12) but held 2", e.getMessage());
    }

    @Test
    void rowOfWrongLength_isRejectedByTheModelNamingTheLength() {
        AnomalyExplainer explainer = new AnomalyExplainer(detector, names);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> explainer.explain(new float[3]));
        assertTrue(
                e.getMessage().startsWith("input length must be batch * 12 = 12"), e.getMessage());
    }
}
