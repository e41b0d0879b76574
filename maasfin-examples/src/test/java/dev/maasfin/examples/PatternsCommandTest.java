// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code patterns} demo on the real S&P 500 at reduced size (stride 12, 2 epochs): the report's
 * figures are present and consistent, the plots exist, the model is in production, and bad
 * arguments end with one line.
 */
class PatternsCommandTest {
    private static final Path WORK = Path.of("target", "patterns-command-test");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

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

    private static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void patterns_onReducedSpx_writesConsistentReportPlotsAndProductionModel() throws Exception {
        Path dir = fresh("run");
        Path out = dir.resolve("out");
        Path registry = dir.resolve("registry");
        Run r =
                run(
                        "patterns",
                        "--stride",
                        "12",
                        "--epochs",
                        "2",
                        "--out",
                        out.toString(),
                        "--registry",
                        registry.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("epoch  1/2"), "progress line per epoch: " + r.out());
        JsonNode f =
                new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("figures");
        for (String key :
                new String[] {"test.accuracy", "test.balancedAccuracy", "baseline.accuracy"}) {
            double v = f.get(key).asDouble(Double.NaN);
            assertTrue(v >= 0 && v <= 1, key + " must be a share but was " + v);
        }
        checkConfusion(f);
        for (String png : new String[] {"loss.png", "accuracy.png", "examples.png"}) {
            byte[] head = head(out.resolve(png), 4);
            assertArrayEquals(PNG_MAGIC, head, png + " must be a PNG file");
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("majority"));
        checkRegistry(f, registry);
    }

    /**
     * The confusion matrix sums to the test count, its trace over the count is the accuracy, and
     * the majority baseline's accuracy is its class's row total over the count (definitions).
     */
    private static void checkConfusion(JsonNode f) {
        int n = f.get("test.count").asInt();
        assertEquals(f.get("windows.test").asInt(), n);
        JsonNode m = f.get("test.confusion");
        assertEquals(3, m.size(), "3 buckets by default");
        int total = 0;
        int trace = 0;
        int[] rows = new int[m.size()];
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.get(i).size(); j++) {
                total += m.get(i).get(j).asInt();
                rows[i] += m.get(i).get(j).asInt();
            }
            trace += m.get(i).get(i).asInt();
        }
        assertEquals(n, total, "confusion matrix must sum to the test count");
        assertEquals((double) trace / n, f.get("test.accuracy").asDouble(), 1e-12);
        int majority = indexOf(f.get("label.classes"), f.get("baseline.majorityClass").asText());
        assertEquals((double) rows[majority] / n, f.get("baseline.accuracy").asDouble(), 1e-12);
        double p = f.get("significance.nonOverlapping.pValue").asDouble();
        assertTrue(p >= 0 && p <= 1, "p-value " + p);
        assertTrue(f.get("significance.nonOverlapping.count").asInt() <= n);
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("majority class " + name + " not among " + names);
    }

    private static void checkRegistry(JsonNode f, Path registry) throws Exception {
        FileSystemModelRegistry reg = FileSystemModelRegistry.builder().setRoot(registry).build();
        int version = f.get("registry.version").asInt();
        assertEquals(version, reg.current("spx-patterns-cnn", "production").getAsInt());
        assertTrue(f.get("registry.rescoreBitIdentical").asBoolean(), "reloaded model rescored");
    }

    @Test
    void patterns_whenDataDirectoryMissing_printsOneLineNamingTheFile() throws Exception {
        Path empty = fresh("empty-data");
        Run r = run("patterns", "--data", empty.toString());
        assertOneLineError(r, empty.resolve("spx-daily/spx.csv").toString());
    }

    @Test
    void patterns_whenWindowLongerThanSeries_printsOneLineNamingWindow() {
        Run r = run("patterns", "--window", "100000");
        assertOneLineError(r, "--window must be <= the series length 8111");
        assertTrue(r.err().contains("100000"), r.err());
    }

    @Test
    void patterns_whenEncodingUnknown_printsOneLineNamingIt() {
        Run r = run("patterns", "--encoding", "fourier");
        assertOneLineError(r, "encoding must be gasf, gadf or mtf");
        assertTrue(r.err().contains("'fourier'"), r.err());
    }

    @Test
    void patterns_whenEpochsNotPositive_printsOneLineWithTheRule() {
        Run r = run("patterns", "--epochs", "0");
        assertOneLineError(r, "--epochs must be >= 1 but was 0");
    }

    @Test
    void patterns_whenColumnUnknown_printsOneLineNamingIt() {
        Run r = run("patterns", "--column", "vwap");
        assertOneLineError(r, "--column must be open, high, low, close or adjclose");
        assertTrue(r.err().contains("'vwap'"), r.err());
    }

    private static void assertOneLineError(Run r, String expected) {
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static byte[] head(Path file, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOf(all, Math.min(n, all.length));
    }
}
