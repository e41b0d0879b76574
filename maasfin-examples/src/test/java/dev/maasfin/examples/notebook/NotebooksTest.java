// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs each JShell notebook headless ({@code Notebooks --batch}) in a child JVM on reduced sizes
 * and checks its exit code, that JShell printed no compile error or exception, and its {@code
 * RESULT} line. Two notebooks run at a time; each has a time limit.
 */
class NotebooksTest {
    private static final Path RUNS = Path.of("target", "notebooks-test");
    private static final long TIMEOUT_SECONDS = 240;

    /** Reduced sizes per notebook (tutorial defaults are in each notebook). */
    private static final Map<String, List<String>> SIZES =
            Map.of(
                    "forecast",
                    List.of("-Dmaasfin.epochs=2", "-Dmaasfin.hidden=8", "-Dmaasfin.window=20"),
                    "fraud",
                    List.of("-Dmaasfin.epochs=3"),
                    "credit",
                    List.of("-Dmaasfin.epochs=3", "-Dmaasfin.igSteps=16"),
                    "patterns",
                    List.of("-Dmaasfin.epochs=2", "-Dmaasfin.stride=10"));

    private static ExecutorService pool;
    private static final Map<String, Future<Run>> RESULTS = new LinkedHashMap<>();

    /** A finished notebook run: exit code, everything it printed and its wall time. */
    record Run(int exit, String output, long millis) {
        /** The key=value pairs of the line starting with "RESULT name". */
        Map<String, String> result(String name) {
            String prefix = "RESULT " + name + " ";
            String line =
                    output.lines()
                            .filter(l -> l.startsWith(prefix))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no RESULT line in\n" + output));
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : line.substring(prefix.length()).trim().split(" ")) {
                int eq = kv.indexOf('=');
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return m;
        }
    }

    @BeforeAll
    static void startAll() throws IOException {
        Files.createDirectories(RUNS);
        pool = Executors.newFixedThreadPool(2);
        for (String name : Notebooks.NAMES) {
            RESULTS.put(name, pool.submit(() -> run(name)));
        }
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Run run(String name) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(SIZES.get(name));
        cmd.add("-Dmaasfin.out=" + RUNS.toAbsolutePath());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=1");
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-Djava.awt.headless=true");
        for (String p : List.of("maasfin.data", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add(Notebooks.class.getName());
        cmd.add("--batch");
        cmd.add(name);
        Path log = RUNS.resolve(name + ".log");
        long t0 = System.currentTimeMillis();
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        long millis = System.currentTimeMillis() - t0;
        System.out.printf(
                "notebook %s: exit %s in %d ms%n", name, done ? p.exitValue() : "-", millis);
        return new Run(done ? p.exitValue() : -1, out, millis);
    }

    private static Run finished(String name) throws Exception {
        Run r = RESULTS.get(name).get(TIMEOUT_SECONDS + 60, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), name + " exit code (-1 = timed out); output:\n" + r.output());
        for (String line : r.output().lines().toList()) {
            for (String marker : Notebooks.ERROR_MARKERS) {
                assertFalse(line.startsWith(marker), name + " printed a JShell error: " + line);
            }
        }
        assertFalse(
                r.output().contains("Exception"), name + " printed an exception:\n" + r.output());
        return r;
    }

    private static double number(Map<String, String> m, String key) {
        assertTrue(m.containsKey(key), "RESULT lacks " + key + ": " + m);
        return Double.parseDouble(m.get(key));
    }

    private static void assertProbability(Map<String, String> m, String key) {
        double v = number(m, key);
        assertTrue(v >= 0 && v <= 1, key + " must lie in [0, 1] but was " + v);
    }

    @Test
    void forecast_onReducedSizes_printsBaselinesAtReferenceFiguresAndAPositiveLstmRmse()
            throws Exception {
        Map<String, String> m = finished("forecast").result("forecast");
        double rmse = number(m, "lstm_rmse");
        assertTrue(rmse > 0 && rmse < 0.05, "lstm_rmse (daily sd units) was " + rmse);
        assertTrue(number(m, "lstm_qlike") >= 0, "QLIKE is >= 0 by definition: " + m);
        assertProbability(m, "dm_p");
        // Evaluation protocol README, reference figures on the test part: EWMA RMSE 0.00780,
        // GARCH(1,1) QLIKE 0.647 (printed to the same precision).
        assertEquals(0.00780, number(m, "ewma_rmse"), 0.000005);
        assertEquals(0.647, number(m, "garch_qlike"), 0.0005);
        assertEquals("true", m.get("reload_identical"));
    }

    @Test
    void fraud_onReducedSizes_printsAucsAndReproducesMahalanobisReference() throws Exception {
        Map<String, String> m = finished("fraud").result("fraud");
        assertProbability(m, "roc_auc");
        assertProbability(m, "pr_auc");
        // Evaluation protocol README: Mahalanobis ROC-AUC 0.973 on the fraud test part.
        assertEquals(0.973, number(m, "mahalanobis"), 0.0005);
        assertTrue(m.get("flagged_top").matches("Time|V[0-9]+|Amount"), m.toString());
        assertEquals("true", m.get("reload_identical"));
    }

    @Test
    void credit_onReducedSizes_reproducesLogisticReferenceAndNamesAReason() throws Exception {
        Map<String, String> m = finished("credit").result("credit");
        assertProbability(m, "mlp_auc");
        assertProbability(m, "mlp_brier");
        // Evaluation protocol README: logistic regression ROC-AUC 0.802, KS 0.505 (German).
        assertEquals(0.802, number(m, "lr_auc"), 0.0005);
        assertEquals(0.505, number(m, "lr_ks"), 0.0005);
        assertFalse(m.get("top_reason").isBlank(), m.toString());
        assertEquals("true", m.get("reload_identical"));
    }

    @Test
    void patterns_onReducedSizes_printsAccuraciesAgainstTheMajorityClass() throws Exception {
        Map<String, String> m = finished("patterns").result("patterns");
        assertProbability(m, "cnn_accuracy");
        assertProbability(m, "majority_accuracy");
        assertProbability(m, "cnn_auc");
        assertTrue(number(m, "test_n") > 0, m.toString());
        assertEquals("true", m.get("reload_identical"));
    }

    @Test
    void run_withUnknownNotebook_failsNamingTheNotebookAndWhereItLooked() {
        PrintStream sink =
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Notebooks.run(
                                        new String[] {"--batch", "nosuch"}, System.in, sink, sink));
        assertTrue(
                e.getMessage().startsWith("notebook 'nosuch' not found; looked for ["),
                e.getMessage());
    }

    @Test
    void run_withoutNotebook_failsWithUsage() {
        PrintStream sink =
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Notebooks.run(new String[] {"--batch"}, System.in, sink, sink));
        assertEquals(
                "no notebook given; usage: Notebooks [--batch] [-Dkey=value ...]"
                        + " <forecast|fraud|credit|patterns|path.jsh>",
                e.getMessage());
    }

    @Test
    void errorWatch_countsJShellErrorAndExceptionLines() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Notebooks.ErrorWatch w =
                new Notebooks.ErrorWatch(new PrintStream(sink, true, StandardCharsets.UTF_8));
        // As JShell prints them: bare while loading a file, prefixed "|  " at the prompt.
        w.stream().print("Error:\ncannot find symbol\n|  Exception java.lang.X\nRESULT ok\n");
        assertEquals(2, w.errors());
        assertTrue(sink.toString(StandardCharsets.UTF_8).contains("RESULT ok"));
    }
}
