// SPDX-License-Identifier: Apache-2.0
// maasfin notebook 1: forecast S&P 500 5-day volatility with an LSTM and check it against
// naive, EWMA, HAR and GARCH(1,1) with a Diebold-Mariano test.
//
// Start: mvn -B -q -DskipTests package exec:exec -pl maasfin-examples -am \
//          -Dmaasfin.main=dev.maasfin.examples.notebook.Notebooks -Dmaasfin.args=forecast
// Sizes come from system properties so a test can run this on reduced sizes. At the defaults
// (the reference LSTM: 64 hidden, 60-day window) one epoch took 84 s on a busy shared 2-core
// machine; for a quick look add -Dmaasfin.epochs=10 -Dmaasfin.hidden=16 -Dmaasfin.window=20.
// JShell ends a snippet at the first line that completes it, so method chains here break
// after the dot, not before it.

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.baseline.EwmaVolatility;
import dev.maasfin.core.baseline.Garch11;
import dev.maasfin.core.baseline.HarRegression;
import dev.maasfin.core.baseline.NaiveForecast;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.core.eval.VolatilityTask.Part;
import dev.maasfin.core.metrics.DieboldMariano;
import dev.maasfin.core.metrics.DmResult;
import dev.maasfin.core.metrics.RegressionMetrics;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;

// --- 0. Sizes and output directory: tutorial defaults, overridable with -Dmaasfin.epochs=2 etc. ---
int EPOCHS = Integer.getInteger("maasfin.epochs", 60);
int HIDDEN = Integer.getInteger("maasfin.hidden", 64);
int WINDOW = Integer.getInteger("maasfin.window", 60);
int SEED = Integer.getInteger("maasfin.seed", 1);
Path OUT = Path.of(System.getProperty("maasfin.out", "target/notebooks")).resolve("forecast");

// --- 1. Load daily S&P 500 bars and cut the protocol's task. ---
// VolatilityTask.protocol computes log returns r_k, the target (sample sd of r_{k+1..k+5}) per
// origin k, and the purged train (< 2015) / validation (2015-2017) / test (>= 2018) parts.
Path data = DataDirectory.resolve();
BarSeries bars = BarCsvLoader.defaults().load(DataDirectory.require(data, "spx-daily/spx.csv"));
VolatilityTask task = VolatilityTask.protocol(bars);
double[] r = task.returns();
int[] k = task.origins();
double[] target = task.target();
int[] trainPos = task.positionsOf(Part.TRAIN);
int[] valPos = task.positionsOf(Part.VALIDATION);
int[] testPos = task.positionsOf(Part.TEST);
System.out.printf("%d returns; origins train %d, validation %d, test %d%n",
        r.length, trainPos.length, valPos.length, testPos.length);

// --- 2. The four baselines, each a per-origin forecast of the 5-day sd. ---
// naive: the last 5 days' realised sd; EWMA: RiskMetrics lambda 0.94;
// HAR: OLS on daily/weekly/monthly components fitted on training origins only;
// GARCH(1,1): fitted on training-period returns, 5-day-ahead sd.
double[] naive = NaiveForecast.forecasts(task.rv5());
double[] ewmaDaily = EwmaVolatility.sd(r, EwmaVolatility.RISKMETRICS_LAMBDA);
double[] ewma = Arrays.stream(k).mapToDouble(t -> ewmaDaily[t]).toArray();
int[] trainOrigins = Arrays.stream(trainPos).map(i -> k[i]).toArray();
double[] trainTarget = Arrays.stream(trainPos).mapToDouble(i -> target[i]).toArray();
double[] har = HarRegression.fit(r, trainOrigins, trainTarget).predict(r, k);
int nTrainReturns = (int) Arrays.stream(task.returnDates()).
        filter(d -> d.isBefore(VolatilityTask.VALIDATION_START)).count();
Garch11 garchFit = Garch11.fit(Arrays.copyOf(r, nTrainReturns));
double[] garchDaily = garchFit.horizonSd(r, VolatilityTask.HORIZON);
double[] garch = Arrays.stream(k).mapToDouble(t -> garchDaily[t]).toArray();

// --- 3. Features per day for the LSTM: r_k, |r_k|, sd of the last 5 and 20 returns. ---
// Scaled by 100 (per cent) so the network sees values of order 1.
double sampleSd(double[] a, int from, int to) {
    double mean = 0;
    for (int i = from; i < to; i++) mean += a[i];
    mean /= to - from;
    double ss = 0;
    for (int i = from; i < to; i++) ss += (a[i] - mean) * (a[i] - mean);
    return Math.sqrt(ss / (to - from - 1));
}
int F = 4;
double[][] dayFeatures = new double[r.length][];
for (int t = 19; t < r.length; t++) {
    dayFeatures[t] = new double[] {
        100 * r[t], 100 * Math.abs(r[t]), 100 * sampleSd(r, t - 4, t + 1), 100 * sampleSd(r, t - 19, t + 1)};
}

