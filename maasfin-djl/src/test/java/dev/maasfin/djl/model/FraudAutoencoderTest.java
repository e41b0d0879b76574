// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.testutil.RocAuc;
import dev.maasfin.djl.testutil.TestData;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The 30-16-8-16-30 autoencoder on the real credit-card fraud subset, under the evaluation protocol
 * of {@code evaluation/README.md}: the {@code fraud_split.csv} parts, all 30 columns but {@code
 * Class}, z-scores from the training part's genuine rows (mean, population sd), training on those
 * rows only and early stopping on the validation part's genuine rows.
 *
 * <p>The protocol's target is ROC-AUC >= 0.96 as a 5-seed mean (PyTorch reference 0.970 +- 0.004);
 * this single-seed test asserts the looser 0.93 and leaves the 5-seed figure to the example.
 */
class FraudAutoencoderTest {

    private static final int WIDTH = 30;

    @Test
    void autoencoder_onFraudTestPart_reachesRocAuc093AndReloadsBitIdentically() throws Exception {
        List<CSVRecord> rows = TestData.csv("creditcard-fraud/creditcard_subset.csv");
        List<CSVRecord> split = TestData.csv("evaluation/fraud_split.csv");
        Parts p = Parts.of(rows, split);
        long t0 = System.currentTimeMillis();

        TrainedModel run = new ModelTrainer(config()).train(spec(), p.train, p.validation, null);

        try (NeuralModel model = run.model()) {
            float[] scores = new AutoencoderDetector(model).scores(p.testX, p.testY.length);
            double auc = RocAuc.of(scores, p.testY);
            long millis = System.currentTimeMillis() - t0;
            System.out.printf(
                    "fraud autoencoder: test ROC-AUC %.4f, %d epochs (best %d), %d ms%n",
                    auc, run.result().epochs(), run.result().bestEpoch(), millis);
            assertTrue(auc >= 0.93, "test ROC-AUC " + auc);

            Path dir = Paths.get("target", "fraud-ae", UUID.randomUUID().toString());
            ModelArtifacts.save(model, dir);
            try (NeuralModel loaded = ModelArtifacts.load(dir, DeviceSpec.cpu())) {
                float[] again = new AutoencoderDetector(loaded).scores(p.testX, p.testY.length);
                for (int i = 0; i < scores.length; i++) {
                    assertEquals(
                            Float.floatToIntBits(scores[i]),
                            Float.floatToIntBits(again[i]),
                            "test row " + i);
                }
            }
        }
    }

    private static DenseAutoencoderSpec spec() {
        return DenseAutoencoderSpec.builder()
                .setInputWidth(WIDTH)
                .optHiddenWidths(16, 8, 16)
                .optActivation(Activation.TANH)
                .build();
    }

    private static TrainerConfig config() {
        return TrainerConfig.builder()
                .setOptimizer(OptimizerKind.ADAM)
                .setLearningRate(1e-3)
                .setBatchSize(32)
                .setMaxEpochs(60)
                .setSeed(Integer.getInteger("maasfin.fraud.seed", 42))
                .optEarlyStopping(5, 1e-4)
                .build();
    }

    /** Protocol parts, z-scored with the training genuine rows' mean and population sd. */
    private static final class Parts {
        TrainingData train;
        TrainingData validation;
        float[] testX;
        boolean[] testY;

        static Parts of(List<CSVRecord> rows, List<CSVRecord> split) {
            double[][] x = new double[rows.size()][WIDTH];
            boolean[] fraud = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < WIDTH; j++) {
                    x[i][j] = Double.parseDouble(rows.get(i).get(j));
                }
                fraud[i] = rows.get(i).get("Class").equals("1");
            }
            int[] part = new int[rows.size()];
            for (CSVRecord s : split) {
                int row = Integer.parseInt(s.get("row_index"));
                part[row] = List.of("train", "validation", "test").indexOf(s.get("part"));
            }
            double[][] ms = meanSd(x, fraud, part);
            Parts p = new Parts();
            p.train = TrainingData.autoencoding(select(x, ms, fraud, part, 0, false), WIDTH);
            p.validation = TrainingData.autoencoding(select(x, ms, fraud, part, 1, false), WIDTH);
            p.testX = select(x, ms, fraud, part, 2, true);
            p.testY = labels(fraud, part, 2);
            return p;
        }

        private static double[][] meanSd(double[][] x, boolean[] fraud, int[] part) {
            double[] mean = new double[WIDTH];
            double[] sd = new double[WIDTH];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (part[i] == 0 && !fraud[i]) {
                    n++;
                    for (int j = 0; j < WIDTH; j++) {
                        mean[j] += x[i][j];
                    }
                }
            }
            for (int j = 0; j < WIDTH; j++) {
                mean[j] /= n;
            }
            for (int i = 0; i < x.length; i++) {
                if (part[i] == 0 && !fraud[i]) {
                    for (int j = 0; j < WIDTH; j++) {
                        sd[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
                    }
                }
            }
            for (int j = 0; j < WIDTH; j++) {
                sd[j] = Math.sqrt(sd[j] / n);
            }
            return new double[][] {mean, sd};
        }

        private static float[] select(
                double[][] x, double[][] ms, boolean[] fraud, int[] part, int want, boolean all) {
            float[] out = new float[x.length * WIDTH];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (part[i] == want && (all || !fraud[i])) {
                    for (int j = 0; j < WIDTH; j++) {
                        out[k++] = (float) ((x[i][j] - ms[0][j]) / ms[1][j]);
                    }
                }
            }
            return java.util.Arrays.copyOf(out, k);
        }

        private static boolean[] labels(boolean[] fraud, int[] part, int want) {
            boolean[] out = new boolean[fraud.length];
            int k = 0;
            for (int i = 0; i < fraud.length; i++) {
                if (part[i] == want) {
                    out[k++] = fraud[i];
                }
            }
            return java.util.Arrays.copyOf(out, k);
        }
    }
}
