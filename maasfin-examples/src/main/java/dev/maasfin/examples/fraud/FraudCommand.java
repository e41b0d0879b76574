// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.fraud;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.api.explain.ReasonCode;
import dev.maasfin.core.baseline.IsolationForest;
import dev.maasfin.core.baseline.LogisticRegression;
import dev.maasfin.core.baseline.MahalanobisScorer;
import dev.maasfin.core.metrics.Bootstrap.BinaryMetric;
import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import dev.maasfin.examples.DataOptions;
import dev.maasfin.examples.WritableDirectory;
import dev.maasfin.examples.eval.Curves;
import dev.maasfin.examples.eval.ProgressPrinter;
import dev.maasfin.examples.eval.RegistryRoundTrip;
import dev.maasfin.examples.eval.SeedFigure;
import dev.maasfin.examples.eval.Standardiser;
import dev.maasfin.examples.eval.TabularPipelines;
import dev.maasfin.examples.report.Plots;
import dev.maasfin.examples.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code fraud} demo: trains a dense autoencoder on the genuine card transactions of the
 * protocol's training part and scores fraud by reconstruction error, against Mahalanobis distance
 * and an isolation forest (unsupervised), logistic regression and a supervised MLP; reports
 * ROC-AUC, PR-AUC (average precision) and recall at 1 % false-positive rate on the test part with
 * bootstrap intervals, sets an alert threshold at 1 % FPR on the validation part's genuine rows,
 * explains the top-scored test fraud by per-feature reconstruction error, and publishes the
 * autoencoder as a scoring pipeline (raw feature rows in; z-score, network and threshold inside),
 * promotes it to {@code production}, reloads it and rescores the raw test rows through it, so that
 * {@code maasfin score --name card-fraud-ae --rows FILE} can serve it.
 *
 * <p>Not thread-safe: picocli creates one instance per run.
 */
@Command(
        name = "fraud",
        mixinStandardHelpOptions = true,
        description =
                "Card-fraud detection: autoencoder vs Mahalanobis, isolation forest, logistic"
                        + " regression and an MLP on the protocol split; report and plots.")
public final class FraudCommand implements Callable<Integer> {
    /** Registry name of the published autoencoder. */
    public static final String MODEL_NAME = "card-fraud-ae";

    static final int[] AE_HIDDEN = {16, 8, 16};
    static final int[] MLP_HIDDEN = {32, 16};
    static final double TARGET_FPR = 0.01;

    @Mixin DataOptions data;

    @Option(
            names = "--seeds",
            defaultValue = "1",
            description =
                    "Training seeds 1..N (default ${DEFAULT-VALUE}; 5 for the acceptance"
                            + " figures).")
    int seeds;

    @Option(
            names = "--epochs",
            defaultValue = "300",
            description =
                    "Most epochs per network; early stopping on validation loss"
                            + " (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", defaultValue = "runs/fraud", description = "Report directory.")
    Path out;

    @Option(
            names = "--registry",
            defaultValue = "runs/registry",
            description = "Local model registry directory.")
    Path registry;

    @Spec CommandSpec spec;

