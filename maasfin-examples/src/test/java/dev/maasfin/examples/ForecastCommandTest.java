// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.examples.forecast.VolatilityForecastDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code forecast} demo on the real S&amp;P 500 at reduced sizes (2 epochs, 8 hidden units, one
 * seed): the report's figures are present and sane, the baselines reproduce the evaluation
 * protocol's reference figures, the model is in the registry; bad arguments end in one line.
 */
class ForecastCommandTest {
    private static final List<String> MODELS = List.of("lstm", "naive", "ewma", "har", "garch");

    private static Path runDir;
    private static Run run;
    private static JsonNode figures;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = MaasfinCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void runSmallForecast() throws Exception {
        runDir = Path.of("target", "forecast-test-" + UUID.randomUUID()).toAbsolutePath();
        run =
                run(
                        "forecast",
                        "--epochs",
                        "2",
                        "--hidden",
                        "8",
                        "--seeds",
                        "1",
                        "--batch",
                        "256",
                        "--out",
                        runDir.resolve("out").toString(),
                        "--registry",
                        runDir.resolve("registry").toString());
        assertEquals(0, run.status(), run.err());
        figures =
                new ObjectMapper()
                        .readTree(runDir.resolve("out/report.json").toFile())
                        .get("figures");
    }

    private static double figure(String key) {
        JsonNode n = figures.get(key);
        assertTrue(n != null && n.isNumber(), "report.json lacks the number " + key);
        return n.asDouble();
    }

    @Test
    void forecast_reportsFiniteRmseAndQlikeForLstmAndEveryBaseline() {
        for (String m : MODELS) {
            for (String part : List.of("test.", "test_calm.")) {
                for (String metric : List.of(".rmse", ".qlike")) {
                    double v = figure(part + m + metric);
                    assertTrue(Double.isFinite(v) && v > 0, part + m + metric + " = " + v);
                }
            }
            // Daily volatility of the S&P 500 is of the order of 1 %: an RMSE of 5 % would be a
            // unit error (percent versus return units).
            assertTrue(figure("test." + m + ".rmse") < 0.05, m);
        }
    }

    @Test
    void forecast_balancedFactor_isNeverWorseOnBothValidationLossesThanEitherSmearing() {
        // The balanced factor minimises RMSE / RMSE(EWMA) + QLIKE / QLIKE(EWMA) over a grid whose
        // ends are the mean-sd and the variance smearing factors, so by that definition it cannot
        // lose to either end on both validation losses at once.
        for (String other : List.of("lstm_mean_sd", "lstm_variance")) {
            double rmse = figure("validation." + other + ".rmse");
            double qlike = figure("validation." + other + ".qlike");
            double bRmse = figure("validation.lstm_balanced.rmse");
            double bQlike = figure("validation.lstm_balanced.qlike");
            assertTrue(Double.isFinite(bRmse) && bRmse > 0 && bRmse < 0.05, "rmse " + bRmse);
            assertTrue(Double.isFinite(bQlike) && bQlike > 0, "qlike " + bQlike);
            assertTrue(bRmse <= rmse || bQlike <= qlike, other + ": " + bRmse + ", " + bQlike);
        }
        assertTrue(figure("validation.lstm_balanced.factor") > 0);
    }

    @Test
    void forecast_headline_isTheBalancedForecastByDefault() {
        // ForecastCommand's --headline default is BALANCED: test.lstm and validation.lstm are the
        // balanced-factor forecast's figures, the mean-sd forecast is reported beside them.
        assertEquals("BALANCED", figures.get("settings.headline").asText());
        for (String key : List.of("test.%s.rmse", "test.%s.qlike", "validation.%s.rmse")) {
            assertEquals(
                    figure(String.format(key, "lstm_balanced")),
                    figure(String.format(key, "lstm")),
                    key);
        }
        assertTrue(figure("test.lstm_mean_sd.rmse") > 0);
    }

