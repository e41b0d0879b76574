// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.metrics.DmResult;
import dev.maasfin.examples.forecast.VolatilityForecastDemo.Registered;
import dev.maasfin.examples.forecast.VolatilityForecastDemo.SeedRun;
import dev.maasfin.examples.forecast.VolatilityForecastDemo.Settings;
import dev.maasfin.examples.report.Plots;
import dev.maasfin.examples.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores the forecasts and writes the demo's {@code report.md}, {@code report.json}, {@code
 * forecasts.csv} (per test origin), {@code forecast.png} (test part: actual, LSTM, EWMA, GARCH) and
 * {@code loss.png} (loss per epoch).
 *
 * <p>JSON keys: {@code test.<model>.rmse|qlike|rmse_ci_lower|rmse_ci_upper}, {@code
 * test_calm.<model>.rmse|qlike} (without March–April 2020), {@code dm.<model>.statistic|p}, {@code
 * dm_nw20.<model>.p}, {@code dm_qlike.<model>.p} against EWMA, for models {@code lstm} (the
 * headline forecast, see {@link VolatilityForecastDemo.Headline}; mean over seeds; {@code _sd} and
 * {@code seed_} lists beside it, and for DM the largest p over seeds), {@code lstm_ensemble}
 * (seeds' forecasts averaged, with several seeds), {@code lstm_walk_forward} (with refits), {@code
 * naive}, {@code ewma}, {@code har}, {@code garch}; with a log target also {@code lstm_mean_sd}
 * (mean-sd smearing), {@code lstm_variance} (variance-targeted smearing) and {@code lstm_balanced}
 * (factor balanced on validation RMSE + QLIKE). {@code
 * validation.lstm|lstm_mean_sd|lstm_variance|lstm_balanced.rmse|qlike} hold the seeds' validation
 * figures (mean, {@code _sd}, {@code seed_}), {@code validation.lstm_balanced.factor} the balanced
 * factors. Not thread-safe.
 */
final class ForecastReport {
    private final Settings settings;
    private final VolatilityProblem problem;
    private final Map<String, double[]> baselines;
    private final List<SeedRun> runs;
    private final WalkForward.Result walk;
    private final Registered registered;
    private final Report report = new Report("S&P 500 next-5-day volatility: LSTM vs baselines");
    private final List<List<String>> rows = new ArrayList<>();

    ForecastReport(
            Settings settings,
            VolatilityProblem problem,
            Map<String, double[]> baselines,
            List<SeedRun> runs,
            WalkForward.Result walk,
            Registered registered) {
        this.settings = settings;
        this.problem = problem;
        this.baselines = baselines;
        this.runs = runs;
        this.walk = walk;
        this.registered = registered;
    }

    /** Scores everything, writes the files into {@code dir} and returns the JSON figures. */
    Map<String, Object> write(Path dir, double seconds) {
        double[] y = VolatilityProblem.at(problem.task.target(), problem.testPositions);
        boolean[] calm = problem.calmTestMask();
        double[] ewma = baselines.get("ewma");
        header(y, calm);
        scoreLstm(y, ewma, calm);
        if (walk != null) {
            scoreOne("lstm_walk_forward", ForecastScore.of(y, walk.forecast(), ewma, calm));
        }
        for (Map.Entry<String, double[]> b : baselines.entrySet()) {
            boolean isEwma = b.getKey().equals("ewma");
            scoreOne(b.getKey(), ForecastScore.of(y, b.getValue(), isEwma ? null : ewma, calm));
        }
        table();
        notes();
        registry();
        plots(dir, y);
        writeForecasts(dir, y);
        report.put("wall_seconds", seconds);
        report.line(String.format(Locale.ROOT, "Wall time of the run: %.1f s.", seconds));
        report.write(dir);
        return report.figures();
    }

