// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.examples.forecast.VolatilityTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tunes the {@code forecast} command's LSTM volatility forecaster: random search over learning
 * rate, hidden size, layers, dropout and batch size, scored by mean QLIKE over walk-forward folds
 * before the test part, the {@code forecast} defaults evaluated in the same search; then the best
 * configuration and the default are retrained as the demo does and evaluated once on the test part.
 *
 * <p>Every bad argument ends in one line on standard error naming the option, its value and the
 * rule. See {@link VolatilityTuning} for what a run does and writes. {@code --threads} must be 1:
 * DJL's PyTorch engine runs one gradient collector per process, so parallel trainings in one JVM
 * fail.
 */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description =
                "Hyper-parameter search for the LSTM volatility forecaster (walk-forward QLIKE,"
                        + " default configuration included), then one test-part evaluation of the"
                        + " best and the default configuration.")
final class TuneCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(
            names = "--file",
            paramLabel = "CSV",
            defaultValue = SummaryCommand.DEFAULT_FILE,
            description =
                    "OHLCV file: a path, or a path under the data directory (default:"
                            + " ${DEFAULT-VALUE}).")
    String file;

    @Option(
            names = "--trials",
            defaultValue = "20",
            description = "Configurations evaluated, the default included (>= 1).")
    int trials;

    @Option(
            names = "--minutes",
            description = "Wall-time budget of the search in minutes (> 0; default none).")
    Double minutes;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description =
                    "Trials run at once; must be 1 (DJL's PyTorch engine trains one model at a"
                            + " time per process).")
    int threads;

    @Option(names = "--seed", defaultValue = "7", description = "Tuner seed.")
    long seed;

    @Option(
            names = "--epochs",
            defaultValue = "30",
            description = "Maximum epochs per training (as forecast).")
    int epochs;

    @Option(
            names = "--patience",
            defaultValue = "6",
            description = "Early-stopping patience in epochs (as forecast).")
    int patience;

    @Option(
            names = "--hidden-choices",
            split = ",",
            defaultValue = "16,32,64,128",
            description = "Hidden sizes searched (default: ${DEFAULT-VALUE}).")
    List<Integer> hiddenChoices;

    @Option(
            names = "--batch-choices",
            split = ",",
            defaultValue = "32,64,128",
            description = "Batch sizes searched (default: ${DEFAULT-VALUE}).")
    List<Integer> batchChoices;

    @Option(
            names = "--seeds",
            defaultValue = "5",
            description =
                    "Seeds of the final retraining of the best and the default (as forecast).")
    int seeds;

    @Option(
            names = "--first-seed",
            defaultValue = "42",
            description = "First seed of the final retraining (as forecast's --seed).")
    int firstSeed;

    @Option(
            names = "--out",
            defaultValue = "runs/tune",
            description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--registry",
            defaultValue = "runs/registry",
            description = "Registry the tuned model is published to (default: ${DEFAULT-VALUE}).")
    Path registry;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration budget = null;
        if (minutes != null) {
            if (!(minutes > 0) || minutes.isInfinite()) {
                throw new IllegalArgumentException(
                        "--minutes must be > 0 and finite but was " + minutes);
            }
            budget = Duration.ofMillis(Math.round(minutes * 60_000));
        }
        VolatilityTuning.Settings settings =
                new VolatilityTuning.Settings(
                        locate(),
                        trials,
                        budget,
                        threads,
                        seed,
                        epochs,
                        patience,
                        hiddenChoices,
                        batchChoices,
                        seeds,
                        firstSeed,
                        out.toAbsolutePath().normalize(),
                        registry.toAbsolutePath().normalize());
        var w = spec.commandLine().getOut();
        Map<String, Object> f = new VolatilityTuning(settings, w).run();
        w.printf(
                Locale.ROOT,
                "validation mean QLIKE: default %.4f, best %.4f (trial %s)%n",
                f.get("default.validation.qlike.mean"),
                f.get("best.validation.qlike.mean"),
                f.get("best.trial"));
        w.printf(
                Locale.ROOT,
                "test RMSE / QLIKE: default %.5f / %.3f, tuned %.5f / %.3f%n",
                f.get("test.default.rmse"),
                f.get("test.default.qlike"),
                f.get("test.tuned.rmse"),
                f.get("test.tuned.qlike"));
        w.printf(
                Locale.ROOT, "report: %s%n", out.toAbsolutePath().normalize().resolve("report.md"));
        w.flush();
        return 0;
    }

    private Path locate() {
        Path given = Path.of(file);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath().normalize();
        }
        return data.require(file);
    }
}
