// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.tune.TrialRecord;
import dev.maasfin.core.tune.TrialStatus;
import dev.maasfin.core.tune.TuningResult;
import dev.maasfin.examples.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the {@code tune} command's {@code report.md}, {@code report.json} and {@code
 * fold_metrics.csv}.
 *
 * <p>JSON keys: {@code search.*} (strategy, trials, completed, stop reason, seconds), {@code
 * default.validation.*} and {@code best.validation.*} ({@code qlike.<fold>}, {@code qlike.mean},
 * {@code qlike.sd}, {@code rmse.<fold>}, {@code rmse.mean}), {@code best.trial}, {@code
 * best.configuration}, {@code default.configuration}, {@code improves_validation_qlike}, and for
 * {@code default} and {@code tuned} the demo's test figures {@code test.<which>.rmse|rmse_sd|
 * qlike|qlike_sd}, {@code test.<which>.dm_p_max} and {@code dm_seed_p} (DM against EWMA, squared
 * error, HLN h = 5), {@code test.<which>.protocol_validation_qlike} (the demo's validation figure,
 * on its early-stopping part) and the ensemble's RMSE/QLIKE. Not thread-safe.
 */
final class TuneReport {
    private final VolatilityTuning.Settings settings;
    private final VolatilityTuneFolds folds;
    private final TuningResult result;
    private final VolatilityObjective objective;
    private final Map<String, Object> tuned;
    private final Map<String, Object> byDefault;
    private final Report report = new Report("LSTM volatility: hyper-parameter tuning");

    TuneReport(
            VolatilityTuning.Settings settings,
            VolatilityTuneFolds folds,
            TuningResult result,
            VolatilityObjective objective,
            Map<String, Object> tuned,
            Map<String, Object> byDefault) {
        this.settings = settings;
        this.folds = folds;
        this.result = result;
        this.objective = objective;
        this.tuned = tuned;
        this.byDefault = byDefault;
    }

    /** Writes the files into {@code dir} and returns the JSON figures. */
    Map<String, Object> write(Path dir, double seconds) {
        TrialRecord def = row(0);
        TrialRecord best = result.best().orElseThrow();
        search(seconds);
        validation(def, best);
        test();
        writeFoldMetrics(dir);
        report.line(
                "Files: `trials.csv`, `trials.json` (every trial), `fold_metrics.csv` (QLIKE, RMSE"
                        + " and best epoch per trial and fold), `best/` (tuned model's demo"
                        + " report and artifact), `default/` (the default's).");
        report.write(dir);
        return report.figures();
    }

    private TrialRecord row(int trial) {
        return result.rowsAtRung(0).stream()
                .filter(r -> r.trialId() == trial)
                .findFirst()
                .orElseThrow();
    }