    private void header(double[] y, boolean[] calm) {
        LocalDate[] d = problem.testDates();
        var m = settings.model();
        report.put("data", settings.csv().toString());
        report.put("test.origins", y.length);
        report.put("test.first", d[0].toString());
        report.put("test.last", d[d.length - 1].toString());
        report.put("test_calm.origins", count(calm));
        report.put("settings.window", m.window());
        report.put("settings.hidden", m.hidden());
        report.put("settings.layers", m.layers());
        report.put("settings.epochs", m.epochs());
        report.put("settings.seeds", settings.seeds());
        report.put("settings.target_scale", m.targetScale().name());
        report.put("settings.feature_scale", m.featureScale().name());
        report.put("settings.initialization", m.initialization().name());
        report.put("settings.loss", m.loss().name());
        report.put("settings.learning_rate", m.learningRate());
        report.line("Data: `" + settings.csv() + "`.");
        report.line("");
        report.line(
                String.format(
                        Locale.ROOT,
                        "Protocol split (purged): %,d training and %,d validation origins; test"
                                + " part %,d origins, %s to %s (%,d outside March–April 2020).",
                        problem.trainPositions.length,
                        problem.validationPositions.length,
                        y.length,
                        d[0],
                        d[d.length - 1],
                        count(calm)));
        report.line("");
        report.line(
                String.format(
                        Locale.ROOT,
                        "LSTM: %d-day window of r, |r|, rv5, rv20 (%sz-scored with the training"
                            + " days' mean and population sd), %d layer(s) of %d hidden units,"
                            + " dropout %.2f, %s initialisation; target %s, loss %s; Adam lr %s,"
                            + " batch %d, at most %d epochs, early stopping on validation loss"
                            + " (patience %d); seeds %d..%d.",
                        m.window(),
                        m.featureScale() == VolatilityWindows.FeatureScale.LOG
                                ? "|r|, rv5, rv20 as ln(|r| + 0.001), ln rv5, ln rv20; "
                                : "",
                        m.layers(),
                        m.hidden(),
                        m.dropout(),
                        m.initialization(),
                        targetText(m.targetScale()),
                        m.loss(),
                        Double.toString(m.learningRate()),
                        m.batchSize(),
                        m.epochs(),
                        m.patience(),
                        settings.seed(),
                        settings.seed() + settings.seeds() - 1));
        report.line("");
    }

    private void scoreLstm(double[] y, double[] ewma, boolean[] calm) {
        String[] keys = {
            "lstm_mean_sd.rmse",
            "lstm_mean_sd.qlike",
            "lstm_variance.rmse",
            "lstm_variance.qlike",
            "lstm_balanced.rmse",
            "lstm_balanced.qlike",
            "lstm_balanced.factor"
        };
        for (int k = 0; k < keys.length; k++) {
            int col = k;
            putMeanSd(
                    "validation." + keys[k],
                    runs.stream().mapToDouble(r -> r.validation()[col]).toArray());
        }
        boolean balanced = settings.headline() == VolatilityForecastDemo.Headline.BALANCED;
        int headline = balanced ? 4 : 0;
        putMeanSd(
                "validation.lstm.rmse",
                runs.stream().mapToDouble(r -> r.validation()[headline]).toArray());
        putMeanSd(
                "validation.lstm.qlike",
                runs.stream().mapToDouble(r -> r.validation()[headline + 1]).toArray());
        report.put("settings.headline", settings.headline().name());
        scoreSeeds(
                "lstm",
                balanced ? "LSTM headline (balanced factor)" : "LSTM headline (mean-sd factor)",
                SeedRun::forecast,
                y,
                ewma,
                calm);
        if (settings.model().targetScale().isLog()) {
            scoreSeeds(
                    "lstm_mean_sd",
                    balanced ? "LSTM, mean-sd smearing" : null,
                    SeedRun::meanSdForecast,
                    y,
                    ewma,
                    calm);
            scoreSeeds(
                    "lstm_variance",
                    "LSTM, variance-targeted smearing",
                    SeedRun::varianceForecast,
                    y,
                    ewma,
                    calm);
            scoreSeeds(
                    "lstm_balanced",
                    balanced ? null : "LSTM, factor balanced on validation RMSE + QLIKE",
                    SeedRun::balancedForecast,
                    y,
                    ewma,
                    calm);
        }
        if (runs.size() > 1) {
            scoreOne("lstm_ensemble", ForecastScore.of(y, ensemble(), ewma, calm));
        }
    }

