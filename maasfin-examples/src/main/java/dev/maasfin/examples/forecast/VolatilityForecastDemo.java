// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.metrics.RegressionMetrics;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.train.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code forecast} demo end to end: load a daily OHLCV file, build the protocol's volatility
 * task, train the LSTM over several seeds with early stopping, forecast the test part, score it
 * against the naive, EWMA, HAR and GARCH(1,1) baselines with Diebold–Mariano tests, publish the
 * first seed's model to a local registry as {@value #MODEL_NAME}, promote it to {@value #STAGE},
 * reload it from there, re-score the test windows, and write {@code report.md}, {@code report.json}
 * and PNG plots.
 *
 * <p>Progress (one line per epoch, then the steps) goes to the given writer. Not thread-safe: runs
 * use the engine's global random generator, so run one at a time per JVM.
 */
public final class VolatilityForecastDemo {
    /** The registry name of the published model. */
    public static final String MODEL_NAME = "spx-vol-lstm";

    /** The stage the published model is promoted to. */
    public static final String STAGE = "production";

    /**
     * Which of the smearing factors gives the headline LSTM forecast ({@code test.lstm.*} and
     * {@code validation.lstm.*} in the report); the others are reported beside it.
     */
    public enum Headline {
        /** mean(exp(residual)): the forecast estimates the mean sd, what RMSE rewards. */
        MEAN_SD,
        /**
         * The factor between the mean-sd and the variance factor that minimises RMSE / RMSE(EWMA) +
         * QLIKE / QLIKE(EWMA) on the validation origins: one forecast for both losses.
         */
        BALANCED
    }

    private final Settings settings;
    private final PrintWriter out;
    private final String modelName;
    private final Map<String, String> metadata;
    private double[] validationEwma;

    /**
     * What to run.
     *
     * @param csv the daily OHLCV file
     * @param validationStart first date of the validation part (protocol: 2015-01-01)
     * @param testStart first date of the test part (protocol: 2018-01-01)
     * @param model the LSTM's hyper-parameters and target scale
     * @param seeds number of seeds trained (seed, seed + 1, ...)
     * @param seed the first seed
     * @param walkForward whether to add yearly expanding-window refits over the test part
     * @param outDir where the report, plots and the saved artifact go
     * @param registryDir the model registry's root
     * @param headline which smearing factor gives the headline LSTM forecast
     */
    public record Settings(
            Path csv,
            LocalDate validationStart,
            LocalDate testStart,
            LstmVolatility.Settings model,
            int seeds,
            int seed,
            boolean walkForward,
            Path outDir,
            Path registryDir,
            Headline headline) {}

    /** Creates the demo; progress lines go to {@code out}. */
    public VolatilityForecastDemo(Settings settings, PrintWriter out) {
        this(settings, out, MODEL_NAME, Map.of());
    }

    /**
     * Creates the demo publishing under {@code modelName}, with {@code metadata} added to the saved
     * artifact's state and to the registry version's metadata (e.g. a tuning summary).
     */
    VolatilityForecastDemo(
            Settings settings, PrintWriter out, String modelName, Map<String, String> metadata) {
        this.settings = settings;
        this.out = out;
        this.modelName = modelName;
        this.metadata = Map.copyOf(metadata);
    }

    /**
     * Runs the demo and returns the figures written to {@code report.json}.
     *
     * @throws IOException if the data cannot be read or the outputs cannot be written
     * @throws IllegalArgumentException if the data or the window do not fit the task
     */
    public Map<String, Object> run() throws IOException {
        long start = System.nanoTime();
        VolatilityProblem problem = load();
        Map<String, double[]> baselines = baselinesOnTest(problem);
        VolatilityWindows features =
                VolatilityWindows.fit(
                        problem.task.returns(),
                        problem.window,
                        problem.lastTrainOrigin(),
                        settings.model().featureScale());
        LstmVolatility lstm = new LstmVolatility(settings.model());
        List<SeedRun> runs = new ArrayList<>();
        NeuralModel published = null;
        try {
            for (int i = 0; i < settings.seeds(); i++) {
                SeedRun run = trainSeed(problem, features, lstm, i);
                runs.add(run);
                if (i == 0) {
                    published = run.model;
                } else {
                    run.model.close();
                }
            }
            Registered registered = publishAndReload(published, problem, features, runs.get(0));
            WalkForward.Result walk =
                    settings.walkForward()
                            ? new WalkForward(lstm, out).run(problem, settings.seed())
                            : null;
            double seconds = (System.nanoTime() - start) / 1e9;
            return new ForecastReport(settings, problem, baselines, runs, walk, registered)
                    .write(settings.outDir(), seconds);
        } finally {
            if (published != null) {
                published.close();
            }
        }
    }