    private PrintWriter console;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        console = spec.commandLine().getOut();
        long start = System.currentTimeMillis();
        FraudData d = FraudData.load(data.require(FraudData.FILE));
        WritableDirectory.require(out, "output directory");
        WritableDirectory.require(registry, "registry directory");
        Engines.ensureLoaded();
        console.printf(
                Locale.ROOT,
                "fraud: %d rows, %d features; train %d, validation %d, test %d (%d frauds)%n",
                d.x.length,
                d.features.size(),
                d.split.train().length,
                d.split.validation().length,
                d.split.test().length,
                sum(d.testLabels()));
        Inputs in = Inputs.of(d);
        Results r = runSeeds(d, in);
        Report report = report(d, in, r, start);
        report.write(out);
        plots(d, r);
        console.printf(Locale.ROOT, "report: %s%n", out.resolve("report.md").toAbsolutePath());
        console.flush();
        return 0;
    }

    private void checkOptions() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1 but was " + seeds);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1 but was " + epochs);
        }
    }

    /** The inputs every model sees: z-scored two ways, per the protocol. */
    record Inputs(
            double[][] unsupTrain,
            double[][] unsupValidation,
            double[][] unsupTest,
            double[][] supTrain,
            double[][] supValidation,
            double[][] supTest) {
        static Inputs of(FraudData d) {
            Standardiser g = Standardiser.fit(d.x, d.trainGenuine());
            Standardiser all = Standardiser.fit(d.x, d.split.train());
            return new Inputs(
                    g.apply(d.x, d.trainGenuine()),
                    g.apply(d.x, d.validationGenuine()),
                    g.apply(d.x, d.split.test()),
                    all.apply(d.x, d.split.train()),
                    all.apply(d.x, d.split.validation()),
                    all.apply(d.x, d.split.test()));
        }
    }

    /** Test scores per model and seed, plus what the first seed leaves for the report. */
    static final class Results {
        final Map<String, double[][]> scores = new LinkedHashMap<>();
        double[][] aeLoss;
        double[][] mlpLoss;
        double threshold;
        Explanation topFraud;
        RegistryRoundTrip.Result roundTrip;
        long trainMillis;
    }

    private Results runSeeds(FraudData d, Inputs in) throws Exception {
        Results r = new Results();
        for (String m :
                List.of(
                        "autoencoder",
                        "mahalanobis",
                        "isolationForest",
                        "logisticRegression",
                        "mlp")) {
            r.scores.put(m, new double[seeds][]);
        }
        double[] maha = MahalanobisScorer.fit(in.unsupTrain()).scores(in.unsupTest());
        double[] lr =
                LogisticRegression.fit(
                                in.supTrain(),
                                Standardiser.select(d.labels, d.split.train()),
                                LogisticRegression.SKLEARN_DEFAULT_L2)
                        .predictProbabilities(in.supTest());
        long t0 = System.currentTimeMillis();
        for (int s = 0; s < seeds; s++) {
            int seed = s + 1;
            r.scores.get("mahalanobis")[s] = maha;
            r.scores.get("logisticRegression")[s] = lr;
            r.scores.get("isolationForest")[s] =
                    IsolationForest.fit(in.unsupTrain(), seed).scores(in.unsupTest());
            r.scores.get("autoencoder")[s] = autoencoder(d, in, seed, r);
            r.scores.get("mlp")[s] = mlp(d, in, seed, r);
        }
        r.trainMillis = System.currentTimeMillis() - t0;
        return r;
    }

    private double[] autoencoder(FraudData d, Inputs in, int seed, Results r) throws Exception {
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(d.features.size())
                        .optHiddenWidths(AE_HIDDEN)
                        .optActivation(Activation.RELU)
                        .build();
        float[] train = Standardiser.flatten(in.unsupTrain());
        float[] val = Standardiser.flatten(in.unsupValidation());
        int w = d.features.size();
        TrainedModel t =
                new ModelTrainer(config(seed, 32, 1e-3))
                        .train(
                                spec,
                                TrainingData.autoencoding(train, w),
                                TrainingData.autoencoding(val, w),
                                new ProgressPrinter(console, "autoencoder seed " + seed, 25));
        try (NeuralModel model = t.model()) {
            AutoencoderDetector detector = new AutoencoderDetector(model);
            float[] test = Standardiser.flatten(in.unsupTest());
            double[] scores = toDouble(detector.scores(test, in.unsupTest().length));
            if (seed == 1) {
                r.aeLoss = new double[][] {t.result().trainLoss(), t.result().validationMetric()};
                r.threshold =
                        detector.calibrateByFalsePositiveRate(
                                val, in.unsupValidation().length, TARGET_FPR);
                r.topFraud = explainTopFraud(d, detector, test, scores);
                r.roundTrip = publish(d, model, t, scores);
            }
            return scores;
        }
    }

    private double[] mlp(FraudData d, Inputs in, int seed, Results r) {
        MlpClassifierSpec spec =
                MlpClassifierSpec.builder()
                        .setInputWidth(d.features.size())
                        .setNumClasses(2)
                        .optHiddenWidths(MLP_HIDDEN)
                        .optActivation(Activation.RELU)
                        .build();
        TrainingData train =
                classification(in.supTrain(), Standardiser.select(d.labels, d.split.train()));
        TrainingData val =
                classification(
                        in.supValidation(), Standardiser.select(d.labels, d.split.validation()));
        TrainedModel t =
                new ModelTrainer(config(seed, 32, 1e-3))
                        .train(
                                spec,
                                train,
                                val,
                                new ProgressPrinter(console, "mlp seed " + seed, 25));
        try (NeuralModel model = t.model()) {
            if (seed == 1) {
                r.mlpLoss = new double[][] {t.result().trainLoss(), t.result().validationMetric()};
            }
            float[] p = model.predict(Standardiser.flatten(in.supTest()), in.supTest().length);
            return positiveClass(p);
        }
    }

    private TrainerConfig config(int seed, int batch, double lr) {
        return TrainerConfig.builder()
                .setOptimizer(OptimizerKind.ADAM)
                .setLearningRate(lr)
                .setBatchSize(batch)
                .setMaxEpochs(epochs)
                .setSeed(seed)
                .optEarlyStopping(Math.max(1, Math.min(30, epochs / 5)), 0)
                .build();
    }

    static TrainingData classification(double[][] x, int[] labels) {
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return TrainingData.of(Standardiser.flatten(x), new int[] {x[0].length}, y, 1);
    }

    /** The second of two softmax outputs per row: the probability of class 1. */
    static double[] positiveClass(float[] probabilities) {
        double[] p = new double[probabilities.length / 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities[2 * i + 1];
        }
        return p;
    }

    private Explanation explainTopFraud(
            FraudData d, AutoencoderDetector detector, float[] test, double[] scores) {
        int[] y = d.testLabels();
        int top = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1 && (top < 0 || scores[i] > scores[top])) {
                top = i;
            }
        }
        int w = d.features.size();
        float[] row = new float[w];
        System.arraycopy(test, top * w, row, 0, w);
        double[] contributions = toDouble(detector.contributions(row, 1));
        return new Explanation(
                "autoencoder reconstruction error per feature",
                "perfect reconstruction",
                d.features,
                contributions,
                scores[top],
                0);
    }

    /**
     * Publishes the autoencoder as a scoring pipeline (raw {@code Time, V1..V28, Amount} in, the
     * genuine-row z-score, the network and its alert threshold) and checks that the pipeline
     * reloaded from the registry scores the raw test rows exactly as this run did.
     */
    private RegistryRoundTrip.Result publish(
            FraudData d, NeuralModel model, TrainedModel t, double[] scores) throws Exception {
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("dataset", FraudData.FILE);
        hp.put("scaler", "z-score, population sd, fitted on the training part's genuine rows");
        hp.put("trainer", config(1, 32, 1e-3).toString());
        hp.put("threshold", "1 % false-positive rate on the validation part's genuine rows");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validationMse", t.result().validationMetric()[t.result().bestEpoch() - 1]);
        metrics.put("testRocAuc", ClassificationMetrics.rocAuc(d.testLabels(), scores));
        Path scratch = out.resolve("network");
        RegistryRoundTrip.clear(scratch);
        try (Pipeline p =
                TabularPipelines.build(
                        model,
                        d.features,
                        d.x,
                        d.trainGenuine(),
                        d.features,
                        hp,
                        metrics,
                        scratch)) {
            return RegistryRoundTrip.run(
                    p,
                    out.resolve("pipeline-staging"),
                    registry,
                    MODEL_NAME,
                    Standardiser.select(d.x, d.split.test()),
                    toFloat(scores),
                    0);
        } finally {
            RegistryRoundTrip.clear(scratch);
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private Report report(FraudData d, Inputs in, Results r, long start) {
        Report rep = new Report("Card fraud: autoencoder against classical baselines");
        int[] y = d.testLabels();
        rep.line(
                String.format(
                        Locale.ROOT,
                        "Data `%s`: %d rows; protocol split 60/20/20 stratified on `Class`, seed"
                            + " 42; test part %d rows, %d frauds. Seeds: %d (figures are means; ±"
                            + " is the sd over seeds; brackets are the 95 %% stratified bootstrap"
                            + " interval of the mean, %d resamples).",
                        FraudData.FILE,
                        d.x.length,
                        y.length,
                        sum(y),
                        seeds,
                        SeedFigure.RESAMPLES));
        rep.line("");
        rep.put("data.rows", d.x.length).put("data.testRows", y.length).put("seeds", seeds);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : r.scores.entrySet()) {
            rows.add(modelRow(rep, e.getKey(), y, e.getValue()));
        }
        rep.table(List.of("model", "ROC-AUC", "PR-AUC", "recall @ 1% FPR", "reference"), rows);
        targets(rep);
        thresholdSection(rep, y, r);
        explanationSection(rep, r.topFraud);
        registrySection(rep, r.roundTrip);
        long wall = System.currentTimeMillis() - start;
        rep.put("wallSeconds", wall / 1000.0).put("trainSeconds", r.trainMillis / 1000.0);
        rep.line("");
        rep.line(
                String.format(
                        Locale.ROOT,
                        "Wall time %.1f s (training and scoring all seeds %.1f s). Plots:"
                                + " `roc.png`, `pr.png`, `loss.png` (seed 1).",
                        wall / 1000.0,
                        r.trainMillis / 1000.0));
        return rep;
    }

    private static final Map<String, String> REFERENCE =
            Map.of(
                    "autoencoder", "PyTorch AE 0.970 ± 0.004 / 0.956 ± 0.004 / 0.81 ± 0.06",
                    "mahalanobis", "0.973 / 0.964 / 0.838",
                    "isolationForest", "0.956 / 0.927 / 0.61",
                    "logisticRegression", "0.993 / 0.990 / 0.949",
                    "mlp", "target ROC-AUC >= 0.985");

    private List<String> modelRow(Report rep, String model, int[] y, double[][] scores) {
        SeedFigure roc = SeedFigure.of(y, scores, ClassificationMetrics::rocAuc);
        SeedFigure pr = SeedFigure.of(y, scores, ClassificationMetrics::averagePrecision);
        BinaryMetric recall = (l, s) -> ClassificationMetrics.recallAtFpr(l, s, TARGET_FPR);
        SeedFigure rec = SeedFigure.of(y, scores, recall);
        put(rep, model + ".rocAuc", roc);
        put(rep, model + ".prAuc", pr);
        put(rep, model + ".recallAt1pctFpr", rec);
        console.printf(
                Locale.ROOT,
                "  %-19s ROC-AUC %s  PR-AUC %s  recall@1%%FPR %s%n",
                model,
                roc.format(3),
                pr.format(3),
                rec.format(2));
        return List.of(model, roc.format(3), pr.format(3), rec.format(2), REFERENCE.get(model));
    }

    static void put(Report rep, String key, SeedFigure f) {
        rep.put(key, f.mean());
        rep.put(key + ".sd", f.sd());
        rep.put(key + ".ci95", List.of(f.lower(), f.upper()));
        rep.put(key + ".perSeed", f.perSeed());
    }

    private void targets(Report rep) {
        Map<String, Object> f = rep.figures();
        double aeRoc = (double) f.get("autoencoder.rocAuc");
        double aePr = (double) f.get("autoencoder.prAuc");
        double mahaRoc = (double) f.get("mahalanobis.rocAuc");
        boolean ae =
                aeRoc >= 0.96
                        && aePr >= 0.945
                        && aePr > (double) f.get("isolationForest.prAuc")
                        && aeRoc > (double) f.get("isolationForest.rocAuc")
                        && mahaRoc - aeRoc <= 0.01;
        boolean mlp = (double) f.get("mlp.rocAuc") >= 0.985;
        rep.put("targets.autoencoderMet", ae).put("targets.mlpMet", mlp);
        rep.line("");
        rep.line(
                "Targets (issue 5): autoencoder ROC-AUC >= 0.96, PR-AUC >= 0.945, above isolation"
                        + " forest and within 0.01 ROC-AUC of Mahalanobis: **"
                        + (ae ? "met" : "not met")
                        + "**; MLP ROC-AUC >= 0.985: **"
                        + (mlp ? "met" : "not met")
                        + "**. Where a baseline wins, the table shows it.");
    }

    private void thresholdSection(Report rep, int[] y, Results r) {
        double[] s = r.scores.get("autoencoder")[0];
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < y.length; i++) {
            if (s[i] > r.threshold) {
                tp += y[i];
                fp += 1 - y[i];
            }
        }
        double recall = (double) tp / sum(y);
        double fpr = (double) fp / (y.length - sum(y));
        rep.put("threshold.value", r.threshold)
                .put("threshold.testRecall", recall)
                .put("threshold.testFpr", fpr);
        rep.line("");
        rep.line(
                String.format(
                        Locale.ROOT,
                        "Alert threshold (seed 1) at 1 %% FPR on the validation part's genuine"
                                + " rows: reconstruction error > %.4f; on the test part it flags"
                                + " %d of %d frauds (recall %.3f) at FPR %.3f.",
                        r.threshold,
                        tp,
                        sum(y),
                        recall,
                        fpr));
    }

    private void explanationSection(Report rep, Explanation e) {
        List<ReasonCode> reasons = e.topReasons(5);
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (ReasonCode c : reasons) {
            names.add(c.feature());
            rows.add(
                    List.of(
                            c.feature(),
                            String.format(Locale.ROOT, "%.4f", c.contribution()),
                            String.format(
                                    Locale.ROOT,
                                    "%.1f %%",
                                    100 * c.contribution() / e.prediction())));
        }
        rep.put("explanation.topFraud.score", e.prediction())
                .put("explanation.topFraud.features", names);
        rep.line("");
        rep.line(
                String.format(
                        Locale.ROOT,
                        "Top-scored test fraud (seed 1): reconstruction error %.3f; the features"
                                + " it reconstructs worst (%s):",
                        e.prediction(),
                        e.method()));
        rep.line("");
        rep.table(List.of("feature", "contribution", "share of score"), rows);
        console.printf(Locale.ROOT, "  top-scored test fraud: %s%n", reasons);
    }

    private void registrySection(Report rep, RegistryRoundTrip.Result rt) {
        rep.put("registry.name", MODEL_NAME)
                .put("registry.version", rt.version().version())
                .put("registry.rescoredRows", rt.rows())
                .put("registry.bitIdentical", rt.bitIdentical());
        rep.line("");
        rep.line(
                String.format(
                        Locale.ROOT,
                        "Published the scoring pipeline `%s` v%d (raw `Time, V1..V28, Amount` in;"
                                + " z-score, network and alert threshold inside) to the registry"
                                + " (`%s`) and promoted it to `%s`; reloaded through the registry,"
                                + " it scored the %d raw test rows %s.",
                        MODEL_NAME,
                        rt.version().version(),
                        registry,
                        RegistryRoundTrip.STAGE,
                        rt.rows(),
                        rt.bitIdentical()
                                ? "exactly as this run did (bit for bit)"
                                : "**differently from this run**"));
        console.printf(
                Locale.ROOT,
                "  published pipeline %s v%d (stage %s); reloaded and rescored %d raw rows: %s%n",
                MODEL_NAME,
                rt.version().version(),
                RegistryRoundTrip.STAGE,
                rt.rows(),
                rt.bitIdentical() ? "bit-identical" : "scores differ");
    }

    private void plots(FraudData d, Results r) {
        int[] y = d.testLabels();
        Map<String, double[][]> roc = new LinkedHashMap<>();
        Map<String, double[][]> pr = new LinkedHashMap<>();
        r.scores.forEach(
                (m, s) -> {
                    roc.put(m, Curves.roc(y, s[0]));
                    pr.put(m, Curves.precisionRecall(y, s[0]));
                });
        Plots.lines(out.resolve("roc.png"), "ROC, test part (seed 1)", "FPR", "TPR", roc);
        Plots.lines(
                out.resolve("pr.png"),
                "Precision-recall, test part (seed 1)",
                "recall",
                "precision",
                pr);
        Map<String, double[][]> loss = new LinkedHashMap<>();
        loss.put("autoencoder train (MSE)", Curves.perEpoch(r.aeLoss[0]));
        loss.put("autoencoder validation (MSE)", Curves.perEpoch(r.aeLoss[1]));
        loss.put("mlp train (cross-entropy)", Curves.perEpoch(r.mlpLoss[0]));
        loss.put("mlp validation (cross-entropy)", Curves.perEpoch(r.mlpLoss[1]));
        Plots.lines(out.resolve("loss.png"), "Loss per epoch (seed 1)", "epoch", "loss", loss);
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }
}