    /** Scores each seed's forecasts into the JSON and, unless {@code label} is null, the table. */
    private void scoreSeeds(
            String key,
            String label,
            Function<SeedRun, double[]> forecast,
            double[] y,
            double[] ewma,
            boolean[] calm) {
        List<ForecastScore> scores = new ArrayList<>();
        for (SeedRun r : runs) {
            scores.add(ForecastScore.of(y, forecast.apply(r), ewma, calm));
        }
        double[] rmse = scores.stream().mapToDouble(ForecastScore::rmse).toArray();
        double[] qlike = scores.stream().mapToDouble(ForecastScore::qlike).toArray();
        double[] rmseCalm = scores.stream().mapToDouble(ForecastScore::rmseCalm).toArray();
        double[] qlikeCalm = scores.stream().mapToDouble(ForecastScore::qlikeCalm).toArray();
        double[] p = scores.stream().mapToDouble(s -> s.dm().pValue()).toArray();
        double[] stat = scores.stream().mapToDouble(s -> s.dm().statistic()).toArray();
        double[] pNw = scores.stream().mapToDouble(s -> s.dmNeweyWest().pValue()).toArray();
        double[] pQ = scores.stream().mapToDouble(s -> s.dmQlike().pValue()).toArray();
        double[] statQ = scores.stream().mapToDouble(s -> s.dmQlike().statistic()).toArray();
        putMeanSd("test." + key + ".rmse", rmse);
        putMeanSd("test." + key + ".qlike", qlike);
        putMeanSd("test_calm." + key + ".rmse", rmseCalm);
        putMeanSd("test_calm." + key + ".qlike", qlikeCalm);
        report.put("dm." + key + ".statistic", mean(stat));
        report.put("dm." + key + ".p", max(p));
        report.put("dm." + key + ".seed_p", list(p));
        report.put("dm_nw20." + key + ".p", max(pNw));
        report.put("dm_qlike." + key + ".p", max(pQ));
        report.put("dm_qlike." + key + ".statistic", mean(statQ));
        report.put(
                key + ".seed_best_epoch", runs.stream().map(r -> r.result().bestEpoch()).toList());
        if (label == null) {
            return;
        }
        rows.add(
                List.of(
                        label + " (mean ± sd of " + runs.size() + " seeds)",
                        pm(rmse, 5),
                        "",
                        pm(qlike, 3),
                        pm(rmseCalm, 5),
                        pm(qlikeCalm, 3),
                        String.format(Locale.ROOT, "%.2f / max %s", mean(stat), p4(max(p))),
                        "max " + p4(max(pNw)),
                        String.format(Locale.ROOT, "%.2f / max %s", mean(statQ), p4(max(pQ)))));
        for (int i = 0; i < runs.size(); i++) {
            addRow(label + " seed " + runs.get(i).seed(), scores.get(i));
        }
    }

    private double[] ensemble() {
        double[] f = new double[runs.get(0).forecast().length];
        for (SeedRun r : runs) {
            for (int i = 0; i < f.length; i++) {
                f[i] += r.forecast()[i] / runs.size();
            }
        }
        return f;
    }

    private void scoreOne(String name, ForecastScore s) {
        report.put("test." + name + ".rmse", s.rmse());
        report.put("test." + name + ".rmse_ci_lower", s.rmseCi().lower());
        report.put("test." + name + ".rmse_ci_upper", s.rmseCi().upper());
        report.put("test." + name + ".qlike", s.qlike());
        report.put("test_calm." + name + ".rmse", s.rmseCalm());
        report.put("test_calm." + name + ".qlike", s.qlikeCalm());
        if (s.dm() != null) {
            report.put("dm." + name + ".statistic", s.dm().statistic());
            report.put("dm." + name + ".p", s.dm().pValue());
            report.put("dm_nw20." + name + ".p", s.dmNeweyWest().pValue());
            report.put("dm_qlike." + name + ".p", s.dmQlike().pValue());
            report.put("dm_qlike." + name + ".statistic", s.dmQlike().statistic());
        }
        addRow(label(name), s);
    }

    private void addRow(String label, ForecastScore s) {
        rows.add(
                List.of(
                        label,
                        f5(s.rmse()),
                        "[" + f5(s.rmseCi().lower()) + ", " + f5(s.rmseCi().upper()) + "]",
                        String.format(Locale.ROOT, "%.3f", s.qlike()),
                        f5(s.rmseCalm()),
                        String.format(Locale.ROOT, "%.3f", s.qlikeCalm()),
                        s.dm() == null ? "—" : dm(s.dm()),
                        s.dm() == null ? "—" : p4(s.dmNeweyWest().pValue()),
                        s.dm() == null ? "—" : dm(s.dmQlike())));
    }

