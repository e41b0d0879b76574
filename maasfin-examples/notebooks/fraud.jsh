// SPDX-License-Identifier: Apache-2.0
// maasfin notebook 2: card fraud with a dense autoencoder (trained on genuine transactions
// only) against Mahalanobis distance, and why one flagged transaction was flagged.
//
// Start: mvn -B -q -DskipTests package exec:exec -pl maasfin-examples -am \
//          -Dmaasfin.main=dev.maasfin.examples.notebook.Notebooks -Dmaasfin.args=fraud
// Sizes come from system properties so a test can run this on reduced sizes.
// JShell ends a snippet at the first line that completes it, so method chains here break
// after the dot, not before it.

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.explain.ReasonCode;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.split.Split;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.baseline.MahalanobisScorer;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.data.Table;
import dev.maasfin.core.data.TableCsvLoader;
import dev.maasfin.core.eval.StratifiedSplit;
import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.explain.AnomalyExplainer;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;

// --- 0. Sizes and output directory: tutorial defaults, overridable with -D... ---
int EPOCHS = Integer.getInteger("maasfin.epochs", 300);
int SEED = Integer.getInteger("maasfin.seed", 1);
Path OUT = Path.of(System.getProperty("maasfin.out", "target/notebooks")).resolve("fraud");

// --- 1. Load the card transactions: Time, V1..V28, Amount and the label Class (1 = fraud). ---
Path data = DataDirectory.resolve();
Table table = TableCsvLoader.defaults().load(DataDirectory.require(data, "creditcard-fraud/creditcard_subset.csv"));
List<String> features = new ArrayList<>(table.columnNames());
features.remove("Class");
Frame frame = table.toFrame(features.toArray(String[]::new));
int[] labels = Arrays.stream(table.numeric("Class")).mapToInt(v -> (int) v).toArray();
System.out.printf("%d transactions, %d features, %d frauds%n", frame.rows(), features.size(), IntStream.of(labels).sum());

// --- 2. The protocol split: seeded (42) stratified 60/20/20 train/validation/test. ---
Split split = StratifiedSplit.split(labels, 60, 20, StratifiedSplit.PROTOCOL_SEED);
int[] genuine(int[] rows) {
    return Arrays.stream(rows).filter(i -> labels[i] == 0).toArray();
}
int[] trainGenuine = genuine(split.train());
int[] validationGenuine = genuine(split.validation());
int[] testRows = split.test();
int[] testLabels = Arrays.stream(testRows).map(i -> labels[i]).toArray();

// --- 3. z-score with the mean and population sd of the training part's GENUINE rows. ---
// The unsupervised models never see a fraud while fitting.
FittedTransform zscore = ZScoreTransform.of(features.toArray(String[]::new)).fit(frame.selectRows(trainGenuine));
Frame z = zscore.apply(frame);
double[][] rowsOf(int[] idx) {
    double[][] out = new double[idx.length][z.columnCount()];
    for (int i = 0; i < idx.length; i++)
        for (int c = 0; c < z.columnCount(); c++) out[i][c] = z.get(idx[i], c);
    return out;
}
float[] flat(double[][] rows) {
    int w = rows[0].length;
    float[] out = new float[rows.length * w];
    for (int i = 0; i < rows.length; i++)
        for (int c = 0; c < w; c++) out[i * w + c] = (float) rows[i][c];
    return out;
}
double[][] trainX = rowsOf(trainGenuine);
double[][] validationX = rowsOf(validationGenuine);
double[][] testX = rowsOf(testRows);
int W = features.size();

// --- 4. Baseline: Mahalanobis distance from the genuine training rows. ---
double[] mahalanobis = MahalanobisScorer.fit(trainX).scores(testX);

// --- 5. Autoencoder 30-16-8-16-30, trained to reconstruct genuine rows. ---
// Early stopping watches reconstruction loss on the validation part's genuine rows.
Engines.ensureLoaded();
DenseAutoencoderSpec spec = DenseAutoencoderSpec.builder().
        setInputWidth(W).optHiddenWidths(16, 8, 16).optActivation(Activation.RELU).build();
TrainerConfig config = TrainerConfig.builder().
        setOptimizer(OptimizerKind.ADAM).setLearningRate(1e-3).setBatchSize(32).
        setMaxEpochs(EPOCHS).setSeed(SEED).
        optEarlyStopping(Math.max(1, Math.min(30, EPOCHS / 5)), 0).build();