    private void search(double seconds) {
        report.put("search.strategy", result.strategy().toString());
        report.put("search.trials", result.rowsAtRung(0).size());
        report.put("search.completed", result.completedCount());
        report.put("search.stop_reason", result.stopReason().name());
        report.put("search.seconds", result.elapsedMillis() / 1000.0);
        report.put("search.seed", result.seed());
        report.put("search.threads", settings.threads());
        report.put("wall_seconds", seconds);
        report.line(
                String.format(
                        Locale.ROOT,
                        "Search: %s, %d trials (trial 0 = the `forecast` defaults), %d completed,"
                            + " stopped: %s; seed %d, %d thread(s); %.1f s of search, %.1f s in"
                            + " all. Objective: mean over folds of the QLIKE of the headline"
                            + " forecast (balanced factor chosen on the fold's early-stopping year,"
                            + " as the `forecast` demo chooses it on 2015-2017); each training at"
                            + " most %d epochs, early stopping with patience %d.",
                        result.strategy(),
                        result.rowsAtRung(0).size(),
                        result.completedCount(),
                        result.stopReason(),
                        result.seed(),
                        settings.threads(),
                        result.elapsedMillis() / 1000.0,
                        seconds,
                        settings.epochs(),
                        settings.patience()));
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            var d = folds.fold(f);
            rows.add(
                    List.of(
                            d.calendar().name(),
                            "before " + d.calendar().stopStart() + ": " + d.fit().origins().length,
                            d.calendar().stopStart().getYear() + ": " + d.stop().origins().length,
                            d.calendar().scoreStart()
                                    + " .. "
                                    + d.calendar().scoreEnd().minusDays(1)
                                    + ": "
                                    + d.score().origins().length));
        }
        report.line("Walk-forward folds (purged origins; the test part, 2018 on, is never read):");
        report.line("");
        report.table(
                List.of("fold", "fitted origins", "early-stopping origins", "scored origins"),
                rows);
    }

    private void validation(TrialRecord def, TrialRecord best) {
        put("default", def);
        put("best", best);
        report.put("best.trial", best.trialId());
        report.put("best.configuration", best.configuration().asMap());
        report.put("default.configuration", def.configuration().asMap());
        boolean improves = best.mean() < def.mean();
        report.put("improves_validation_qlike", improves);
        List<List<String>> rows = new ArrayList<>();
        rows.add(validationRow("default (trial 0)", def));
        if (best.trialId() != 0) {
            rows.add(validationRow("best (trial " + best.trialId() + ")", best));
        }
        result.rowsAtRung(0).stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED)
                .filter(r -> r.trialId() != 0 && r.trialId() != best.trialId())
                .sorted(Comparator.comparingDouble(TrialRecord::mean))
                .limit(4)
                .forEach(r -> rows.add(validationRow("trial " + r.trialId(), r)));
        List<String> header = new ArrayList<>(List.of("trial", "configuration"));
        for (int f = 0; f < folds.size(); f++) {
            header.add("QLIKE " + folds.fold(f).calendar().name());
        }
        header.add("QLIKE mean ± sd");
        for (int f = 0; f < folds.size(); f++) {
            header.add("RMSE " + folds.fold(f).calendar().name());
        }
        header.add("best epochs");
        header.add("seconds");
        report.line("## Validation (walk-forward folds)");
        report.line("");
        report.table(header, rows);
        report.line(
                String.format(
                        Locale.ROOT,
                        "Best configuration %s: mean QLIKE %.4f against the default's %.4f (%s)."
                                + " Each trial is one training per fold with the trial's own seed;"
                                + " the seed-to-seed sd of the default's QLIKE on 2015-2017 is"
                                + " about 0.03 (BENCHMARKS.md), so differences of that size are"
                                + " within seed noise.",
                        best.configuration(),
                        best.mean(),
                        def.mean(),
                        improves ? "improves" : "does NOT improve"));
        report.line("");
    }

    private void put(String who, TrialRecord r) {
        double[] q = r.foldMetrics();
        double[] rmse = new double[q.length];
        for (int f = 0; f < q.length; f++) {
            String name = folds.fold(f).calendar().name();
            report.put(who + ".validation.qlike." + name, q[f]);
            var s = objective.score(r.trialId(), r.rung(), f);
            rmse[f] = s == null ? Double.NaN : s.rmse();
            report.put(who + ".validation.rmse." + name, rmse[f]);
        }
        report.put(who + ".validation.qlike.mean", r.mean());
        report.put(who + ".validation.qlike.sd", r.sd());
        report.put(who + ".validation.rmse.mean", ForecastReport.mean(rmse));
    }

    private List<String> validationRow(String label, TrialRecord r) {
        List<String> row = new ArrayList<>(List.of(label, "`" + r.configuration() + "`"));
        double[] q = r.foldMetrics();
        for (double v : q) {
            row.add(String.format(Locale.ROOT, "%.4f", v));
        }
        row.add(String.format(Locale.ROOT, "%.4f ± %.4f", r.mean(), r.sd()));
        List<String> epochs = new ArrayList<>();
        for (int f = 0; f < q.length; f++) {
            var s = objective.score(r.trialId(), r.rung(), f);
            row.add(s == null ? "—" : String.format(Locale.ROOT, "%.5f", s.rmse()));
            epochs.add(s == null ? "—" : Integer.toString(s.bestEpoch()));
        }
        row.add(String.join(", ", epochs));
        row.add(String.format(Locale.ROOT, "%.0f", r.wallMillis() / 1000.0));
        return row;
    }

    private void test() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(testRow("default", byDefault));
        rows.add(testRow("tuned", tuned));
        report.line("## Test part (2018-01-02 .. 2022-03-03), after the choice");
        report.line("");
        report.line(
                String.format(
                        Locale.ROOT,
                        "Both configurations retrained exactly as the `forecast` demo does"
                                + " (training part before 2015, early stopping and smearing on"
                                + " 2015-2017), seeds %d..%d; mean ± sd over seeds. The default's"
                                + " figures are recorded for comparison only.",
                        settings.firstSeed(),
                        settings.firstSeed() + settings.seeds() - 1));
        report.line("");
        report.table(
                List.of(
                        "configuration",
                        "test RMSE",
                        "test QLIKE",
                        "DM vs EWMA (sq. error, HLN h=5): mean stat / max p",
                        "ensemble RMSE / QLIKE",
                        "demo validation QLIKE (2015-2017)"),
                rows);
    }

    private List<String> testRow(String who, Map<String, Object> f) {
        String[][] keys = {
            {"rmse", "test.lstm.rmse"},
            {"rmse_sd", "test.lstm.rmse_sd"},
            {"qlike", "test.lstm.qlike"},
            {"qlike_sd", "test.lstm.qlike_sd"},
            {"dm_statistic", "dm.lstm.statistic"},
            {"dm_p_max", "dm.lstm.p"},
            {"dm_seed_p", "dm.lstm.seed_p"},
            {"ensemble_rmse", "test.lstm_ensemble.rmse"},
            {"ensemble_qlike", "test.lstm_ensemble.qlike"},
            {"protocol_validation_qlike", "validation.lstm.qlike"},
            {"balanced_rmse", "test.lstm_balanced.rmse"},
            {"balanced_qlike", "test.lstm_balanced.qlike"}
        };
        for (String[] k : keys) {
            if (f.containsKey(k[1])) {
                report.put("test." + who + "." + k[0], f.get(k[1]));
            }
        }
        return List.of(
                who,
                String.format(
                        Locale.ROOT,
                        "%.5f ± %.5f",
                        num(f, "test.lstm.rmse"),
                        num(f, "test.lstm.rmse_sd")),
                String.format(
                        Locale.ROOT,
                        "%.3f ± %.3f",
                        num(f, "test.lstm.qlike"),
                        num(f, "test.lstm.qlike_sd")),
                String.format(
                        Locale.ROOT,
                        "%.2f / %.4f",
                        num(f, "dm.lstm.statistic"),
                        num(f, "dm.lstm.p")),
                f.containsKey("test.lstm_ensemble.rmse")
                        ? String.format(
                                Locale.ROOT,
                                "%.5f / %.3f",
                                num(f, "test.lstm_ensemble.rmse"),
                                num(f, "test.lstm_ensemble.qlike"))
                        : "—",
                String.format(Locale.ROOT, "%.3f", num(f, "validation.lstm.qlike")));
    }

    private static double num(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private void writeFoldMetrics(Path dir) {
        StringBuilder sb =
                new StringBuilder("trial,rung,fold,qlike,rmse,best_epoch,epochs_run,millis\n");
        for (VolatilityObjective.FoldScore s : objective.scores()) {
            sb.append(s.trial())
                    .append(',')
                    .append(s.rung())
                    .append(',')
                    .append(folds.fold(s.fold()).calendar().name())
                    .append(',')
                    .append(s.qlike())
                    .append(',')
                    .append(s.rmse())
                    .append(',')
                    .append(s.bestEpoch())
                    .append(',')
                    .append(s.epochsRun())
                    .append(',')
                    .append(s.millis())
                    .append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("fold_metrics.csv"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("fold_metrics.csv"), e);
        }
    }
}
