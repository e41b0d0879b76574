// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.export.KernelExporter;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's scoring-only host: a model exported and published with DJL in this JVM is scored by
 * {@link ScoringOnlyExample} in a child JVM whose class path has no DJL, no PyTorch and no
 * maasfin-djl, and the child's predictions equal DJL's.
 *
 * <p>Tolerance: 1e-5 relative plus 1e-6 absolute per output, the equivalence bound; the
 * expected values are DJL/PyTorch's, computed in this JVM.
 */
class ScoringOnlyExampleTest {
    private static final int WIDTH = 30;
    private static final int ROWS = 25;
    private static final String NAME = "fraud-autoencoder";

    @Test
    void childJvmWithoutDjl_scoresRegistryKernel_likeDjlInProcess() throws Exception {
        Path work = Paths.get("target", "scoring-only", UUID.randomUUID().toString());
        float[] rows = rows(ROWS);
        Path csv = writeCsv(work.resolve("rows.csv"), rows);
        float[] expected;
        ModelVersion version;
        Path registryRoot = work.resolve("registry");
        try (NeuralModel model = NeuralModel.create(spec(), DeviceSpec.cpu(), 11)) {
            Path artifact = work.resolve("artifact");
            ModelArtifacts.save(model, artifact);
            KernelExporter.save(model, artifact);
            version =
                    FileSystemModelRegistry.builder()
                            .setRoot(registryRoot)
                            .build()
                            .publish(NAME, artifact, Map.of(), "test", "scoring-only host test");
            expected = model.predict(rows, ROWS);
        }

        Map<String, String> out =
                runChild(registryRoot, String.valueOf(version.version()), csv, work);

        assertEquals("0", out.get("exit"), out.get("stderr"));
        assertEquals("false", out.get("djl.present"), "ai.djl.engine.Engine loadable in child");
        assertEquals(String.valueOf(ROWS), out.get("rows"));
        for (int i = 0; i < ROWS; i++) {
            String[] cells = out.get("prediction." + i).split(",");
            assertEquals(WIDTH, cells.length, "row " + i);
            for (int o = 0; o < WIDTH; o++) {
                float d = expected[i * WIDTH + o];
                assertEquals(d, Float.parseFloat(cells[o]), 1e-5 * Math.abs(d) + 1e-6, "row " + i);
            }
        }
        assertTrue(Double.parseDouble(out.get("latency.p50.micros")) > 0, out.toString());
    }

    @Test
    void run_whenRowHasWrongWidth_namesFileLineAndWidth() throws Exception {
        Path work = Paths.get("target", "scoring-only", UUID.randomUUID().toString());
        Path registryRoot = work.resolve("registry");
        try (NeuralModel model = NeuralModel.create(spec(), DeviceSpec.cpu(), 11)) {
            Path artifact = work.resolve("artifact");
            KernelExporter.save(model, artifact);
            FileSystemModelRegistry.builder()
                    .setRoot(registryRoot)
                    .build()
                    .publish(NAME, artifact, Map.of(), "test", "bad csv test");
        }
        Path csv = work.resolve("bad.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        String[] args = {registryRoot.toString(), NAME, "latest", csv.toString()};
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, "UTF-8");

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> ScoringOnlyExample.run(args, sink));

        assertEquals(
                csv + ": line 2 must have the kernel's inputSize = 30 values but has 2",
                e.getMessage());
    }

    private static DenseAutoencoderSpec spec() {
        return DenseAutoencoderSpec.builder()
                .setInputWidth(WIDTH)
                .optHiddenWidths(16, 8, 16)
                .optActivation(Activation.TANH)
                .build();
    }

    /** Seeded z-score-like rows, uniform in ±5 sd. */
    private static float[] rows(int n) {
        Random rnd = new Random(5);
        float[] x = new float[n * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((rnd.nextDouble() * 2 - 1) * 5);
        }
        return x;
    }

    private static Path writeCsv(Path file, float[] rows) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < WIDTH; j++) {
            b.append(j == 0 ? "" : ",").append("f").append(j);
        }
        b.append('\n');
        for (int i = 0; i < rows.length / WIDTH; i++) {
            for (int j = 0; j < WIDTH; j++) {
                b.append(j == 0 ? "" : ",").append(rows[i * WIDTH + j]);
            }
            b.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, String> runChild(Path registry, String version, Path csv, Path work)
            throws Exception {
        String cp = System.getProperty("surefire.test.class.path", "");
        if (cp.isEmpty()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> all = List.of(cp.split(File.pathSeparator));
        List<String> kept = new ArrayList<>();
        for (String entry : all) {
            String p = entry.replace('\\', '/').toLowerCase(Locale.ROOT);
            if (!p.contains("ai/djl") && !p.contains("pytorch") && !p.contains("maasfin-djl")) {
                kept.add(entry);
            }
        }
        assertTrue(
                all.size() - kept.size() >= 3,
                "filtering should drop DJL api, the PyTorch engine and maasfin-djl from " + all);
        List<String> cmd =
                List.of(
                        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        String.join(File.pathSeparator, kept),
                        ScoringOnlyExample.class.getName(),
                        registry.toString(),
                        NAME,
                        version,
                        csv.toString());
        Path stderr = work.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scoring-only child JVM timed out");
        }
        Map<String, String> out = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        out.put("exit", String.valueOf(p.exitValue()));
        out.put("stderr", Files.readString(stderr));
        return out;
    }
}
