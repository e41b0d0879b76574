// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.core.tune.Configuration;
import dev.maasfin.core.tune.Direction;
import dev.maasfin.core.tune.Strategy;
import dev.maasfin.core.tune.TrialFold;
import dev.maasfin.core.tune.TrialRecord;
import dev.maasfin.core.tune.Tuner;
import dev.maasfin.core.tune.TuningResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The {@code tune} command end to end: random search over {@link VolatilityTuneSpace} for the LSTM
 * volatility forecaster, scored by the mean QLIKE of the headline forecast over the walk-forward
 * folds of {@link VolatilityTuneFolds} (all before the protocol's test part), with the {@code
 * forecast} defaults evaluated as trial 0 of the same search; then the best configuration is
 * retrained and evaluated once on the test part exactly as the {@code forecast} demo does (training
 * part before 2015, early stopping on 2015-2017, the demo's seeds), and so is the default
 * configuration for comparison (its test figures are recorded, never used to choose).
 *
 * <p>Writes into the output directory {@code trials.csv} and {@code trials.json} (the tuner's
 * table: configuration, QLIKE per fold, mean, sd, time), {@code fold_metrics.csv} (QLIKE, RMSE,
 * best epoch per trial and fold), {@code report.md} and {@code report.json}, the tuned model's demo
 * report and artifact under {@code best/} (published as {@value #TUNED_MODEL_NAME} and promoted to
 * production in the registry; the artifact's state and the registry metadata hold {@code
 * tuning.best} (the best row, configuration included, as JSON) and {@code tuning.summary}), and the
 * default's demo report under {@code default/} (its model goes to a scratch registry there).
 *
 * <p>Why random search and not successive halving / ASHA, which the tuner supports: every training
 * already stops early on its own early-stopping year, and a halving rung of a few epochs would
 * score the default configuration at a budget the best one never had, so "better than the default"
 * would not be measured at equal budget. The resource (maximum epochs) is passed through the tuner,
 * so switching the strategy is one line.
 *
 * <p>Trials run one at a time: {@code threads} must be 1. Measured: with 2 threads, 3 of 4 trials
 * failed with DJL's "A PtGradientCollector is already collecting. Only one can be collecting at a
 * time" (the PyTorch engine allows one gradient collector per process), and the one that completed
 * gave a different QLIKE in two identical runs (0.57908 against 0.57912 on fold A), since every
 * training also seeds the engine's global random generator. With one thread a run is
 * bit-reproducible (two identical runs gave identical tables). Parallel trials need one JVM per
 * worker, which this command does not do. Not thread-safe.
 */
public final class VolatilityTuning {
    /** Registry name of the tuned model. */
    public static final String TUNED_MODEL_NAME = "spx-vol-lstm-tuned";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final PrintWriter out;
    private IntConsumer originRecorder = k -> {};
    private Map<String, String> metadata = Map.of();
    private Map<String, Object> bestFigures;
    private int[] protocolTrainAndValidation;

    /**
     * What to run.
     *
     * @param csv the daily OHLCV file
     * @param trials configurations evaluated, the default included (>= 1)
     * @param maxWallTime wall-time budget of the search, or null for none
     * @param threads trials run at once; must be 1 (see the class comment)
     * @param seed the tuner's seed (configuration sampling and trial seeds)
     * @param epochs maximum epochs per training (the tuner's resource)
     * @param patience early-stopping patience in epochs
     * @param hiddenChoices hidden sizes searched
     * @param batchChoices batch sizes searched
     * @param seeds seeds of the final retraining (as the demo's {@code --seeds})
     * @param firstSeed first seed of the final retraining (as the demo's {@code --seed})
     * @param outDir where the report and files go
     * @param registryDir the registry the tuned model is published to
     */
    public record Settings(
            Path csv,
            int trials,
            Duration maxWallTime,
            int threads,
            long seed,
            int epochs,
            int patience,
            List<Integer> hiddenChoices,
            List<Integer> batchChoices,
            int seeds,
            int firstSeed,
            Path outDir,
            Path registryDir) {
        /**
         * Checks every setting.
         *
         * @throws IllegalArgumentException naming the option, the bad value and the rule
         */
        public Settings {
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(registryDir, "registryDir");
            atLeast("--trials", trials, 1);
            atLeast("--threads", threads, 1);
            if (threads > 1) {
                throw new IllegalArgumentException(
                        "--threads must be 1 for the LSTM objective (DJL's PyTorch engine runs one"
                                + " gradient collector per process) but was "
                                + threads);
            }
            atLeast("--epochs", epochs, 1);
            atLeast("--patience", patience, 1);
            atLeast("--seeds", seeds, 1);
            if (maxWallTime != null && (maxWallTime.isNegative() || maxWallTime.isZero())) {
                throw new IllegalArgumentException(
                        "--minutes must be > 0 but was " + maxWallTime.toSeconds() / 60.0);
            }
            hiddenChoices = List.copyOf(hiddenChoices);
            batchChoices = List.copyOf(batchChoices);
        }

        private static void atLeast(String option, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(
                        option + " must be >= " + min + " but was " + value);
            }
        }
    }

    /** Creates the run; progress lines go to {@code out}. */
    public VolatilityTuning(Settings settings, PrintWriter out) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Sets a receiver of every origin the search reads (for tests); default none. */
    VolatilityTuning optOriginRecorder(IntConsumer recorder) {
        this.originRecorder = Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    /**
     * Runs the search, the final test evaluations and writes the report.
     *
     * @return the figures written to {@code report.json}
     * @throws IOException if the data cannot be read or the outputs cannot be written
     * @throws InterruptedException if interrupted while trials run
     * @throws IllegalArgumentException if the data do not cover the folds or a choice is bad
     * @throws IllegalStateException if every trial failed
     */
    public Map<String, Object> run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        BarSeries bars = BarCsvLoader.defaults().load(settings.csv());
        VolatilityTuneFolds folds =
                VolatilityTuneFolds.of(
                        bars, VolatilityTuneSpace.WINDOW, VolatilityWindows.FeatureScale.LOG);
        protocolTrainAndValidation = protocolTrainAndValidation(bars);
        VolatilityObjective objective =
                new VolatilityObjective(
                        folds,
                        VolatilityBaselines.ewmaByOrigin(
                                VolatilityProblem.of(
                                                bars,
                                                VolatilityTuneSpace.WINDOW,
                                                VolatilityTask.VALIDATION_START,
                                                VolatilityTask.TEST_START)
                                        .task),
                        settings.patience(),
                        originRecorder,
                        this::finalEvaluation);
        Tuner tuner = tuner(folds, objective);
        printFolds(folds);
        TuningResult result = tuner.search();
        Files.createDirectories(settings.outDir());
        result.writeCsv(settings.outDir().resolve("trials.csv"));
        result.writeJson(settings.outDir().resolve("trials.json"));
        Configuration best = result.bestConfiguration();
        TrialRecord defaultRow = defaultRow(result);
        metadata = tuningMetadata(result, defaultRow);
        out.printf(Locale.ROOT, "best %s; retraining it on the protocol's split%n", best);
        out.flush();
        tuner.evaluateOnTest(best);
        Map<String, Object> defaultFigures =
                best.equals(VolatilityTuneSpace.defaults()) ? bestFigures : defaultOnTest();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TuneReport(settings, folds, result, objective, bestFigures, defaultFigures)
                .write(settings.outDir(), seconds);
    }

    private Tuner tuner(VolatilityTuneFolds folds, VolatilityObjective objective) {
        Tuner.Builder b =
                Tuner.builder()
                        .setSearchSpace(
                                VolatilityTuneSpace.space(
                                        ints(settings.hiddenChoices()),
                                        ints(settings.batchChoices())))
                        .setObjective(objective)
                        .setFolds(folds.splits())
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(settings.trials())
                        .setSeed(settings.seed())
                        .optStrategy(Strategy.randomSearch(settings.epochs()))
                        .optThreads(settings.threads())
                        .optFirstConfigurations(List.of(VolatilityTuneSpace.defaults()))
                        .optListener(this::progress);
        if (settings.maxWallTime() != null) {
            b.optMaxWallTime(settings.maxWallTime());
        }
        return b.build();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private void progress(TrialRecord r) {
        out.printf(
                Locale.ROOT,
                "trial %d%s: %s QLIKE per fold %s mean %.4f in %.1f s  %s%n",
                r.trialId(),
                r.trialId() == 0 ? " (default)" : "",
                r.status(),
                Arrays.toString(r.foldMetrics()),
                r.mean(),
                r.wallMillis() / 1000.0,
                r.error().isEmpty() ? r.configuration() : r.error());
        out.flush();
    }

    private void printFolds(VolatilityTuneFolds folds) {
        for (int f = 0; f < folds.size(); f++) {
            var d = folds.fold(f);
            out.printf(
                    Locale.ROOT,
                    "fold %s: %,d fitted origins before %s, %,d early-stopping origins, %,d scored"
                            + " origins %s .. %s%n",
                    d.calendar().name(),
                    d.fit().origins().length,
                    d.calendar().stopStart(),
                    d.stop().origins().length,
                    d.score().origins().length,
                    d.calendar().scoreStart(),
                    d.calendar().scoreEnd().minusDays(1));
        }
        out.flush();
    }

    private static int[] protocolTrainAndValidation(BarSeries bars) {
        VolatilityProblem p =
                VolatilityProblem.of(
                        bars,
                        VolatilityTuneSpace.WINDOW,
                        VolatilityTask.VALIDATION_START,
                        VolatilityTask.TEST_START);
        int[] a = p.origins(p.trainPositions);
        int[] b = p.origins(p.validationPositions);
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Trial 0 is the default configuration (the tuner's first configuration). */
    private static TrialRecord defaultRow(TuningResult result) {
        return result.rowsAtRung(0).stream()
                .filter(r -> r.trialId() == 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the default trial did not run"));
    }

    private Map<String, String> tuningMetadata(TuningResult result, TrialRecord defaultRow) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("strategy", result.strategy().toString());
        summary.put("trials", result.rowsAtRung(0).size());
        summary.put("completed", result.completedCount());
        summary.put("seed", result.seed());
        summary.put("stopReason", result.stopReason().name());
        summary.put("objective", "mean QLIKE of the mean-sd forecast over folds");
        summary.put(
                "folds",
                VolatilityTuneFolds.CALENDARS.stream()
                        .map(
                                c ->
                                        c.name()
                                                + ": fit < "
                                                + c.stopStart()
                                                + ", early stop < "
                                                + c.scoreStart()
                                                + ", scored < "
                                                + c.scoreEnd())
                        .toList());
        summary.put("defaultConfiguration", defaultRow.configuration().asMap());
        summary.put("defaultMeanQlike", defaultRow.mean());
        summary.put("bestMeanQlike", result.best().orElseThrow().mean());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tuning.best", result.bestJson());
        try {
            m.put("tuning.summary", JSON.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and strings is serialisable", e);
        }
        return m;
    }

    /** The tuner's one test-part call: retrain as the demo does, keep its figures. */
    private double finalEvaluation(TrialFold call) {
        if (!Arrays.equals(call.train(), protocolTrainAndValidation)) {
            throw new IllegalStateException(
                    "the final retraining expected the protocol's training and validation"
                            + " origins as its training rows");
        }
        bestFigures =
                demo(
                        call.configuration(),
                        call.resource(),
                        settings.outDir().resolve("best"),
                        settings.registryDir(),
                        TUNED_MODEL_NAME,
                        metadata);
        return (double) bestFigures.get("test.lstm.qlike");
    }

    /** The default configuration on the test part, for the record (after the choice is made). */
    private Map<String, Object> defaultOnTest() {
        Path dir = settings.outDir().resolve("default");
        out.printf(Locale.ROOT, "retraining the default configuration for comparison%n");
        out.flush();
        return demo(
                VolatilityTuneSpace.defaults(),
                settings.epochs(),
                dir,
                dir.resolve("registry"),
                VolatilityForecastDemo.MODEL_NAME,
                Map.of());
    }

    private Map<String, Object> demo(
            Configuration c,
            int epochs,
            Path dir,
            Path registry,
            String name,
            Map<String, String> meta) {
        VolatilityForecastDemo.Settings s =
                new VolatilityForecastDemo.Settings(
                        settings.csv(),
                        VolatilityTask.VALIDATION_START,
                        VolatilityTask.TEST_START,
                        VolatilityTuneSpace.settings(c, epochs, settings.patience()),
                        settings.seeds(),
                        settings.firstSeed(),
                        false,
                        dir,
                        registry,
                        VolatilityForecastDemo.Headline.BALANCED);
        try {
            return new VolatilityForecastDemo(s, out, name, meta).run();
        } catch (IOException e) {
            throw new UncheckedIOException("final evaluation could not read or write: " + dir, e);
        }
    }
}
