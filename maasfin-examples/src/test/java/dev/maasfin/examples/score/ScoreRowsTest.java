// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.model.ModelKind;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.examples.CliRun;
import dev.maasfin.examples.eval.TabularPipelines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code score --rows} on two small untrained tabular pipelines published under target/ (a dense
 * autoencoder and a two-class MLP over columns {@code Time, V1, Amount}, z-scored on 40 synthetic
 * rows): the printed lines equal scores computed independently from the in-memory networks, and
 * every bad file or wrong kind of input ends with one line naming file, row and column.
 */
class ScoreRowsTest {
    private static final List<String> COLUMNS = List.of("Time", "V1", "Amount");
    private static final String DETECTOR = "rows-test-ae";
    private static final String CLASSIFIER = "rows-test-mlp";
    private static final double THRESHOLD = 0.75;
    private static final Path ROOT =
            Path.of("target", "test-runs", "score-rows", UUID.randomUUID().toString());
    private static final Path REGISTRY = ROOT.resolve("registry");
    private static final String COLUMN_LIST = "Time,V1,Amount";
    private static final String CLASSES = "0=genuine,1=fraud";

    /** 40 training rows: Time 100 t, V1 = sin t, Amount = (7 t mod 13) + 0.25. */
    private static final double[][] TRAIN =
            IntStream.range(0, 40)
                    .mapToObj(t -> new double[] {100.0 * t, Math.sin(t), (7 * t) % 13 + 0.25})
                    .toArray(double[][]::new);

    /** Rows to score, written to the CSV with Double.toString (exact round trip). */
    private static final double[][] ROWS = {
        {50.0, 0.5, 3.0}, {3900.0, -0.9, 12.5}, {120.5, 2.5, 0.0}, {-400.0, 0.0, 40.0}
    };

    private static NeuralModel detector;
    private static NeuralModel classifier;

    @BeforeAll
    static void publish() throws Exception {
        Files.createDirectories(ROOT);
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(REGISTRY).build();
        detector =
                NeuralModel.create(
                        DenseAutoencoderSpec.builder()
                                .setInputWidth(3)
                                .optHiddenWidths(4, 2, 4)
                                .optActivation(Activation.RELU)
                                .build(),
                        DeviceSpec.cpu(),
                        11);
        detector.state().put(AutoencoderDetector.THRESHOLD_KEY, THRESHOLD);
        classifier =
                NeuralModel.create(
                        MlpClassifierSpec.builder()
                                .setInputWidth(3)
                                .setNumClasses(2)
                                .optHiddenWidths(5)
                                .build(),
                        DeviceSpec.cpu(),
                        12);
        publish(registry, detector, DETECTOR, Map.of());
        publish(registry, classifier, CLASSIFIER, Map.of(RegistryChoice.CLASSES_KEY, CLASSES));
    }

    private static void publish(
            FileSystemModelRegistry registry, NeuralModel m, String name, Map<String, String> hp)
            throws Exception {
        int[] all = IntStream.range(0, TRAIN.length).toArray();
        try (Pipeline p =
                TabularPipelines.build(
                        m,
                        COLUMNS,
                        TRAIN,
                        all,
                        COLUMNS,
                        hp,
                        Map.of(),
                        ROOT.resolve(name + "-network"))) {
            p.publish(registry, name, ROOT.resolve(name + "-staging"), "test", "rows test");
        }
        registry.promote(name, 1, "production", "test", "rows test");
    }

    @AfterAll
    static void close() {
        detector.close();
        classifier.close();
    }

