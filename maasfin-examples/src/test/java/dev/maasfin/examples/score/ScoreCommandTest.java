// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.feature.FeatureSet;
import dev.maasfin.core.feature.FeatureSpec;
import dev.maasfin.core.pipeline.DataFingerprint;
import dev.maasfin.core.pipeline.FeatureStage;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.core.transform.FittedChain;
import dev.maasfin.core.transform.TransformChain;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.examples.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code score} command on a small LSTM pipeline over the last 300 S&P 500 bars, published to a
 * registry under target/: batch and stream print the same last predictions as {@link
 * Pipeline#scoreAll}, with latency lines; each user mistake ends with one line.
 */
class ScoreCommandTest {
    private static final int BARS = 300;
    private static final int WINDOW = 8;
    private static final String NAME = "spx-test-lstm";
    private static final String UNPROMOTED = "spx-test-unpromoted";
    private static final Path ROOT =
            Path.of("target", "test-runs", "score", UUID.randomUUID().toString());
    private static final Path REGISTRY = ROOT.resolve("registry");
    private static final Path CSV = ROOT.resolve("spx-last-300.csv");

    /** The reference: {@link Pipeline#scoreAll} of the CSV's bars by the published pipeline. */
    private static float[] reference;

    @BeforeAll
    static void publishPipeline() throws Exception {
        writeLastBars();
        BarSeries bars = BarCsvLoader.defaults().load(CSV);
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(REGISTRY).build();
        try (Pipeline p = pipeline(bars)) {
            BatchPrediction all = p.scoreAll(bars);
            reference = all.values();
            p.publish(registry, NAME, ROOT.resolve("staging-1"), "test", "score test");
            p.publish(registry, UNPROMOTED, ROOT.resolve("staging-2"), "test", "never promoted");
        }
        registry.promote(NAME, 1, "production", "test", "score test");
    }

    /** Copies the header and the last 300 rows of the shared S&P 500 file, unchanged. */
    private static void writeLastBars() throws Exception {
        Path spx = DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv");
        List<String> lines = Files.readAllLines(spx, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        kept.addAll(lines.subList(lines.size() - BARS, lines.size()));
        Files.createDirectories(ROOT);
        Files.write(CSV, kept, StandardCharsets.UTF_8);
    }

    /** An LSTM (hidden 8, seed 7, untrained) on log return, RSI 14 and 10-bar sd, z-scored. */
    private static Pipeline pipeline(BarSeries bars) {
        FeatureStage stage =
                FeatureStages.of(
                        FeatureSet.of(
                                FeatureSpec.logReturns(1),
                                FeatureSpec.rsi(14),
                                FeatureSpec.rollingStd(10)));
        Frame features = stage.compute(bars);
        Frame train = features.sliceRows(stage.warmUp(), features.rows());
        String[] names = stage.columnNames().toArray(new String[0]);
        FittedChain z = TransformChain.of(ZScoreTransform.of(names)).fit(train);
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(WINDOW)
                        .setFeatures(names.length)
                        .optHidden(8)
                        .build();
        NeuralModel model = NeuralModel.create(spec, DeviceSpec.cpu(), 7);
        return Pipeline.builder()
                .setFeatures(stage)
                .optTransform(z)
                .setSchema(InputSchema.fromTraining(train, 3.0, null))
                .setModel(model)
                .setMetadata(
                        Pipeline.provenance(model, DataFingerprint.of(train), Map.of(), Map.of()))
                .build();
    }

    private static CliRun score(String... extra) {
        List<String> args = new ArrayList<>(List.of("score", "--registry", REGISTRY.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    /** The values of the last {@code n} printed prediction lines (" yyyy-mm-dd value"). */
    private static List<String> printedPredictions(String out) {
        return out.lines().filter(l -> l.matches("  \\d{4}-\\d{2}-\\d{2} .*")).toList();
    }

    private static String expectedValue(int fromEnd) {
        return String.format(Locale.ROOT, "%+.6e", reference[reference.length - fromEnd]);
    }

    @Test
    void batchOnDjl_printsVersionKindAndLastPredictionsOfPipelineScoreAll_withLatency() {
        CliRun r = score("--name", NAME, "--file", CSV.toString(), "--last", "5", "--path", "djl");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(NAME + " version 1 (current in stage production)"), r.out());
        assertTrue(r.out().contains("FORECASTER, window 8 bars"), r.out());
        assertTrue(
                r.out().contains("path         djl (DJL / PyTorch network, forced by --path)"),
                r.out());
        // 300 bars, warm-up 14 (RSI 14 needs 15 closes), window 8: 300 - 14 - 8 + 1 = 279 windows
        assertTrue(r.out().contains("batch: 279 windows in one call"), r.out());
        List<String> printed = printedPredictions(r.out());
        assertEquals(5, printed.size(), r.out());
        // the file's last row is dated 3/10/2022
        assertTrue(printed.get(4).startsWith("  2022-03-10 "), printed.get(4));
        // the same DJL call on the same 279 windows as the reference: the same bits
        for (int k = 0; k < 5; k++) {
            assertEquals(expectedValue(5 - k), printed.get(k).substring(13).strip(), r.out());
        }
        assertTrue(
                r.out().matches("(?s).*scorer +calls 1, windows 279, failures 0: p50 .*"), r.out());
        assertTrue(r.out().contains(" p99 ") && r.out().contains(" max "), r.out());
    }

    @Test
    void batchOnAuto_usesTheKernel_andPrintsPipelineScoreAllToTheKernelTolerance() {
        CliRun r = score("--name", NAME, "--file", CSV.toString(), "--last", "5");
        assertEquals(0, r.status(), r.err());
        assertTrue(
                r.out()
                        .contains(
                                "path         kernel (pure-Java kernel, no JNI, chosen"
                                        + " automatically)"),
                r.out());
        List<String> printed = printedPredictions(r.out());
        assertEquals(5, printed.size(), r.out());
        for (int k = 0; k < 5; k++) {
            // KernelExporter's stated agreement with DJL: 1e-5 relative (1e-6 absolute near 0)
            double want = reference[reference.length - 5 + k];
            double got = Double.parseDouble(printed.get(k).substring(13).strip());
            assertEquals(want, got, Math.max(1e-5 * Math.abs(want), 1e-6), printed.get(k));
        }
    }

    @Test
    void streamOnKernel_printsExactlyTheBatchLines() {
        CliRun batch = score("--name", NAME, "--file", CSV.toString(), "--path", "kernel");
        CliRun stream =
                score("--name", NAME, "--file", CSV.toString(), "--path", "kernel", "--stream");
        assertEquals(0, stream.status(), stream.err());
        // the kernel computes each window alone, so a window scored bar by bar gives the bits of
        // the same window inside the batch (Kernel.predictBatch contract)
        assertEquals(printedPredictions(batch.out()), printedPredictions(stream.out()));
        assertEquals(5, printedPredictions(stream.out()).size(), stream.out());
    }

    @Test
    void stream_printsTheSameLastPredictionsAsBatch_andPerBarLatency() {
        CliRun batch =
                score("--name", NAME, "--file", CSV.toString(), "--last", "4", "--path", "djl");
        CliRun stream =
                score(
                        "--name",
                        NAME,
                        "--file",
                        CSV.toString(),
                        "--last",
                        "4",
                        "--path",
                        "djl",
                        "--stream");
        assertEquals(0, stream.status(), stream.err());
        List<String> b = printedPredictions(batch.out());
        List<String> s = printedPredictions(stream.out());
        assertEquals(4, s.size(), stream.out());
        for (int k = 0; k < 4; k++) {
            assertEquals(b.get(k).substring(0, 13), s.get(k).substring(0, 13));
            // one window at a time vs one batch of 279: PyTorch may round the last float bit
            // differently (Pipeline Javadoc), so agreement is to float rounding
            double x = Double.parseDouble(b.get(k).substring(13).strip());
            double y = Double.parseDouble(s.get(k).substring(13).strip());
            assertEquals(x, y, 1e-5 * Math.abs(x) + 1e-9, s.get(k));
        }
        assertTrue(stream.out().contains("stream: 300 bars, 279 scored"), stream.out());
        assertTrue(stream.out().contains("update+score over 279 scored bars: p50 "), stream.out());
        // one scorer call per scored bar
        assertTrue(stream.out().contains("calls 279, windows 279, failures 0"), stream.out());
    }

    @Test
    void unknownName_endsWithOneLineListingTheNamesPresent() {
        CliRun r = score("--name", "no-such-model", "--file", CSV.toString());
        assertOneLineError(r, "no model named 'no-such-model'");
        assertTrue(r.err().contains("names present: " + NAME + ", " + UNPROMOTED), r.err());
    }

    @Test
    void missingRegistry_endsWithOneLineSayingItDoesNotExist_andCreatesNothing() {
        Path missing = ROOT.resolve("missing-" + UUID.randomUUID());
        CliRun r = CliRun.of("score", "--registry", missing.toString(), "--name", NAME);
        assertOneLineError(r, "does not exist");
        assertFalse(Files.exists(missing));
    }

    @Test
    void emptyRegistry_endsWithOneLine() throws Exception {
        Path empty = Files.createDirectories(ROOT.resolve("empty-" + UUID.randomUUID()));
        CliRun r = CliRun.of("score", "--registry", empty.toString(), "--name", NAME);
        assertOneLineError(r, "is empty: no published model");
    }

    @Test
    void tooFewBars_failInStreamModeAsInBatchMode() throws Exception {
        // the header and 10 bars of the test file: fewer than any pipeline's warm-up + window here
        List<String> lines = Files.readAllLines(CSV);
        Path shortCsv = ROOT.resolve("short-" + UUID.randomUUID() + ".csv");
        Files.write(shortCsv, lines.subList(0, 11));

        CliRun batch = score("--name", NAME, "--file", shortCsv.toString());
        CliRun stream = score("--name", NAME, "--file", shortCsv.toString(), "--stream");

        assertOneLineError(batch, "bars must number at least warm-up + window");
        assertOneLineError(stream, "--stream: none of the 10 bars could be scored");
    }

    @Test
    void fileStartingWithAByteOrderMark_isScored() throws Exception {
        // the shared S&P 500 file starts with EF BB BF (data README) and CSV copies its header
        // unchanged, so the batch tests above score a file with a byte-order mark
        byte[] head = Arrays.copyOf(Files.readAllBytes(CSV), 3);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, head);
        CliRun r = score("--name", NAME, "--file", CSV.toString(), "--path", "djl", "--last", "1");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("  2022-03-10 " + expectedValue(1)), printedPredictions(r.out()));
    }

    @Test
    void fileNamingADirectory_endsWithOneLineSayingItIsNotAFile() {
        Path dir = ROOT.toAbsolutePath().normalize();
        CliRun r = score("--name", NAME, "--file", dir.toString());
        assertOneLineError(r, "");
        assertEquals(
                "maasfin score: --file " + dir + " is a directory, not a file; give a CSV file",
                r.err().strip());
    }

    @Test
    void absentAbsoluteFile_endsWithOneLineWithoutTheDataDirectoryHint() {
        Path absent = ROOT.toAbsolutePath().normalize().resolve("absent.csv");
        CliRun r = score("--name", NAME, "--file", absent.toString());
        assertOneLineError(r, "");
        assertEquals("maasfin score: --file " + absent + " does not exist", r.err().strip());
    }

    @Test
    void missingFile_endsWithOneLineNamingIt() {
        CliRun r = score("--name", NAME, "--file", "no/such/bars.csv");
        assertOneLineError(r, "no/such/bars.csv");
    }

    @Test
    void stageWithoutVersion_endsWithOneLineNamingStageAndVersions() {
        CliRun r = score("--name", UNPROMOTED, "--file", CSV.toString());
        assertOneLineError(r, "stage 'production' of '" + UNPROMOTED + "' holds no version");
        assertTrue(r.err().contains("versions present: [1]"), r.err());
    }

    @Test
    void unknownVersion_endsWithOneLine() {
        CliRun r = score("--name", NAME, "--version", "9", "--file", CSV.toString());
        assertOneLineError(
                r, "--version 9 of '" + NAME + "' does not exist; versions present: [1]");
    }

    @Test
    void lastBelowOne_endsWithOneLineNamingTheRule() {
        CliRun r = score("--name", NAME, "--last", "0");
        assertOneLineError(r, "--last must be >= 1 but was 0");
    }

    @Test
    void repeat_scoresTheFileThatManyTimes_andCountsEachCall() {
        CliRun r = score("--name", NAME, "--file", CSV.toString(), "--repeat", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("batch: 279 windows in one call, 3 times"), r.out());
        assertTrue(r.out().contains("calls 3, windows 837, failures 0"), r.out());
    }

    @Test
    void repeatBelowOne_endsWithOneLineNamingTheRule() {
        CliRun r = score("--name", NAME, "--repeat", "0");
        assertOneLineError(r, "--repeat must be >= 1 but was 0");
    }

    @Test
    void unknownPath_endsWithOneLineNamingTheChoices() {
        CliRun r = score("--name", NAME, "--path", "gpu");
        assertOneLineError(r, "--path must be auto, kernel or djl but was 'gpu'");
    }

    @Test
    void featureRows_givenToABarPipeline_endWithOneLineSayingItTakesBars() throws Exception {
        Path rows = ROOT.resolve("rows-" + UUID.randomUUID() + ".csv");
        Files.writeString(rows, "a,b\n1,2\n");
        CliRun r = score("--name", NAME, "--rows", rows.toString());
        assertOneLineError(
                r,
                "'"
                        + NAME
                        + "' version 1 takes bars, not feature rows: give an OHLCV --file"
                        + " instead of --rows");
    }

    private static void assertOneLineError(CliRun r, String expected) {
        assertEquals(CliRun.userError(), r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("maasfin score: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
