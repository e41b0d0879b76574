// SPDX-License-Identifier: Apache-2.0
// maasfin notebook 3: credit scoring on the German credit data with logistic regression and
// an MLP, and reason codes for one applicant from integrated gradients.
//
// Start: mvn -B -q -DskipTests package exec:exec -pl maasfin-examples -am \
//          -Dmaasfin.main=dev.maasfin.examples.notebook.Notebooks -Dmaasfin.args=credit
// Sizes come from system properties so a test can run this on reduced sizes.
// JShell ends a snippet at the first line that completes it, so method chains here break
// after the dot, not before it.

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.api.explain.ReasonCode;
import dev.maasfin.api.split.Split;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.baseline.LogisticRegression;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.data.Table;
import dev.maasfin.core.data.TableCsvLoader;
import dev.maasfin.core.eval.StratifiedSplit;
import dev.maasfin.core.explain.IntegratedGradients;
import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.explain.GradientExplainer;
import dev.maasfin.djl.explain.GradientModels;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;

// --- 0. Sizes and output directory: tutorial defaults, overridable with -D... ---
int EPOCHS = Integer.getInteger("maasfin.epochs", 200);
int SEED = Integer.getInteger("maasfin.seed", 1);
int IG_STEPS = Integer.getInteger("maasfin.igSteps", 50);
Path OUT = Path.of(System.getProperty("maasfin.out", "target/notebooks")).resolve("credit");

// --- 1. Load German credit: 7 numeric and 13 categorical columns; class 2 = bad. ---
Path data = DataDirectory.resolve();
Table table = TableCsvLoader.defaults().load(DataDirectory.require(data, "german-credit/german_credit.csv"));
int[] bad = Arrays.stream(table.numeric("class")).mapToInt(v -> v == 2 ? 1 : 0).toArray();
List<String> numeric = new ArrayList<>(table.numericColumnNames());
numeric.remove("class");
List<String> categorical = table.categoricalColumnNames();
System.out.printf("%d applicants, %d bad; numeric %s%n", table.rows(), IntStream.of(bad).sum(), numeric);

// --- 2. The protocol split: seeded (42) stratified 70/30 train/test on the label. ---
Split split = StratifiedSplit.split(bad, 70, 0, StratifiedSplit.PROTOCOL_SEED);
int[] train = split.train();
int[] test = split.test();

// --- 3. Encode: z-score numeric columns with TRAINING mean and population sd; one-hot each ---
// categorical column over the levels seen in training (sorted; an unseen level is all zeros).
FittedTransform zscore = ZScoreTransform.of(numeric.toArray(String[]::new)).
        fit(table.toFrame(numeric.toArray(String[]::new)).selectRows(train));
var zNumeric = zscore.apply(table.toFrame(numeric.toArray(String[]::new)));
List<String> inputs = new ArrayList<>(numeric);
Map<String, List<String>> levels = new LinkedHashMap<>();
for (String c : categorical) {
    String[] v = table.categorical(c);
    List<String> seen = Arrays.stream(train).mapToObj(i -> v[i]).distinct().sorted().collect(Collectors.toList());
    levels.put(c, seen);
    for (String l : seen) inputs.add(c + "=" + l);
}
double[][] x = new double[table.rows()][inputs.size()];
for (int i = 0; i < x.length; i++) {
    int j = 0;
    for (String c : numeric) x[i][j++] = zNumeric.column(c)[i];
    for (String c : categorical) {
        String v = table.categorical(c)[i];
        for (String l : levels.get(c)) x[i][j++] = l.equals(v) ? 1 : 0;
    }
}
double[][] rows(int[] idx) { return Arrays.stream(idx).mapToObj(i -> x[i]).toArray(double[][]::new); }
int[] labelsOf(int[] idx) { return Arrays.stream(idx).map(i -> bad[i]).toArray(); }
float[] flat(double[][] r) {
    float[] out = new float[r.length * r[0].length];
    for (int i = 0; i < r.length; i++) for (int j = 0; j < r[0].length; j++) out[i * r[0].length + j] = (float) r[i][j];
    return out;
}
int[] testLabels = labelsOf(test);
System.out.println(inputs.size() + " model inputs");

// --- 4. Logistic regression (L2 = 1, as scikit-learn's default) on all training rows. ---
LogisticRegression lr = LogisticRegression.fit(rows(train), labelsOf(train), LogisticRegression.SKLEARN_DEFAULT_L2);
double[] lrTest = lr.predictProbabilities(rows(test));

