// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.examples.forecast.LstmVolatility;
import dev.maasfin.examples.forecast.VolatilityForecastDemo;
import dev.maasfin.examples.forecast.VolatilityWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains and evaluates the LSTM next-5-day volatility forecaster on a daily OHLCV file (default:
 * the S&amp;P 500) under the evaluation protocol, against naive, EWMA, HAR and GARCH(1,1), and
 * publishes, reloads and re-scores the model through a local registry.
 *
 * <p>Every bad argument ends in one line on standard error naming the option, its value and the
 * rule. See {@link VolatilityForecastDemo} for what a run does.
 */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description =
                "LSTM forecast of next-5-day volatility vs naive, EWMA, HAR and GARCH(1,1) with"
                        + " Diebold-Mariano tests; report, plots and a registry under the"
                        + " working directory.")
final class ForecastCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(
            names = "--file",
            paramLabel = "CSV",
            defaultValue = SummaryCommand.DEFAULT_FILE,
            description =
                    "OHLCV file: a path, or a path under the data directory (default:"
                            + " ${DEFAULT-VALUE}).")
    String file;

    @Option(names = "--window", defaultValue = "60", description = "Input days per window.")
    int window;

    @Option(names = "--hidden", defaultValue = "64", description = "LSTM hidden units.")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "Stacked LSTM layers.")
    int layers;

    @Option(
            names = "--dropout",
            defaultValue = "0",
            description = "Dropout between stacked layers, in [0, 1).")
    float dropout;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs per seed.")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Mini-batch size.")
    int batch;

    @Option(
            names = "--lr",
            defaultValue = "0.0003",
            description = "Adam learning rate (3e-4 gave the lower validation loss than 1e-3).")
    double learningRate;

    @Option(
            names = "--patience",
            defaultValue = "6",
            description = "Early-stopping patience in epochs (validation loss).")
    int patience;

    @Option(
            names = "--target",
            defaultValue = "LOG_RATIO",
            description =
                    "Target scale: LOG_RATIO (ln of sd / rv20 at the origin; default), PERCENT (sd"
                            + " x 100), LOG (ln of sd x 100), RATIO (sd / rv20) or VARIANCE_RATIO"
                            + " ((sd / rv20) squared).")
    LstmVolatility.TargetScale target;

    @Option(
            names = "--features",
            defaultValue = "LOG",
            description =
                    "Feature scale before the z-score: LOG (ln(|r| + 0.001), ln rv5, ln rv20;"
                            + " default) or LINEAR.")
    VolatilityWindows.FeatureScale features;

    @Option(
            names = "--init",
            defaultValue = "PYTORCH",
            description =
                    "Parameter initialisation: PYTORCH (U(-1/sqrt(hidden), 1/sqrt(hidden)) for"
                            + " every parameter, as nn.LSTM and nn.Linear; default) or DJL_DEFAULT"
                            + " (DJL's He-normal weights, zero biases; the default before"
                            + " 2026-12-03's validation screening).")
    RecurrentForecasterSpec.Initialization initialization;

    @Option(
            names = "--loss",
            defaultValue = "QLIKE_LOG",
            description =
                    "Training loss: QLIKE_LOG (Patton's QLIKE on the log target; needs --target"
                            + " LOG_RATIO or LOG; default) or MSE.")
    RecurrentForecasterSpec.ForecastLoss loss;

    @Option(
            names = "--headline",
            defaultValue = "BALANCED",
            description =
                    "Smearing factor of the headline LSTM forecast: BALANCED (chosen on validation"
                            + " RMSE/RMSE(EWMA) + QLIKE/QLIKE(EWMA); default) or MEAN_SD.")
    VolatilityForecastDemo.Headline headline;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds trained (mean ± sd).")
    int seeds;

    @Option(names = "--seed", defaultValue = "42", description = "First seed.")
    int seed;

    @Option(
            names = "--validation-start",
            defaultValue = "2015-01-01",
            description = "First date of the validation part (protocol: ${DEFAULT-VALUE}).")
    LocalDate validationStart;

    @Option(
            names = "--test-start",
            defaultValue = "2018-01-01",
            description = "First date of the test part (protocol: ${DEFAULT-VALUE}).")
    LocalDate testStart;

    @Option(
            names = "--walk-forward",
            description = "Also refit yearly over the test part (expanding window, first seed).")
    boolean walkForward;

    @Option(
            names = "--out",
            defaultValue = "runs/forecast",
            description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--registry",
            defaultValue = "runs/registry",
            description = "Model registry root (default: ${DEFAULT-VALUE}).")
    Path registry;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        Path csv = locate();
        LstmVolatility.Settings model =
                new LstmVolatility.Settings(
                        window,
                        hidden,
                        layers,
                        dropout,
                        epochs,
                        batch,
                        learningRate,
                        patience,
                        target,
                        features,
                        initialization,
                        loss);
        VolatilityForecastDemo.Settings settings =
                new VolatilityForecastDemo.Settings(
                        csv,
                        validationStart,
                        testStart,
                        model,
                        seeds,
                        seed,
                        walkForward,
                        out.toAbsolutePath().normalize(),
                        registry.toAbsolutePath().normalize(),
                        headline);
        var w = spec.commandLine().getOut();
        Map<String, Object> f = new VolatilityForecastDemo(settings, w).run();
        summary(w, f);
        return 0;
    }

    private void checkArguments() {
        atLeast("--window", window, 1);
        atLeast("--hidden", hidden, 1);
        atLeast("--layers", layers, 1);
        atLeast("--epochs", epochs, 1);
        atLeast("--batch", batch, 1);
        atLeast("--patience", patience, 1);
        atLeast("--seeds", seeds, 1);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("--dropout must be in [0, 1) but was " + dropout);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("--lr must be > 0 but was " + learningRate);
        }
        if (!testStart.isAfter(validationStart)) {
            throw new IllegalArgumentException(
                    "--test-start must be after --validation-start ("
                            + validationStart
                            + ") but was "
                            + testStart);
        }
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be >= " + min + " but was " + value);
        }
    }

    private Path locate() {
        Path given = Path.of(file);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath().normalize();
        }
        return data.require(file);
    }

    private void summary(java.io.PrintWriter w, Map<String, Object> f) {
        w.printf(
                Locale.ROOT,
                "test RMSE: LSTM %.5f ± %.5f, naive %.5f, EWMA %.5f, HAR %.5f, GARCH %.5f%n",
                f.get("test.lstm.rmse"),
                f.get("test.lstm.rmse_sd"),
                f.get("test.naive.rmse"),
                f.get("test.ewma.rmse"),
                f.get("test.har.rmse"),
                f.get("test.garch.rmse"));
        w.printf(
                Locale.ROOT,
                "test QLIKE: LSTM %.3f ± %.3f, naive %.3f, EWMA %.3f, HAR %.3f, GARCH %.3f%n",
                f.get("test.lstm.qlike"),
                f.get("test.lstm.qlike_sd"),
                f.get("test.naive.qlike"),
                f.get("test.ewma.qlike"),
                f.get("test.har.qlike"),
                f.get("test.garch.qlike"));
        w.printf(
                Locale.ROOT,
                "DM vs EWMA (squared error, HLN h=5): LSTM largest p over seeds %.4f%n",
                f.get("dm.lstm.p"));
        w.printf(
                Locale.ROOT, "report: %s%n", out.toAbsolutePath().normalize().resolve("report.md"));
        w.flush();
    }
}