    private VolatilityProblem load() throws IOException {
        out.printf(Locale.ROOT, "loading %s%n", settings.csv());
        out.flush();
        var bars = BarCsvLoader.defaults().load(settings.csv());
        VolatilityProblem p =
                VolatilityProblem.of(
                        bars,
                        settings.model().window(),
                        settings.validationStart(),
                        settings.testStart());
        LocalDate[] test = p.testDates();
        out.printf(
                Locale.ROOT,
                "origins: %,d train, %,d validation, %,d test (%s .. %s), window %d days%n",
                p.trainPositions.length,
                p.validationPositions.length,
                p.testPositions.length,
                test[0],
                test[test.length - 1],
                p.window);
        out.flush();
        return p;
    }

    private Map<String, double[]> baselinesOnTest(VolatilityProblem p) {
        Map<String, double[]> all =
                VolatilityBaselines.forecasts(p.task, settings.validationStart());
        Map<String, double[]> test = new LinkedHashMap<>();
        all.forEach((name, f) -> test.put(name, VolatilityProblem.at(f, p.testPositions)));
        return test;
    }

    private SeedRun trainSeed(
            VolatilityProblem p, VolatilityWindows features, LstmVolatility lstm, int i) {
        int seed = settings.seed() + i;
        int epochs = settings.model().epochs();
        boolean percent = settings.model().targetScale() == LstmVolatility.TargetScale.PERCENT;
        LstmVolatility.Fitted fitted =
                lstm.train(
                        features,
                        p.train(),
                        p.validation(),
                        seed,
                        (epoch, loss, val, millis) -> {
                            out.printf(
                                    Locale.ROOT,
                                    "seed %d (%d/%d) epoch %3d/%d  train loss %.4f  validation"
                                            + " loss %.4f%s  %.1f s%n",
                                    seed,
                                    i + 1,
                                    settings.seeds(),
                                    epoch,
                                    epochs,
                                    loss,
                                    val,
                                    percent
                                            ? String.format(
                                                    Locale.ROOT,
                                                    " (RMSE %.5f)",
                                                    Math.sqrt(val) / 100)
                                            : "",
                                    millis / 1000.0);
                            out.flush();
                        });
        TrainedModel trained = fitted.trained();
        double[] validation = validationScores(p, features, lstm, fitted);
        out.printf(
                Locale.ROOT,
                "seed %d validation (best epoch %d): mean-sd forecast RMSE %.5f QLIKE %.3f;"
                        + " variance-targeted RMSE %.5f QLIKE %.3f; balanced factor %.4f"
                        + " RMSE %.5f QLIKE %.3f%n",
                seed,
                trained.result().bestEpoch(),
                validation[0],
                validation[1],
                validation[2],
                validation[3],
                validation[6],
                validation[4],
                validation[5]);
        out.flush();
        int[] testOrigins = p.origins(p.testPositions);
        float[] raw = trained.model().predict(features.windows(testOrigins), testOrigins.length);
        double[] rv20 = features.rv20(testOrigins);
        double[] meanSdForecast = lstm.decode(raw, rv20, fitted.smearing());
        double[] varianceForecast = lstm.decode(raw, rv20, fitted.varianceSmearing());
        double[] balancedForecast = lstm.decode(raw, rv20, validation[6]);
        boolean balanced = settings.headline() == Headline.BALANCED;
        trained.model().state().put("balancedFactor", validation[6]);
        trained.model().state().put("headlineFactor", balanced ? validation[6] : fitted.smearing());
        return new SeedRun(
                seed,
                trained.model(),
                trained.result(),
                raw,
                balanced ? balancedForecast : meanSdForecast,
                meanSdForecast,
                varianceForecast,
                balancedForecast,
                validation);
    }

    /**
     * Scores the forecasts on the validation part and chooses the balanced factor there.
     *
     * <p>Returns RMSE and QLIKE of the mean-sd forecast, of the variance-targeted forecast, of the
     * balanced forecast, then the balanced factor ({@link LstmVolatility#balancedFactor}, chosen on
     * the validation origins: one forecast for both losses, chosen without the test part). The
     * smearing factors are fitted on the same origins, so these figures are slightly optimistic.
     */
    private double[] validationScores(
            VolatilityProblem p,
            VolatilityWindows features,
            LstmVolatility lstm,
            LstmVolatility.Fitted fitted) {
        LstmVolatility.Samples v = p.validation();
        float[] raw = fitted.model().predict(features.windows(v.origins()), v.origins().length);
        double[] rv20 = features.rv20(v.origins());
        double[] y = v.target();
        double[] mean = lstm.decode(raw, rv20, fitted.smearing());
        double[] variance = lstm.decode(raw, rv20, fitted.varianceSmearing());
        double[] ewma = validationEwma(p);
        double bestFactor = lstm.balancedFactor(fitted, raw, rv20, y, ewma);
        double[] balanced = lstm.decode(raw, rv20, bestFactor);
        return new double[] {
            RegressionMetrics.rmse(y, mean),
            RegressionMetrics.qlike(y, mean),
            RegressionMetrics.rmse(y, variance),
            RegressionMetrics.qlike(y, variance),
            RegressionMetrics.rmse(y, balanced),
            RegressionMetrics.qlike(y, balanced),
            bestFactor
        };
    }