    private void table() {
        report.line("## Test part");
        report.line("");
        report.table(
                List.of(
                        "model",
                        "RMSE",
                        "RMSE 95% CI",
                        "QLIKE",
                        "RMSE w/o Mar–Apr 2020",
                        "QLIKE w/o Mar–Apr 2020",
                        "DM vs EWMA (HLN h=5): stat / p",
                        "DM NW-20 p",
                        "DM QLIKE: stat / p"),
                rows);
    }

    private void notes() {
        Map<String, Object> f = report.figures();
        double lstmQ = (double) f.get("test.lstm.qlike");
        double garchQ = (double) f.get("test.garch.qlike");
        double lstmRmse = (double) f.get("test.lstm.rmse");
        double p = (double) f.get("dm.lstm.p");
        report.line(
                "RMSE and QLIKE in daily return units (0.01 = 1 % a day); QLIKE is Patton's"
                        + " variance form, 0 for a perfect forecast. DM: negative statistic ="
                        + " better than EWMA; squared-error losses unless marked QLIKE. The RMSE"
                        + " interval is a 1,000-resample bootstrap over origins, too narrow for"
                        + " autocorrelated errors.");
        report.line("");
        report.line(
                String.format(
                        Locale.ROOT,
                        "Protocol target (LSTM): RMSE <= 0.0070 (%s: %.5f), DM p < 0.05 against"
                                + " EWMA for every seed (%s: max p %.4f), QLIKE < 0.754 (%s:"
                                + " %.3f).",
                        lstmRmse <= 0.0070 ? "met" : "NOT met",
                        lstmRmse,
                        p < 0.05 ? "met" : "NOT met",
                        p,
                        lstmQ < 0.754 ? "met" : "NOT met",
                        lstmQ));
        report.line("");
        if (f.containsKey("test.lstm_variance.qlike")) {
            report.line(
                    String.format(
                            Locale.ROOT,
                            "The same networks with the variance-targeted smearing factor (their"
                                    + " forecasts' squares estimate the mean variance, which"
                                    + " QLIKE rewards): RMSE %.5f, QLIKE %.3f. One forecast"
                                    + " cannot be optimal for both losses: the mean sd minimises"
                                    + " squared error, the root mean variance minimises QLIKE.",
                            (double) f.get("test.lstm_variance.rmse"),
                            (double) f.get("test.lstm_variance.qlike")));
            report.line("");
        }
        if (garchQ < lstmQ) {
            report.line(
                    String.format(
                            Locale.ROOT,
                            "GARCH(1,1) has the better QLIKE (%.3f against the LSTM's %.3f):"
                                    + " QLIKE scores relative errors and punishes"
                                    + " under-forecasts most, where GARCH's smooth, mean-reverting"
                                    + " forecasts do well.",
                            garchQ,
                            lstmQ));
            report.line("");
        }
        report.put("garch_beats_lstm_qlike", garchQ < lstmQ);
    }

    private void registry() {
        report.put("registry.name", registered.name());
        report.put("registry.version", registered.version());
        report.put("registry.stage", VolatilityForecastDemo.STAGE);
        report.put("registry.reload_identical", registered.identical());
        report.line(
                String.format(
                        Locale.ROOT,
                        "Registry: scoring pipeline `%s` version %d (volatility features from"
                                + " raw bars, scaling, network, forecast decoding) published to"
                                + " `%s` and promoted to %s; reloaded from the registry, it"
                                + " forecasts the test origins from the raw bars %s. Serve it with"
                                + " `maasfin score --registry <dir> --name %1$s`.",
                        registered.name(),
                        registered.version(),
                        registered.registry(),
                        VolatilityForecastDemo.STAGE,
                        registered.identical()
                                ? "exactly as the headline forecast (as float)"
                                : "DIFFERENTLY from the headline forecast"));
        report.line("");
        if (walk != null) {
            report.put(
                    "walk_forward.refits",
                    walk.refitDates().stream().map(Object::toString).toList());
        }
    }