    @Test
    void forecast_whenQlikeLossWithALinearTarget_printsOneLineNamingTheRule() {
        Run r = run("forecast", "--loss", "QLIKE_LOG", "--target", "PERCENT", "--epochs", "1");
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertEquals(
                "maasfin forecast: loss QLIKE_LOG needs a log target scale (LOG or LOG_RATIO) but"
                        + " the target scale was PERCENT",
                r.err().strip());
    }

    @Test
    void forecast_baselineFigures_equalProtocolReferenceToPrintedPrecision() {
        // shared/data/evaluation/README.md, reference figures on the 1,050 test origins:
        // EWMA 0.00780 / 0.754; naive 0.00741 / 1.539; HAR 0.00697 / 0.705; GARCH 0.00730 / 0.647.
        assertEquals(1050, figure("test.origins"));
        assertEquals("2018-01-02", figures.get("test.first").asText());
        assertEquals("2022-03-03", figures.get("test.last").asText());
        assertEquals(0.00780, figure("test.ewma.rmse"), 0.000005);
        assertEquals(0.754, figure("test.ewma.qlike"), 0.0005);
        assertEquals(0.00741, figure("test.naive.rmse"), 0.000005);
        assertEquals(1.539, figure("test.naive.qlike"), 0.0005);
        assertEquals(0.00697, figure("test.har.rmse"), 0.000005);
        assertEquals(0.00730, figure("test.garch.rmse"), 0.000005);
        assertEquals(0.647, figure("test.garch.qlike"), 0.0005);
    }

    @Test
    void forecast_crashWindowLeftOut_lowersBaselineRmse() {
        // README: about 55 % of the test part's squared error falls in March-April 2020, so every
        // baseline's RMSE without those origins is clearly lower.
        assertTrue(figure("test_calm.origins") < 1050);
        for (String m : List.of("naive", "ewma", "har", "garch")) {
            assertTrue(figure("test_calm." + m + ".rmse") < figure("test." + m + ".rmse"), m);
        }
    }

    @Test
    void forecast_dieboldMarianoPValues_areProbabilities() {
        for (String m : List.of("lstm", "naive", "har", "garch")) {
            for (String key : List.of("dm.", "dm_nw20.", "dm_qlike.")) {
                double p = figure(key + m + ".p");
                assertTrue(p >= 0 && p <= 1, key + m + ".p = " + p);
            }
        }
        assertFalse(figures.has("dm.ewma.p"), "EWMA is not tested against itself");
    }

    @Test
    void forecast_rmseInterval_containsTheEstimate() {
        for (String m : List.of("naive", "ewma", "har", "garch")) {
            double lo = figure("test." + m + ".rmse_ci_lower");
            double hi = figure("test." + m + ".rmse_ci_upper");
            double rmse = figure("test." + m + ".rmse");
            assertTrue(lo < rmse && rmse < hi, m + ": " + lo + " " + rmse + " " + hi);
        }
    }

    @Test
    void forecast_writesMarkdownAndPlots() throws Exception {
        String md = Files.readString(runDir.resolve("out/report.md"));
        assertTrue(md.contains("| GARCH(1,1) |"), md);
        assertTrue(md.contains("w/o Mar–Apr 2020"), md);
        for (String png : List.of("forecast.png", "loss.png")) {
            Path p = runDir.resolve("out").resolve(png);
            assertTrue(Files.size(p) > 1000, png);
            // PNG signature: 0x89 'P' 'N' 'G'.
            byte[] head = Files.readAllBytes(p);
            assertEquals('P', head[1]);
            assertEquals('N', head[2]);
            assertEquals('G', head[3]);
        }
    }

    @Test
    void forecast_printsOneProgressLinePerEpochAndReloadCheck() {
        assertTrue(run.out().contains("epoch   1/2"), run.out());
        assertTrue(run.out().contains("epoch   2/2") || run.out().contains("epoch"), run.out());
        assertTrue(
                run.out().contains("the headline test forecasts")
                        && run.out().contains("equal (bit for bit, as float)"),
                run.out());
    }