    private double[] validationEwma(VolatilityProblem p) {
        if (validationEwma == null) {
            double[] all =
                    VolatilityBaselines.forecasts(p.task, settings.validationStart()).get("ewma");
            validationEwma = VolatilityProblem.at(all, p.validationPositions);
        }
        return validationEwma;
    }

    /**
     * Saves the first seed's network, publishes it as a scoring {@link Pipeline} (volatility
     * feature stage, the fitted scaling, the network and the headline forecast's decoding),
     * promotes it, reloads it through the registry and checks that its forecasts on the raw bars
     * equal the headline forecasts of the test origins, bit for bit after rounding to float.
     */
    private Registered publishAndReload(
            NeuralModel model, VolatilityProblem p, VolatilityWindows features, SeedRun first)
            throws IOException {
        Path artifact = settings.outDir().resolve("artifact");
        deleteRecursively(artifact);
        Files.createDirectories(settings.outDir());
        metadata.forEach(model.state()::put);
        ModelArtifacts.save(model, artifact);
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(settings.registryDir()).build();
        ModelVersion v;
        // the pipeline owns its network, so it gets the copy just saved, not the trained one
        try (Pipeline pipeline =
                VolatilityPipelines.builder()
                        .fromModelState(ModelArtifacts.load(artifact))
                        .setTrainingBars(p.bars.slice(0, p.lastTrainOrigin() + 2))
                        .build()) {
            v =
                    pipeline.publish(
                            registry,
                            modelName,
                            settings.outDir().resolve("pipeline-staging"),
                            "maasfin forecast",
                            "LSTM volatility pipeline trained by the forecast demo");
        }
        registry.promote(
                modelName, v.version(), STAGE, "maasfin forecast", "evaluated on the test part");
        int[] testOrigins = p.origins(p.testPositions);
        int[] endRows = new int[testOrigins.length];
        for (int i = 0; i < endRows.length; i++) {
            endRows[i] = testOrigins[i] + 1; // return k is dated by bar k + 1
        }
        boolean identical = true;
        try (Pipeline reloaded = Pipeline.fromRegistry(registry, modelName, v.version())) {
            BatchPrediction again = reloaded.scoreWindows(reloaded.features(p.bars), endRows);
            for (int i = 0; i < endRows.length; i++) {
                identical &=
                        Float.floatToIntBits((float) first.forecast[i])
                                == Float.floatToIntBits(again.value(i, 0));
            }
        }
        out.printf(
                Locale.ROOT,
                "published pipeline %s v%d to %s, promoted to %s; its forecasts on the raw bars"
                        + " %s the headline test forecasts%n",
                modelName,
                v.version(),
                settings.registryDir(),
                STAGE,
                identical ? "equal (bit for bit, as float)" : "DIFFER from");
        out.flush();
        if (!identical) {
            throw new IllegalStateException(
                    "the pipeline reloaded from the registry forecasts differently from the"
                            + " trained model");
        }
        return new Registered(modelName, v.version(), settings.registryDir(), identical);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * One seed's trained model, training record and test forecasts.
     *
     * @param seed the seed
     * @param model the trained model (closed after the run except for the published one)
     * @param result the training record
     * @param raw the network's outputs on the test windows
     * @param forecast the headline forecasts (mean-sd or balanced, per {@link Headline})
     * @param meanSdForecast the mean-sd forecasts
     * @param varianceForecast the variance-targeted forecasts (reported beside them)
     * @param balancedForecast the forecasts with the factor balanced on validation RMSE and QLIKE
     * @param validation validation RMSE and QLIKE of the mean-sd, the variance-targeted and the
     *     balanced forecast, then the balanced factor
     */
    record SeedRun(
            int seed,
            NeuralModel model,
            dev.maasfin.djl.train.TrainingResult result,
            float[] raw,
            double[] forecast,
            double[] meanSdForecast,
            double[] varianceForecast,
            double[] balancedForecast,
            double[] validation) {}

    /** Where the model was published and whether the reloaded copy predicted identically. */
    record Registered(String name, int version, Path registry, boolean identical) {}
}