// --- 5. MLP: one hidden layer of 16 ReLU units, dropout 0.3, AdamW; softmax over 2 classes. ---
// 15 % of the training rows (stratified) are held out for early stopping; test stays unseen.
Split inner = StratifiedSplit.split(labelsOf(train), 85, 0, StratifiedSplit.PROTOCOL_SEED);
int[] fit = Arrays.stream(inner.train()).map(i -> train[i]).toArray();
int[] stop = Arrays.stream(inner.test()).map(i -> train[i]).toArray();
TrainingData classification(int[] idx) {
    float[] y = new float[idx.length];
    for (int i = 0; i < y.length; i++) y[i] = bad[idx[i]];
    return TrainingData.of(flat(rows(idx)), new int[] {inputs.size()}, y, 1);
}
Engines.ensureLoaded();
MlpClassifierSpec spec = MlpClassifierSpec.builder().
        setInputWidth(inputs.size()).setNumClasses(2).
        optHiddenWidths(16).optActivation(Activation.RELU).optDropout(0.3f).build();
TrainerConfig config = TrainerConfig.builder().
        setOptimizer(OptimizerKind.ADAMW).setLearningRate(1e-3).optWeightDecay(0.01).
        setBatchSize(32).setMaxEpochs(EPOCHS).setSeed(SEED).
        optEarlyStopping(Math.max(1, Math.min(20, EPOCHS / 5)), 0).build();
TrainedModel trained = new ModelTrainer(config).train(spec, classification(fit), classification(stop), null);
NeuralModel mlp = trained.model();
System.out.println("MLP trained " + trained.result().epochs() + " epochs");

// --- 6. Probability of bad on the test part (column 1 of the softmax output). ---
float[] testFlat = flat(rows(test));
float[] probs = mlp.predict(testFlat, test.length);
double[] mlpTest = IntStream.range(0, test.length).mapToDouble(i -> probs[2 * i + 1]).toArray();

// --- 7. Compare: ROC-AUC, KS and Brier score on the 300 test applicants. ---
void report(String name, double[] p) {
    System.out.printf("%-20s ROC-AUC %.4f  KS %.4f  Brier %.4f%n", name, ClassificationMetrics.rocAuc(testLabels, p),
            ClassificationMetrics.ks(testLabels, p), ClassificationMetrics.brier(testLabels, p));
}
report("logistic regression", lrTest);
report("MLP", mlpTest);

// --- 8. Reason codes for the riskiest test applicant: integrated gradients of P(bad) ---
// from the training-mean applicant to this applicant; the top 3 inputs that raise P(bad).
int riskiest = IntStream.range(0, test.length).reduce((a, b) -> mlpTest[a] >= mlpTest[b] ? a : b).getAsInt();
double[] baseline = new double[inputs.size()];
for (int i : train) for (int j = 0; j < baseline.length; j++) baseline[j] += x[i][j] / train.length;
IntegratedGradients.Result ig = GradientExplainer.integratedGradients(GradientModels.of(mlp, 1),
        x[test[riskiest]], baseline, "training-mean applicant", IG_STEPS,
        IntegratedGradients.Rule.GAUSS_LEGENDRE, inputs);
Explanation why = ig.explanation();
System.out.printf("applicant (data row %d): P(bad) %.3f vs %.3f for the mean applicant; completeness gap %.2e%n",
        test[riskiest], why.prediction(), why.baselinePrediction(), ig.delta());
List<ReasonCode> reasons = why.topReasons(3);
for (ReasonCode c : reasons) System.out.printf("  %-28s %+.4f%n", c.feature(), c.contribution());

// --- 9. Save the MLP, load it back and check the probabilities are identical. ---
Path artifact = OUT.resolve("mlp-" + System.nanoTime());
ModelArtifacts.save(mlp, artifact);
NeuralModel reloaded = ModelArtifacts.load(artifact);
boolean identical = Arrays.equals(probs, reloaded.predict(testFlat, test.length));
System.out.println("saved to " + artifact + "; reloaded probabilities identical: " + identical);
reloaded.close();
mlp.close();

// --- 10. The result line. ---
System.out.printf(Locale.ROOT, "RESULT credit mlp_auc=%.4f lr_auc=%.4f lr_ks=%.4f mlp_brier=%.4f top_reason=%s reload_identical=%b%n",
        ClassificationMetrics.rocAuc(testLabels, mlpTest), ClassificationMetrics.rocAuc(testLabels, lrTest),
        ClassificationMetrics.ks(testLabels, lrTest), ClassificationMetrics.brier(testLabels, mlpTest),
        reasons.get(0).feature(), identical);
