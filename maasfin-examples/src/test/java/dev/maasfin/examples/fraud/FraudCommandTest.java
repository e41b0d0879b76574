// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.examples.BadCopy;
import dev.maasfin.examples.CliRun;
import dev.maasfin.examples.eval.RegistryRoundTrip;
import dev.maasfin.examples.eval.Standardiser;
import dev.maasfin.examples.eval.TabularPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud demo on reduced sizes (one seed, few epochs) and its one-line errors. */
class FraudCommandTest {
    private static final Path RUNS = Path.of("target", "test-runs", "fraud");

    @Test
    void fraud_onReducedRun_writesSaneFiguresReproducesMahalanobisAndRescoresBitIdentically()
            throws Exception {
        Path out = RUNS.resolve("report");
        CliRun r =
                CliRun.of(
                        "fraud",
                        "--epochs",
                        "40",
                        "--out",
                        out.toString(),
                        "--registry",
                        RUNS.resolve("registry").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode f = CliRun.figures(out);
        for (String model :
                List.of(
                        "autoencoder",
                        "mahalanobis",
                        "isolationForest",
                        "logisticRegression",
                        "mlp")) {
            for (String metric : List.of("rocAuc", "prAuc", "recallAt1pctFpr")) {
                double v = f.get(model + "." + metric).asDouble();
                assertTrue(v >= 0 && v <= 1, model + "." + metric + " = " + v);
            }
        }
        // Evaluation protocol README, reference figures: Mahalanobis ROC-AUC 0.973, PR-AUC 0.964
        // on the test part (deterministic, so reproduced to the rounding).
        assertEquals(0.973, f.get("mahalanobis.rocAuc").asDouble(), 0.0005);
        assertEquals(0.964, f.get("mahalanobis.prAuc").asDouble(), 0.0005);
        // Logistic regression (L2, C = 1) reference: ROC-AUC 0.993.
        assertEquals(0.993, f.get("logisticRegression.rocAuc").asDouble(), 0.0005);
        // Issue 8: even a short autoencoder run separates fraud well above chance.
        assertTrue(f.get("autoencoder.rocAuc").asDouble() > 0.9, f.toString());
        assertTrue(f.get("registry.bitIdentical").asBoolean());
        assertEquals(345, f.get("registry.rescoredRows").asInt());
        assertEquals(5, f.get("explanation.topFraud.features").size());
        assertTrue(
                f.get("explanation.topFraud.features")
                        .get(0)
                        .asText()
                        .matches("V\\d+|Time|Amount"));
        for (String png : List.of("roc.png", "pr.png", "loss.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        assertTrue(r.out().contains("autoencoder seed 1: epoch 1 "), r.out());
        servedPipelineScoresAsTheDemo(f);
    }

    /**
     * The training/serving skew check, then {@code score --rows} end to end: the pipeline the demo
     * published and promoted, reloaded from the registry and given the raw test rows, scores them
     * bit for bit as the demo's in-memory path does (the demo's {@link Standardiser} fitted on the
     * training part's genuine rows, then the network's detector on the scaled rows as float, one
     * batch of 345); the CLI prints those scores and flags, one line per row.
     */
    private static void servedPipelineScoresAsTheDemo(JsonNode f) throws Exception {
        FraudData d =
                FraudData.load(DataDirectory.require(DataDirectory.resolve(), FraudData.FILE));
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(RUNS.resolve("registry")).build();
        int version =
                registry.current(FraudCommand.MODEL_NAME, RegistryRoundTrip.STAGE).orElseThrow();
        assertEquals(f.get("registry.version").asInt(), version);
        double[][] raw = Standardiser.select(d.x, d.split.test());
        float[] inMemory;
        float[] served;
        try (Pipeline p = Pipeline.fromRegistry(registry, FraudCommand.MODEL_NAME, version)) {
            assertEquals(FeatureStages.FEATURE_ROWS, p.features().type());
            assertEquals(d.features, p.schema().columnNames());
            assertTrue(p.schema().columns().stream().allMatch(ColumnSpec::personal));
            assertEquals(f.get("threshold.value").asDouble(), p.threshold(), 0.0);
            assertEquals(1, p.metadata().seed());
            Standardiser g = Standardiser.fit(d.x, d.trainGenuine());
            float[] x = Standardiser.flatten(g.apply(d.x, d.split.test()));
            inMemory = new AutoencoderDetector(p.model()).scores(x, raw.length);
            served = p.scoreBatch(TabularPipelines.windows(raw)).values();
        }
        assertEquals(345, served.length);
        for (int i = 0; i < served.length; i++) {
            assertEquals(
                    Float.floatToRawIntBits(inMemory[i]),
                    Float.floatToRawIntBits(served[i]),
                    "test row " + i);
        }
        Path csv = RUNS.resolve("test-rows.csv");
        Files.writeString(csv, csvOf(d.features, raw));
        CliRun r =
                CliRun.of(
                        "score",
                        "--registry",
                        RUNS.resolve("registry").toString(),
                        "--name",
                        FraudCommand.MODEL_NAME,
                        "--rows",
                        csv.toString(),
                        "--path",
                        "djl");
        assertEquals(0, r.status(), r.err());
        double threshold = f.get("threshold.value").asDouble();
        List<String> want = new ArrayList<>();
        for (int i = 0; i < inMemory.length; i++) {
            want.add(
                    String.format(
                            Locale.ROOT,
                            "  row %d  score %.6e  %s",
                            i + 1,
                            inMemory[i],
                            inMemory[i] > threshold ? "flagged" : "not flagged"));
        }
        assertEquals(want, r.out().lines().filter(l -> l.startsWith("  row ")).toList());
        assertTrue(r.out().contains("345 rows; ignored columns [Class]"), r.out());
    }

    /** The rows as CSV with a label column, values written by Double.toString (exact). */
    private static String csvOf(List<String> columns, double[][] rows) {
        StringBuilder b = new StringBuilder(String.join(",", columns)).append(",Class\n");
        for (double[] row : rows) {
            for (double v : row) {
                b.append(v).append(',');
            }
            b.append("0\n");
        }
        return b.toString();
    }

    @Test
    void fraud_whenDataDirectoryMissing_printsOneLineNamingTheFile(@TempDir Path empty) {
        CliRun r = CliRun.of("fraud", "--data", empty.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("creditcard_subset.csv"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void fraud_whenLabelColumnMissing_printsOneLineNamingFileAndColumn(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve(FraudData.FILE);
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "Time,V1,Amount\n0,1.5,10\n1,-0.5,20\n");
        CliRun r = CliRun.of("fraud", "--data", dir.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(
                "maasfin fraud: " + csv.toAbsolutePath().normalize() + ": no label column 'Class'",
                r.err().strip());
    }

    @Test
    void fraud_whenEpochsNotPositive_printsOneLineWithRule() {
        CliRun r = CliRun.of("fraud", "--epochs", "0", "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals("maasfin fraud: --epochs must be >= 1 but was 0", r.err().strip());
    }

    /** Runs fraud on a copy with field {@code column} of file line {@code line} replaced. */
    private static String errorWith(String name, int line, int column, String value)
            throws Exception {
        Path dir = RUNS.resolve("bad").resolve(name);
        Path csv = BadCopy.write(dir, FraudData.FILE, line, column, value);
        CliRun r = CliRun.of("fraud", "--data", dir.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status(), r.out());
        return r.err().strip().replace(csv.toString(), "FILE");
    }

    @Test
    void fraud_whenV2IsInf_namesFileLineColumnAndValue() throws Exception {
        // Field 2 of file line 5 is V2 (header: Time,V1,V2,...).
        assertEquals(
                "maasfin fraud: FILE: line 5, column 'V2', value 'inf' is not a number (the"
                        + " column is numeric)",
                errorWith("inf", 5, 2, "inf"));
    }

    @Test
    void fraud_whenAmountIsNaN_namesFileLineColumnAndValue() throws Exception {
        // Field 29 is Amount.
        assertEquals(
                "maasfin fraud: FILE: line 3, column 'Amount', value 'NaN' is not finite (NaN and"
                        + " infinity are not allowed)",
                errorWith("nan", 3, 29, "NaN"));
    }

    @Test
    void fraud_whenV20IsEmpty_namesFileLineAndColumn() throws Exception {
        assertEquals(
                "maasfin fraud: FILE: line 7, column 'V20', value '' is not a number (the column"
                        + " is numeric)",
                errorWith("empty", 7, 20, ""));
    }

    @Test
    void fraud_whenClassIsSeven_namesFileLineNotDataRow() throws Exception {
        // Field 30 is Class; file line 10 is data row 8 (0-based), so the message says line 10.
        assertEquals(
                "maasfin fraud: FILE: line 10, column 'Class', value '7.0' must be 0 or 1",
                errorWith("class7", 10, 30, "7"));
    }

    /** Runs fraud on the header and first {@code rows} data lines of the real file. */
    private static String errorWithRows(int rows) throws Exception {
        Path dir = RUNS.resolve("bad").resolve("rows" + rows);
        Path csv = BadCopy.head(dir, FraudData.FILE, rows);
        CliRun r = CliRun.of("fraud", "--data", dir.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status(), r.out());
        return r.err().strip().replace(csv.toString(), "FILE");
    }

    @Test
    void fraud_whenThreeRows_saysHowManyOfEachClassAreNeeded() throws Exception {
        // The first 3 data lines of the real file are genuine (Class 0).
        assertEquals(
                "maasfin fraud: FILE: has 3 genuine and 0 fraud rows but needs at least 6 genuine"
                        + " and 3 fraud (2 genuine and 1 fraud in each of the train, validation"
                        + " and test parts)",
                errorWithRows(3));
    }

    @Test
    void fraud_when199GenuineRows_saysFraudRowsAreNeeded() throws Exception {
        // The first 199 data lines of the real file are all genuine (checked with awk).
        assertEquals(
                "maasfin fraud: FILE: has 199 genuine and 0 fraud rows but needs at least 6"
                        + " genuine and 3 fraud (2 genuine and 1 fraud in each of the train,"
                        + " validation and test parts)",
                errorWithRows(199));
    }

    @Test
    void fraud_whenOutCannotBeCreated_failsBeforeTrainingSayingWhy() {
        CliRun r = CliRun.of("fraud", "--epochs", "1", "--out", "/proc/nope");
        assertEquals(CliRun.userError(), r.status());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(
                err.startsWith("maasfin fraud: cannot create output directory /proc/nope: "), err);
        assertFalse(r.out().contains("epoch"), r.out());
    }

    @Test
    void fraud_whenRegistryIsUnderAFile_failsBeforeTrainingSayingWhy() throws Exception {
        Path file = RUNS.resolve("a-file");
        Files.createDirectories(RUNS);
        Files.writeString(file, "not a directory");
        Path registry = file.resolve("registry").toAbsolutePath().normalize();
        CliRun r =
                CliRun.of(
                        "fraud",
                        "--epochs",
                        "1",
                        "--out",
                        RUNS.toString(),
                        "--registry",
                        registry.toString());
        assertEquals(CliRun.userError(), r.status());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(
                err.startsWith(
                        "maasfin fraud: cannot create registry directory " + registry + ": "),
                err);
        assertFalse(r.out().contains("epoch"), r.out());
    }
}