    @Test
    void forecast_publishesVersionOneAndPromotesItToProduction() throws Exception {
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(runDir.resolve("registry")).build();
        String name = VolatilityForecastDemo.MODEL_NAME;
        assertEquals(OptionalInt.of(1), registry.latest(name));
        assertEquals(OptionalInt.of(1), registry.current(name, "production"));
        assertTrue(figures.get("registry.reload_identical").asBoolean());
    }

    @Test
    void score_servesThePublishedForecastPipeline_reproducingTheLastTestForecast()
            throws Exception {
        // forecasts.csv: the headline forecast of each test origin, dated by the origin's return
        List<String> rows = Files.readAllLines(runDir.resolve("out/forecasts.csv"));
        int column = List.of(rows.get(0).split(",")).indexOf("lstm_seed42");
        assertTrue(column > 0, rows.get(0));
        String[] last = rows.get(rows.size() - 1).split(",");
        LocalDate origin = LocalDate.parse(last[0]);
        double expected = Double.parseDouble(last[column]);
        // the bars up to and including the origin's date: the window ending there is the origin's
        Path spx = DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv");
        String usDate =
                origin.getMonthValue()
                        + "/"
                        + origin.getDayOfMonth()
                        + "/"
                        + origin.getYear()
                        + ",";
        List<String> bars = new ArrayList<>();
        for (String line : Files.readAllLines(spx)) {
            bars.add(line);
            if (line.startsWith(usDate)) {
                break;
            }
        }
        assertTrue(bars.get(bars.size() - 1).startsWith(usDate), "no bar dated " + origin);
        Path truncated = runDir.resolve("spx-to-last-origin.csv");
        Files.write(truncated, bars);

        Run r =
                run(
                        "score",
                        "--registry",
                        runDir.resolve("registry").toString(),
                        "--name",
                        VolatilityForecastDemo.MODEL_NAME,
                        "--file",
                        truncated.toString(),
                        "--last",
                        "1",
                        "--path",
                        "djl");

        assertEquals(0, r.status(), r.err());
        List<String> printed =
                r.out().lines().filter(l -> l.matches("  \\d{4}-\\d{2}-\\d{2} .*")).toList();
        assertEquals(1, printed.size(), r.out());
        assertTrue(printed.get(0).startsWith("  " + origin + " "), printed.get(0));
        double served = Double.parseDouble(printed.get(0).substring(13).strip());
        // the pipeline returns the forecast as float and score prints 7 significant digits
        assertEquals(expected, served, 1e-6 * expected, r.out());
    }

    @Test
    void forecast_whenDataDirectoryMissing_printsOneLineNamingTheFile(@TempDir Path empty) {
        Run r = run("forecast", "--data", empty.toString(), "--epochs", "1");
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(empty.resolve("spx-daily/spx.csv").toString()), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void forecast_whenWindowLongerThanSeries_printsOneLineNamingWindow() {
        Run r = run("forecast", "--window", "100000", "--out", runDir.resolve("x").toString());
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), r.err());
        assertTrue(line.contains("--window must be at most"), line);
        assertTrue(line.contains("but was 100000"), line);
    }

    @Test
    void forecast_whenEnumOptionUnknown_printsOneLineNamingTheChoices_notTheUsage() {
        Run r = run("forecast", "--init", "FOO");
        assertEquals(2, r.status());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("maasfin forecast: Invalid value for option '--init'"), err);
        assertTrue(err.contains("[DJL_DEFAULT, PYTORCH]"), err);
        assertTrue(err.endsWith("(options: `maasfin forecast --help`)"), err);
    }

    @Test
    void forecast_whenEpochsNotPositive_printsOneLineNamingTheRule() {
        Run r = run("forecast", "--epochs", "0");
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertEquals("maasfin forecast: --epochs must be >= 1 but was 0", r.err().strip());
    }

    @Test
    void forecast_whenUnknownOption_isRejectedWithUsageNotStackTrace() {
        Run r = run("forecast", "--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