// --- 4. Windows: the WINDOW days up to origin k, time outer, features inner; label 100*target. ---
float[] windows(int[] positions) {
    float[] x = new float[positions.length * WINDOW * F];
    int p = 0;
    for (int i : positions) {
        for (int t = k[i] - WINDOW + 1; t <= k[i]; t++) {
            for (double v : dayFeatures[t]) x[p++] = (float) v;
        }
    }
    return x;
}
float[] labels(int[] positions) {
    float[] y = new float[positions.length];
    for (int j = 0; j < y.length; j++) y[j] = (float) (100 * target[positions[j]]);
    return y;
}
TrainingData trainData = TrainingData.of(windows(trainPos), new int[] {WINDOW, F}, labels(trainPos), 1);
TrainingData valData = TrainingData.of(windows(valPos), new int[] {WINDOW, F}, labels(valPos), 1);

// --- 5. Train an LSTM with Adam and early stopping on validation loss. ---
// PyTorch's initialisation (uniform +-1/sqrt(hidden)); DJL's default draws far larger input
// weights when there are few features. The `forecast` demo also trains on ln(sd / rv20) with a
// QLIKE loss (optLoss(QLIKE_LOG)); this notebook keeps the simpler target sd x 100 with MSE.
Engines.ensureLoaded();
RecurrentForecasterSpec spec = RecurrentForecasterSpec.builder().
        setWindow(WINDOW).setFeatures(F).
        optCell(RecurrentForecasterSpec.Cell.LSTM).optHidden(HIDDEN).
        optInitialization(RecurrentForecasterSpec.Initialization.PYTORCH).build();
TrainerConfig config = TrainerConfig.builder().
        setOptimizer(OptimizerKind.ADAM).setLearningRate(1e-3).setBatchSize(64).
        setMaxEpochs(EPOCHS).setSeed(SEED).
        optGradientClip(1.0).
        optEarlyStopping(Math.max(1, Math.min(10, EPOCHS / 4)), 0).build();
TrainedModel trained = new ModelTrainer(config).train(spec, trainData, valData,
        (epoch, loss, val, ms) -> {
            if (epoch % 10 == 0 || epoch == 1) System.out.printf("epoch %d train %.4f validation %.4f (%d ms)%n", epoch, loss, val, ms);
        });
NeuralModel lstm = trained.model();
System.out.println("trained " + trained.result().epochs() + " epochs");

// --- 6. Forecast the test part (back to return units; floored so QLIKE stays finite). ---
float[] testWindows = windows(testPos);
float[] raw = lstm.predict(testWindows, testPos.length);
double[] lstmTest = new double[testPos.length];
for (int j = 0; j < raw.length; j++) lstmTest[j] = Math.max(raw[j] / 100.0, 1e-4);

// --- 7. Score everything on the 1,050 test origins: RMSE and QLIKE. ---
double[] onTest(double[] perOrigin) {
    return Arrays.stream(testPos).mapToDouble(i -> perOrigin[i]).toArray();
}
double[] y = onTest(target);
Map<String, double[]> forecasts = new LinkedHashMap<>();
forecasts.put("naive", onTest(naive));
forecasts.put("EWMA", onTest(ewma));
forecasts.put("HAR", onTest(har));
forecasts.put("GARCH(1,1)", onTest(garch));
forecasts.put("LSTM", lstmTest);
System.out.printf("%-12s %9s %7s%n", "model", "RMSE", "QLIKE");
forecasts.forEach((name, f) -> System.out.printf("%-12s %9.5f %7.3f%n",
        name, RegressionMetrics.rmse(y, f), RegressionMetrics.qlike(y, f)));

// --- 8. Diebold-Mariano: is the LSTM's squared error lower than EWMA's? ---
// Negative statistic = the LSTM is better; HLN-corrected, h = 5; Newey-West 20 lags as a check.
DmResult dm = DieboldMariano.test(RegressionMetrics.squaredErrors(y, lstmTest),
        RegressionMetrics.squaredErrors(y, forecasts.get("EWMA")), DieboldMariano.PROTOCOL_HORIZON);
DmResult nw = DieboldMariano.neweyWest(RegressionMetrics.squaredErrors(y, lstmTest),
        RegressionMetrics.squaredErrors(y, forecasts.get("EWMA")), DieboldMariano.PROTOCOL_NEWEY_WEST_LAGS);
System.out.printf("DM vs EWMA (squared error): stat %.3f p %.4f; Newey-West p %.4f%n",
        dm.statistic(), dm.pValue(), nw.pValue());

// --- 9. Save the model, load it back and check the forecasts are identical. ---
Path artifact = OUT.resolve("lstm-" + System.nanoTime());
ModelArtifacts.save(lstm, artifact);
NeuralModel reloaded = ModelArtifacts.load(artifact);
boolean identical = Arrays.equals(raw, reloaded.predict(testWindows, testPos.length));
System.out.println("saved to " + artifact + "; reloaded forecasts identical: " + identical);
reloaded.close();
lstm.close();

// --- 10. The result line. ---
System.out.printf(Locale.ROOT, "RESULT forecast lstm_rmse=%.5f lstm_qlike=%.3f ewma_rmse=%.5f garch_qlike=%.3f dm_p=%.4f reload_identical=%b%n",
        RegressionMetrics.rmse(y, lstmTest), RegressionMetrics.qlike(y, lstmTest),
        RegressionMetrics.rmse(y, forecasts.get("EWMA")), RegressionMetrics.qlike(y, forecasts.get("GARCH(1,1)")),
        dm.pValue(), identical);