    /**
     * The demo's scaling, written out here independently of the pipeline: per column the mean and
     * the population sd of the training rows, then (x - mean) / sd, as float.
     */
    private static float[] standardised(double[][] rows) {
        float[] x = new float[rows.length * 3];
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            for (double[] r : TRAIN) {
                mean += r[c];
            }
            mean /= TRAIN.length;
            double ss = 0;
            for (double[] r : TRAIN) {
                ss += (r[c] - mean) * (r[c] - mean);
            }
            double sd = Math.sqrt(ss / TRAIN.length);
            for (int i = 0; i < rows.length; i++) {
                x[i * 3 + c] = (float) ((rows[i][c] - mean) / sd);
            }
        }
        return x;
    }

    private static Path csv(String name, String text) throws Exception {
        Path f = ROOT.resolve(name + ".csv");
        Files.writeString(f, text);
        return f;
    }

    /** The rows with an extra label column first and the model columns shuffled. */
    private static Path goodCsv() throws Exception {
        StringBuilder b = new StringBuilder("Class,Amount,Time,V1\n");
        for (double[] r : ROWS) {
            b.append("0,").append(r[2]).append(',').append(r[0]).append(',').append(r[1]);
            b.append('\n');
        }
        return csv("good-" + UUID.randomUUID(), b.toString());
    }

    private static CliRun score(String... extra) {
        List<String> args = new ArrayList<>(List.of("score", "--registry", REGISTRY.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    private static List<String> rowLines(String out) {
        return out.lines().filter(l -> l.startsWith("  row ")).toList();
    }

    /** Expected: the in-memory network on the independently standardised rows, same batch. */
    private static List<String> detectorLines() {
        float[] s = new AutoencoderDetector(detector).scores(standardised(ROWS), ROWS.length);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            want.add(
                    String.format(
                            Locale.ROOT,
                            "  row %d  score %.6e  %s",
                            i + 1,
                            s[i],
                            s[i] > THRESHOLD ? "flagged" : "not flagged"));
        }
        return want;
    }

    @Test
    void rows_withAByteOrderMark_readTheFirstHeaderNameAndScoreAsWithout() throws Exception {
        // Excel's "CSV UTF-8" writes EF BB BF (U+FEFF in UTF-8) before the header "Time,..."
        StringBuilder b = new StringBuilder("Time,V1,Amount\n");
        for (double[] r : ROWS) {
            b.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        }
        Path f = ROOT.resolve("bom-" + UUID.randomUUID() + ".csv");
        byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(f, bytes);
        CliRun r = score("--name", DETECTOR, "--rows", f.toString(), "--path", "djl");
        assertEquals(0, r.status(), r.err());
        assertEquals(detectorLines(), rowLines(r.out()), r.out());
        // no ignored column: the BOM did not turn "Time" into another name
        assertTrue(r.out().lines().anyMatch(l -> l.endsWith(": 4 rows")), r.out());
    }

    @Test
    void rows_onTheDetector_printOneLinePerRowWithTheInMemoryScoreAndFlag() throws Exception {
        Path f = goodCsv();
        CliRun r = score("--name", DETECTOR, "--rows", f.toString(), "--path", "djl");
        assertEquals(0, r.status(), r.err());
        assertEquals(detectorLines(), rowLines(r.out()), r.out());
        assertTrue(r.out().contains("ANOMALY_DETECTOR, feature rows of 3 columns"), r.out());
        assertTrue(r.out().contains("4 rows; ignored columns [Class]"), r.out());
        assertTrue(r.out().contains("batch: 4 rows in one call"), r.out());
        assertTrue(r.out().contains("calls 1, windows 4, failures 0"), r.out());
        // no feature value is printed: the Time and Amount cells of the file do not appear
        assertFalse(r.out().contains("3900") || r.out().contains("12.5"), r.out());
    }

    @Test
    void rows_onTheClassifier_printTheMostProbableClassAndBothProbabilities() throws Exception {
        CliRun r = score("--name", CLASSIFIER, "--rows", goodCsv().toString(), "--path", "djl");
        assertEquals(0, r.status(), r.err());
        float[] p = classifier.predict(standardised(ROWS), ROWS.length);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            want.add(
                    String.format(
                            Locale.ROOT,
                            "  row %d  class %d  p %.6e %.6e",
                            i + 1,
                            p[2 * i + 1] > p[2 * i] ? 1 : 0,
                            p[2 * i],
                            p[2 * i + 1]));
        }
        assertEquals(want, rowLines(r.out()), r.out());
    }

    @Test
    void rows_onTheClassifier_nameTheClassesItsProvenanceRecordsOnceInTheLegend() throws Exception {
        CliRun r = score("--name", CLASSIFIER, "--rows", goodCsv().toString(), "--path", "djl");
        assertEquals(0, r.status(), r.err());
        // published above with hyper-parameter classes = CLASSES
        String legend =
                "row, most probable class, probability of each class (classes " + CLASSES + ")";
        assertEquals(1, r.out().lines().filter(l -> l.contains(CLASSES)).count(), r.out());
        assertTrue(r.out().lines().anyMatch(legend::equals), r.out());
    }

    @Test
    void legend_ofAClassifierWithoutRecordedClasses_namesNone() {
        assertEquals(
                "row, most probable class, probability of each class",
                RowScoring.legend(ModelKind.CLASSIFIER, ""));
    }

    @Test
    void rowsNamingADirectory_endWithOneLineSayingItIsNotAFile() {
        Path dir = ROOT.toAbsolutePath().normalize();
        CliRun r = score("--name", DETECTOR, "--rows", dir.toString());
        assertOneLineError(r, "");
        assertEquals(
                "maasfin score: --rows " + dir + " is a directory, not a file; give a CSV file",
                r.err().strip());
    }

    @Test
    void absentAbsoluteRowsFile_endsWithOneLineWithoutTheDataDirectoryHint() {
        Path absent = ROOT.toAbsolutePath().normalize().resolve("absent.csv");
        CliRun r = score("--name", DETECTOR, "--rows", absent.toString());
        assertOneLineError(r, "");
        assertEquals("maasfin score: --rows " + absent + " does not exist", r.err().strip());
    }

    @Test
    void absentRelativeRowsFile_isLookedUpInTheDataDirectory() {
        CliRun r = score("--name", DETECTOR, "--rows", "no/such/rows.csv");
        assertOneLineError(r, "no/such/rows.csv does not exist (data directory ");
    }

    @Test
    void rows_onAutoPath_agreeWithTheInMemoryScoresToTheKernelTolerance() throws Exception {
        CliRun r = score("--name", DETECTOR, "--rows", goodCsv().toString());
        assertEquals(0, r.status(), r.err());
        float[] s = new AutoencoderDetector(detector).scores(standardised(ROWS), ROWS.length);
        List<String> got = rowLines(r.out());
        assertEquals(ROWS.length, got.size(), r.out());
        for (int i = 0; i < ROWS.length; i++) {
            double v = Double.parseDouble(got.get(i).split(" +")[4]);
            // KernelExporter's stated agreement with DJL: 1e-5 relative; the print keeps 7 digits
            assertEquals(s[i], v, 2e-5 * Math.abs(s[i]) + 1e-9, got.get(i));
        }
    }

    @Test
    void bars_givenToATabularPipeline_endWithOneLineSayingItTakesFeatureRows() {
        CliRun r = score("--name", DETECTOR);
        assertOneLineError(
                r,
                "'"
                        + DETECTOR
                        + "' version 1 takes feature rows, not bars: give --rows CSV with the"
                        + " columns "
                        + COLUMN_LIST);
    }

    @Test
    void rowsWithStream_endWithOneLine() throws Exception {
        CliRun r = score("--name", DETECTOR, "--rows", goodCsv().toString(), "--stream");
        assertOneLineError(r, "--stream feeds bars one at a time and does not apply to --rows");
    }

    @Test
    void rowsWithFile_endWithOneLine() throws Exception {
        CliRun r = score("--name", DETECTOR, "--rows", goodCsv().toString(), "--file", "x.csv");
        assertOneLineError(r, "give --rows or --file, not both");
    }

    @Test
    void missingRowsFile_endsWithOneLineNamingIt() {
        CliRun r = score("--name", DETECTOR, "--rows", "no/such/rows.csv");
        assertOneLineError(r, "no/such/rows.csv");
    }

    /** Runs the detector on a file with this text; returns the message with the path as FILE. */
    private static String errorFor(String text) throws Exception {
        Path f = csv("bad-" + UUID.randomUUID(), text);
        CliRun r = score("--name", DETECTOR, "--rows", f.toString());
        assertEquals(CliRun.userError(), r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.out().contains("  row "), r.out());
        return r.err().strip().replace(f.toAbsolutePath().normalize().toString(), "FILE");
    }

    @Test
    void emptyFile_isRefusedNamingTheColumnsNeeded() throws Exception {
        assertEquals(
                "maasfin score: FILE: is empty: it needs a header line naming the columns "
                        + COLUMN_LIST,
                errorFor(""));
    }

    @Test
    void headerOnly_isRefused() throws Exception {
        assertEquals(
                "maasfin score: FILE: has a header but no data row", errorFor("Time,V1,Amount\n"));
    }

    @Test
    void missingColumn_isRefusedNamingItAndTheColumnsNeeded() throws Exception {
        assertEquals(
                "maasfin score: FILE: header lacks the model's column(s) [Amount]; the model takes"
                        + " the columns "
                        + COLUMN_LIST,
                errorFor("Time,V1,Amout\n1,2,3\n"));
    }

    @Test
    void repeatedColumn_isRefusedNamingIt() throws Exception {
        assertEquals(
                "maasfin score: FILE: header names column 'V1' twice",
                errorFor("Time,V1,Amount,V1\n1,2,3,4\n"));
    }

    @Test
    void shortRow_isRefusedNamingRowAndLine() throws Exception {
        // a blank line is skipped, so data row 2 is file line 4
        assertEquals(
                "maasfin score: FILE: row 2 (line 4) has 2 fields but the header has 3",
                errorFor("Time,V1,Amount\n1,2,3\n\n4,5\n"));
    }

    @Test
    void nanCell_isRefusedNamingRowAndColumn_withTheValueWithheld() throws Exception {
        assertEquals(
                "maasfin score: FILE: row 2 (line 3), column 'V1': value <withheld: personal"
                        + " column> is not a finite decimal number (NaN and inf are refused)",
                errorFor("Time,V1,Amount\n1,2,3\n4,NaN,6\n"));
    }

    @Test
    void textCell_isRefusedWithoutPrintingIt() throws Exception {
        String e = errorFor("Time,V1,Amount\n1,2,3\n4,5,4111111111111111x\n");
        assertEquals(
                "maasfin score: FILE: row 2 (line 3), column 'Amount': value <withheld: personal"
                        + " column> is not a finite decimal number (NaN and inf are refused)",
                e);
    }

    @Test
    void infCell_isRefused() throws Exception {
        assertEquals(
                "maasfin score: FILE: row 1 (line 2), column 'Time': value <withheld: personal"
                        + " column> is not a finite decimal number (NaN and inf are refused)",
                errorFor("Time,V1,Amount\ninf,2,3\n"));
    }

    @Test
    void emptyCell_isRefusedNamingRowAndColumn() throws Exception {
        assertEquals(
                "maasfin score: FILE: row 1 (line 2), column 'Amount': the cell is empty",
                errorFor("Time,V1,Amount\n1,2,\n"));
    }

    @Test
    void overflowingCell_isRefused() throws Exception {
        assertEquals(
                "maasfin score: FILE: row 1 (line 2), column 'V1': value <withheld: personal"
                        + " column> overflows a double",
                errorFor("Time,V1,Amount\n1,1e999,3\n"));
    }

    /**
     * A value the CSV check and the schema accept but whose z-score a float cannot hold: the
     * pipeline refuses it for its window 1 (0-based), which the file calls row 2 on line 3.
     */
    @Test
    void valueScalingBeyondFloatRange_isRefusedNamingTheFileRowAndColumn() throws Exception {
        assertEquals(
                "maasfin score: FILE: row 2 (line 3), column 'V1': value scales to <withheld:"
                        + " personal column>, beyond the float range of the model input (|x| <="
                        + " 3.4028235E38)",
                errorFor("Time,V1,Amount\n1,0.5,3\n2,1e300,3\n"));
    }

    @Test
    void joined_takesTheMessagesOwnRowNumberOut() {
        // the two message forms of InputSchema.checkRow: a column's value, and a one-hot group
        assertEquals(
                "row 2 (line 3), column 'a=x': value 2.0 must lie in [0.0, 1.0]",
                FeatureRowsCsv.joined(
                        "row 2 (line 3)",
                        "column 'a=x' row 2: value 2.0 must lie in [0.0, 1.0]",
                        2));
        assertEquals(
                "row 2 (line 3): one-hot group 'a' must have exactly one member equal to 1",
                FeatureRowsCsv.joined(
                        "row 2 (line 3)",
                        "row 2: one-hot group 'a' must have exactly one member equal to 1",
                        2));
        assertEquals("row 2 (line 3): other", FeatureRowsCsv.joined("row 2 (line 3)", "other", 2));
    }

    private static void assertOneLineError(CliRun r, String expected) {
        assertEquals(CliRun.userError(), r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("maasfin score: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
