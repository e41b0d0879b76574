// SPDX-License-Identifier: Apache-2.0
// maasfin notebook 4: "chart patterns" as images. Each window of S&P 500 closes becomes a
// Gramian angular field image; a small 2-D CNN predicts whether the next 5 days go up, and we
// compare it honestly with always predicting the majority class. Expect no skill: daily index
// direction is close to a coin flip, and a test accuracy far above the majority class would
// mean look-ahead leakage, not a discovery.
//
// Start: mvn -B -q -DskipTests package exec:exec -pl maasfin-examples -am \
//          -Dmaasfin.main=dev.maasfin.examples.notebook.Notebooks -Dmaasfin.args=patterns
// Sizes come from system properties so a test can run this on reduced sizes.
// JShell ends a snippet at the first line that completes it, so method chains here break
// after the dot, not before it.

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.feature.image.GramianAngularField;
import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.ImageCnnSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.time.LocalDate;

// --- 0. Sizes and output directory: tutorial defaults, overridable with -D... ---
int EPOCHS = Integer.getInteger("maasfin.epochs", 30);
int WINDOW = Integer.getInteger("maasfin.window", 20);
int SIZE = Integer.getInteger("maasfin.imageSize", 20);
int STRIDE = Integer.getInteger("maasfin.stride", 5);
int SEED = Integer.getInteger("maasfin.seed", 1);
int HORIZON = 5;
Path OUT = Path.of(System.getProperty("maasfin.out", "target/notebooks")).resolve("patterns");

// --- 1. Load daily S&P 500 closes and their local dates. ---
Path data = DataDirectory.resolve();
BarSeries bars = BarCsvLoader.defaults().load(DataDirectory.require(data, "spx-daily/spx.csv"));
double[] close = bars.closes();
LocalDate[] date = new LocalDate[bars.size()];
for (int i = 0; i < date.length; i++) date[i] = bars.time(i).atZone(bars.zone()).toLocalDate();

// --- 2. Samples: a window of WINDOW closes ending at day t, labelled 1 if close[t+5] > close[t]. ---
// Windows start every STRIDE days so neighbouring labels overlap less. Parts by date as in the
// volatility task (train < 2015, validation 2015-2017, test >= 2018); a sample is kept only if
// its 5-day label lies in its own part (purged), so no label peeks across a boundary.
int partOf(LocalDate d) {
    return d.isBefore(LocalDate.of(2015, 1, 1)) ? 0 : d.isBefore(LocalDate.of(2018, 1, 1)) ? 1 : 2;
}
List<Integer> ends = new ArrayList<>();
for (int t = WINDOW - 1; t + HORIZON < close.length; t += STRIDE) {
    if (partOf(date[t]) == partOf(date[t + HORIZON])) ends.add(t);
}
int[] endsOf(int part) { return ends.stream().mapToInt(Integer::intValue).filter(t -> partOf(date[t]) == part).toArray(); }
int[] trainEnds = endsOf(0), validationEnds = endsOf(1), testEnds = endsOf(2);
int[] labels(int[] e) { return Arrays.stream(e).map(t -> close[t + HORIZON] > close[t] ? 1 : 0).toArray(); }
System.out.printf("samples: train %d, validation %d, test %d%n", trainEnds.length, validationEnds.length, testEnds.length);

// --- 3. Images: two channels per window, the summation (GASF) and difference (GADF) fields. ---
// GAF rescales each window to [-1, 1] on its own, so an image carries shape, not price level.
float[] images(int[] e) {
    float[] x = new float[e.length * 2 * SIZE * SIZE];
    int p = 0;
    for (int t : e) {
        double[] w = Arrays.copyOfRange(close, t - WINDOW + 1, t + 1);
        for (double v : GramianAngularField.summation(w, SIZE)) x[p++] = (float) v;
        for (double v : GramianAngularField.difference(w, SIZE)) x[p++] = (float) v;
    }
    return x;
}
TrainingData dataset(int[] e) {
    int[] y = labels(e);
    float[] yf = new float[y.length];
    for (int i = 0; i < y.length; i++) yf[i] = y[i];
    return TrainingData.of(images(e), new int[] {2, SIZE, SIZE}, yf, 1);
}

// --- 4. A small CNN (two 3x3 conv + max-pool stages, dense 64, softmax over down/up). ---
Engines.ensureLoaded();
ImageCnnSpec spec = ImageCnnSpec.builder().setImage(2, SIZE, SIZE).setNumClasses(2).build();
TrainerConfig config = TrainerConfig.builder().
        setOptimizer(OptimizerKind.ADAM).setLearningRate(1e-3).setBatchSize(64).
        setMaxEpochs(EPOCHS).setSeed(SEED).
        optEarlyStopping(Math.max(1, Math.min(5, EPOCHS / 4)), 0).build();
TrainedModel trained = new ModelTrainer(config).train(spec, dataset(trainEnds), dataset(validationEnds), null);
NeuralModel cnn = trained.model();
System.out.println("CNN trained " + trained.result().epochs() + " epochs");

// --- 5. Test: CNN accuracy and ROC-AUC of P(up) against always predicting the majority class. ---
int[] yTest = labels(testEnds);
float[] testImages = images(testEnds);
float[] probs = cnn.predict(testImages, testEnds.length);
double[] pUp = IntStream.range(0, testEnds.length).mapToDouble(i -> probs[2 * i + 1]).toArray();
int[] cnnClass = Arrays.stream(pUp).mapToInt(p -> p > 0.5 ? 1 : 0).toArray();
int majority = 2 * IntStream.of(labels(trainEnds)).sum() >= trainEnds.length ? 1 : 0;
int[] majorityClass = new int[yTest.length];
Arrays.fill(majorityClass, majority);
double cnnAccuracy = ClassificationMetrics.accuracy(yTest, cnnClass);
double majorityAccuracy = ClassificationMetrics.accuracy(yTest, majorityClass);
double auc = ClassificationMetrics.rocAuc(yTest, pUp);
// A binomial 95 % band around the majority accuracy: a CNN inside it (or below) shows no skill.
double band = 1.96 * Math.sqrt(majorityAccuracy * (1 - majorityAccuracy) / yTest.length);
System.out.printf("test: CNN accuracy %.3f (predicts up for %d of %d), majority class (%s) %.3f +- %.3f, CNN ROC-AUC %.3f%n",
        cnnAccuracy, IntStream.of(cnnClass).sum(), yTest.length, majority == 1 ? "up" : "down", majorityAccuracy, band, auc);
System.out.println(cnnAccuracy > majorityAccuracy + band ?
        "verdict: beats the majority class beyond noise; check for leakage before believing it" :
        "verdict: no skill beyond always predicting the majority class (as expected)");

// --- 6. Save the CNN, load it back and check the probabilities are identical. ---
Path artifact = OUT.resolve("cnn-" + System.nanoTime());
ModelArtifacts.save(cnn, artifact);
NeuralModel reloaded = ModelArtifacts.load(artifact);
boolean identical = Arrays.equals(probs, reloaded.predict(testImages, testEnds.length));
System.out.println("saved to " + artifact + "; reloaded probabilities identical: " + identical);
reloaded.close();
cnn.close();

// --- 7. The result line. ---
System.out.printf(Locale.ROOT, "RESULT patterns cnn_accuracy=%.4f majority_accuracy=%.4f cnn_auc=%.4f test_n=%d reload_identical=%b%n",
        cnnAccuracy, majorityAccuracy, auc, yTest.length, identical);