TrainedModel trained = new ModelTrainer(config).train(spec,
        TrainingData.autoencoding(flat(trainX), W), TrainingData.autoencoding(flat(validationX), W),
        (epoch, loss, val, ms) -> {
            if (epoch % 25 == 0 || epoch == 1) System.out.printf("epoch %d train %.4f validation %.4f%n", epoch, loss, val);
        });
NeuralModel model = trained.model();
System.out.println("trained " + trained.result().epochs() + " epochs");

// --- 6. Score: the anomaly score is the reconstruction error of a row. ---
AutoencoderDetector detector = new AutoencoderDetector(model);
float[] testFlat = flat(testX);
float[] aeScoresF = detector.scores(testFlat, testX.length);
double[] aeScores = new double[aeScoresF.length];
for (int i = 0; i < aeScores.length; i++) aeScores[i] = aeScoresF[i];

// --- 7. Compare on the test part: ROC-AUC, PR-AUC (average precision), recall at 1 % FPR. ---
void report(String name, double[] s) {
    System.out.printf("%-12s ROC-AUC %.4f  PR-AUC %.4f  recall@1%%FPR %.3f%n", name,
            ClassificationMetrics.rocAuc(testLabels, s), ClassificationMetrics.averagePrecision(testLabels, s),
            ClassificationMetrics.recallAtFpr(testLabels, s, 0.01));
}
report("autoencoder", aeScores);
report("mahalanobis", mahalanobis);

// --- 8. An alert threshold: at most 1 % of the validation part's genuine rows above it. ---
double threshold = detector.calibrateByFalsePositiveRate(flat(validationX), validationX.length, 0.01);
boolean[] flags = detector.flags(testFlat, testX.length);
int caught = 0, falseAlarms = 0;
for (int i = 0; i < flags.length; i++) {
    if (flags[i] && testLabels[i] == 1) caught++;
    if (flags[i] && testLabels[i] == 0) falseAlarms++;
}
System.out.printf("threshold %.3f flags %d of %d test frauds, %d false alarms%n",
        threshold, caught, IntStream.of(testLabels).sum(), falseAlarms);

// --- 9. Why was a transaction flagged? Per-feature share of its reconstruction error. ---
int flagged = -1;
for (int i = 0; i < flags.length; i++) if (flags[i] && testLabels[i] == 1 && (flagged < 0 || aeScores[i] > aeScores[flagged])) flagged = i;
if (flagged < 0) flagged = IntStream.range(0, aeScores.length).reduce((a, b) -> aeScores[a] >= aeScores[b] ? a : b).getAsInt();
float[] row = Arrays.copyOfRange(testFlat, flagged * W, (flagged + 1) * W);
AnomalyExplainer.AnomalyExplanation why = new AnomalyExplainer(detector, features).explain(row);
System.out.printf("test row %d (data row %d): score %.2f, threshold %.2f, anomalous %b%n",
        flagged, testRows[flagged], why.explanation().prediction(), why.threshold(), why.anomalous());
for (ReasonCode c : why.reasons(5)) System.out.printf("  %-8s %8.3f%n", c.feature(), c.contribution());

// --- 10. Publish to a file-system registry, load the version back, rescore, compare. ---
Path staging = OUT.resolve("staging-" + System.nanoTime());
ModelArtifacts.save(model, staging.resolve("model"));
FileSystemModelRegistry registry = FileSystemModelRegistry.builder().setRoot(OUT.resolve("registry")).build();
ModelVersion version = registry.publish("card-fraud-ae", staging,
        Map.of("dataset", "creditcard_subset.csv", "seed", String.valueOf(SEED)), "notebook", "tutorial run");
Path published = registry.load("card-fraud-ae", version.version());
NeuralModel reloaded = ModelArtifacts.load(published.resolve("model"));
boolean identical = Arrays.equals(aeScoresF, new AutoencoderDetector(reloaded).scores(testFlat, testX.length));
System.out.println("published card-fraud-ae v" + version.version() + "; reloaded scores identical: " + identical);
reloaded.close();
model.close();

// --- 11. The result line. ---
System.out.printf(Locale.ROOT, "RESULT fraud roc_auc=%.4f pr_auc=%.4f mahalanobis=%.4f flagged_top=%s reload_identical=%b%n",
        ClassificationMetrics.rocAuc(testLabels, aeScores), ClassificationMetrics.averagePrecision(testLabels, aeScores),
        ClassificationMetrics.rocAuc(testLabels, mahalanobis), why.reasons(1).get(0).feature(), identical);