    private void plots(Path dir, double[] y) {
        LocalDate[] dates = problem.testDates();
        double[] x = yearsSince(dates[0], dates);
        Map<String, double[][]> s = new LinkedHashMap<>();
        s.put("actual (5-day sd)", new double[][] {x, y});
        s.put("LSTM seed " + runs.get(0).seed(), new double[][] {x, runs.get(0).forecast()});
        s.put("EWMA 0.94", new double[][] {x, baselines.get("ewma")});
        s.put("GARCH(1,1)", new double[][] {x, baselines.get("garch")});
        Plots.lines(
                dir.resolve("forecast.png"),
                "Next-5-day volatility, test part",
                "years since " + dates[0],
                "daily sd (return units)",
                s);
        Map<String, double[][]> loss = new LinkedHashMap<>();
        for (SeedRun r : runs) {
            double[] tl = r.result().trainLoss();
            double[] vl = r.result().validationMetric();
            double[] e = new double[tl.length];
            Arrays.setAll(e, i -> i + 1);
            loss.put("train seed " + r.seed(), new double[][] {e, tl});
            loss.put("validation seed " + r.seed(), new double[][] {e, vl});
        }
        Plots.lines(
                dir.resolve("loss.png"),
                "Loss per epoch (MSE, scaled target)",
                "epoch",
                "loss",
                loss);
        report.line("Plots: `forecast.png` (test part), `loss.png` (loss per epoch).");
        report.line("");
    }

    /** Writes {@code forecasts.csv}: per test origin the date, the target and every forecast. */
    private void writeForecasts(Path dir, double[] y) {
        LocalDate[] d = problem.testDates();
        StringBuilder sb = new StringBuilder("origin_date,target");
        runs.forEach(r -> sb.append(",lstm_seed").append(r.seed()));
        baselines.keySet().forEach(name -> sb.append(',').append(name));
        sb.append('\n');
        for (int i = 0; i < y.length; i++) {
            sb.append(d[i]).append(',').append(y[i]);
            for (SeedRun r : runs) {
                sb.append(',').append(r.forecast()[i]);
            }
            for (double[] b : baselines.values()) {
                sb.append(',').append(b[i]);
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("forecasts.csv"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("forecasts.csv"), e);
        }
        report.line("Per-origin forecasts: `forecasts.csv`.");
        report.line("");
    }

    /** Years (of 365.25 days) from {@code first} to each date; XChart prints plain numbers. */
    private static double[] yearsSince(LocalDate first, LocalDate[] d) {
        double[] x = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            x[i] = (d[i].toEpochDay() - first.toEpochDay()) / 365.25;
        }
        return x;
    }

    private void putMeanSd(String key, double[] v) {
        report.put(key, mean(v));
        report.put(key + "_sd", sd(v));
        int dot = key.lastIndexOf('.');
        report.put(key.substring(0, dot + 1) + "seed_" + key.substring(dot + 1), list(v));
    }

    private static String targetText(LstmVolatility.TargetScale scale) {
        switch (scale) {
            case PERCENT:
                return "5-day sd x 100";
            case LOG:
                return "ln(5-day sd x 100), smearing factor from the validation part";
            case RATIO:
                return "5-day sd / rv20 at the origin";
            case VARIANCE_RATIO:
                return "(5-day sd / rv20 at the origin) squared";
            default:
                return "ln(5-day sd / rv20 at the origin), smearing factor from the validation"
                        + " part";
        }
    }

    private static String label(String name) {
        switch (name) {
            case "lstm_ensemble":
                return "LSTM ensemble (seeds' forecasts averaged)";
            case "lstm_walk_forward":
                return "LSTM, yearly walk-forward refits (first seed)";
            case "naive":
                return "naive (rv5)";
            case "ewma":
                return "EWMA 0.94";
            case "har":
                return "HAR (OLS)";
            case "garch":
                return "GARCH(1,1)";
            default:
                return name;
        }
    }

    private static String dm(DmResult r) {
        return String.format(Locale.ROOT, "%.2f / %s", r.statistic(), p4(r.pValue()));
    }

    private static String p4(double p) {
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String f5(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    private static String pm(double[] v, int digits) {
        String fmt = "%." + digits + "f ± %." + digits + "f";
        return String.format(Locale.ROOT, fmt, mean(v), sd(v));
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Sample sd (n − 1); 0 for a single value. */
    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static List<Double> list(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
