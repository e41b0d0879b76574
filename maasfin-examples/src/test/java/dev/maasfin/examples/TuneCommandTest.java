// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code tune} command at a tiny budget on the real S&amp;P 500 (two trials, one epoch, one
 * final seed, hidden 8, batch 256): the result files hold one row per trial with the documented
 * columns, trial 0 is the {@code forecast} command's defaults; bad options end in one line.
 */
class TuneCommandTest {
    private static Path out;
    private static CliRun run;

    @BeforeAll
    static void runTinyTuning() {
        out = Path.of("target", "tune-test-" + UUID.randomUUID()).toAbsolutePath();
        run =
                CliRun.of(
                        "tune",
                        "--trials",
                        "2",
                        "--epochs",
                        "1",
                        "--patience",
                        "1",
                        "--seeds",
                        "1",
                        "--hidden-choices",
                        "8",
                        "--batch-choices",
                        "256",
                        "--out",
                        out.toString(),
                        "--registry",
                        out.resolve("registry").toString());
        assertEquals(0, run.status(), run.err());
    }

    private static List<CSVRecord> csv(String name) throws Exception {
        try (CSVParser p =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .build()
                        .parse(Files.newBufferedReader(out.resolve(name)))) {
            return p.getRecords();
        }
    }

    @Test
    void trialsCsv_hasOneRowPerTrialWithTheDocumentedColumns() throws Exception {
        try (CSVParser p =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .build()
                        .parse(Files.newBufferedReader(out.resolve("trials.csv")))) {
            // TuningResult.writeCsv: trial, rung, resource, status, promoted, seed, the
            // parameters in declaration order, fold_0..fold_(k-1), mean, sd, wall_millis, error.
            assertEquals(
                    List.of(
                            "trial",
                            "rung",
                            "resource",
                            "status",
                            "promoted",
                            "seed",
                            "lr",
                            "hidden",
                            "layers",
                            "dropout",
                            "batch",
                            "fold_0",
                            "fold_1",
                            "mean",
                            "sd",
                            "wall_millis",
                            "error"),
                    p.getHeaderNames());
            assertEquals(2, p.getRecords().size());
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("trials.json").toFile());
        assertEquals(2, json.get("trials").size());
        // Two folds per trial, each with QLIKE and RMSE.
        assertEquals(4, csv("fold_metrics.csv").size());
    }

    @Test
    void trialZero_isTheForecastCommandsDefaultConfiguration() throws Exception {
        ForecastCommand f = new ForecastCommand();
        new CommandLine(f).parseArgs();
        CSVRecord first = csv("trials.csv").get(0);
        assertEquals("0", first.get("trial"));
        assertEquals(f.learningRate, Double.parseDouble(first.get("lr")));
        assertEquals(f.hidden, Integer.parseInt(first.get("hidden")));
        assertEquals(f.layers, Integer.parseInt(first.get("layers")));
        assertEquals(f.dropout, Double.parseDouble(first.get("dropout")));
        assertEquals(f.batch, Integer.parseInt(first.get("batch")));
        assertEquals(f.epochs, 30, "the tune command's --epochs default is forecast's");
        assertEquals(f.window, 60, "the tune command fixes the window at forecast's 60 days");
    }

    @Test
    void tune_printsDefaultAndBestValidationAndTestFigures() {
        assertTrue(run.out().contains("validation mean QLIKE: default "), run.out());
        assertTrue(run.out().contains("test RMSE / QLIKE: default "), run.out());
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
    }

    @Test
    void badOptions_areRefusedWithOneLineNamingTheRule() {
        assertRefused("--trials must be >= 1 but was 0", "--trials", "0");
        assertRefused("--minutes must be > 0 and finite but was -1.0", "--minutes", "-1");
        assertRefused("--threads must be >= 1 but was 0", "--threads", "0");
        assertRefused(
                "--threads must be 1 for the LSTM objective (DJL's PyTorch engine runs one"
                        + " gradient collector per process) but was 2",
                "--threads",
                "2");
    }

    private static void assertRefused(String message, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "tune";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(CliRun.userError(), r.status());
        assertEquals("maasfin tune: " + message, r.err().strip());
    }
}
