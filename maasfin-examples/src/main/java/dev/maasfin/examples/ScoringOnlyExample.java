// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.core.kernel.KernelFiles;
import dev.maasfin.core.kernel.SequentialKernel;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A scoring-only host: loads a model's pure-Java kernel from a registry version and scores CSV rows
 * with no DJL, PyTorch or other native library on the class path (it uses maasfin-api and
 * maasfin-core only).
 *
 * <p>Usage: {@code ScoringOnlyExample <registryRoot> <modelName> <version|latest> <rows.csv>}. The
 * version directory must hold {@code kernel.json} and {@code kernel-weights.f32} (written by
 * maasfin-djl's {@code KernelExporter.save} into the artifact before publishing); the registry
 * verifies the artifact's manifest on load. The CSV holds one sample per line, {@code inputSize}
 * comma-separated numbers (already preprocessed, e.g. z-scored; a window time-major), with an
 * optional header line.
 *
 * <p>Output, one {@code key=value} per line: {@code djl.present} (whether {@code
 * ai.djl.engine.Engine} is loadable, false on a scoring-only host), {@code kernel}, {@code rows},
 * {@code prediction.<row>} (the outputs, comma-separated, each float printed so that it parses back
 * to the same bits), then {@code latency.p50.micros} and {@code latency.p99.micros} of single-row
 * calls after warm-up. Failures print one line to stderr and exit with status 1.
 */
public final class ScoringOnlyExample {
    private static final int WARM_UP_CALLS = 20_000;
    private static final int TIMED_CALLS = 20_000;

    private ScoringOnlyExample() {}

    /**
     * Runs the example.
     *
     * @param args registry root, model name, version number or {@code latest}, CSV file
     */
    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("scoring failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Loads the kernel, scores every row and prints the results to {@code out}.
     *
     * @param args registry root, model name, version number or {@code latest}, CSV file
     * @param out where to print
     * @throws IllegalArgumentException if the arguments or the CSV are malformed (the message names
     *     the argument or the line)
     * @throws IOException if the registry or the files cannot be read or fail verification
     */
    public static void run(String[] args, PrintStream out) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "arguments must be <registryRoot> <modelName> <version|latest> <rows.csv> but"
                            + " were "
                            + Arrays.toString(args));
        }
        out.println("djl.present=" + djlPresent());
        SequentialKernel kernel = loadKernel(Paths.get(args[0]), args[1], args[2]);
        out.println("kernel=" + kernel);
        float[][] rows = readRows(Paths.get(args[3]), kernel.inputSize());
        out.println("rows=" + rows.length);
        float[] y = new float[kernel.outputSize()];
        for (int i = 0; i < rows.length; i++) {
            kernel.predict(rows[i], 0, y, 0);
            out.println("prediction." + i + "=" + join(y));
        }
        long[] nanos = latencies(kernel, rows);
        out.printf(Locale.ROOT, "latency.p50.micros=%.3f%n", percentile(nanos, 0.50) / 1e3);
        out.printf(Locale.ROOT, "latency.p99.micros=%.3f%n", percentile(nanos, 0.99) / 1e3);
    }

    private static boolean djlPresent() {
        try {
            Class.forName("ai.djl.engine.Engine", false, ScoringOnlyExample.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static SequentialKernel loadKernel(Path root, String name, String version)
            throws IOException {
        FileSystemModelRegistry registry = FileSystemModelRegistry.builder().setRoot(root).build();
        int v;
        if ("latest".equals(version)) {
            v =
                    registry.latest(name)
                            .orElseThrow(
                                    () ->
                                            new ArtifactException(
                                                    "model "
                                                            + name
                                                            + " has no version in "
                                                            + root));
        } else {
            try {
                v = Integer.parseInt(version);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "version must be a number or 'latest' but was '" + version + "'");
            }
        }
        return KernelFiles.load(registry.load(name, v));
    }

    private static float[][] readRows(Path csv, int width) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<float[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || (n == 0 && isHeader(line))) {
                continue;
            }
            rows.add(parseRow(csv, n + 1, line, width));
        }
        return rows.toArray(new float[0][]);
    }

    private static boolean isHeader(String line) {
        String first = line.split(",", 2)[0].strip();
        try {
            Float.parseFloat(first);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static float[] parseRow(Path csv, int lineNo, String line, int width) {
        String[] cells = line.split(",", -1);
        if (cells.length != width) {
            throw new IllegalArgumentException(
                    csv
                            + ": line "
                            + lineNo
                            + " must have the kernel's inputSize = "
                            + width
                            + " values but has "
                            + cells.length);
        }
        float[] row = new float[width];
        for (int j = 0; j < width; j++) {
            try {
                row[j] = Float.parseFloat(cells[j].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        csv
                                + ": line "
                                + lineNo
                                + ", column "
                                + (j + 1)
                                + ", value '"
                                + cells[j]
                                + "' is not a number");
            }
        }
        return row;
    }

    private static long[] latencies(SequentialKernel kernel, float[][] rows) {
        float[] y = new float[kernel.outputSize()];
        for (int k = 0; k < WARM_UP_CALLS; k++) {
            kernel.predict(rows[k % rows.length], 0, y, 0);
        }
        long[] nanos = new long[TIMED_CALLS];
        for (int k = 0; k < TIMED_CALLS; k++) {
            long t0 = System.nanoTime();
            kernel.predict(rows[k % rows.length], 0, y, 0);
            nanos[k] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static String join(float[] y) {
        StringBuilder b = new StringBuilder();
        for (int o = 0; o < y.length; o++) {
            b.append(o == 0 ? "" : ",").append(y[o]);
        }
        return b.toString();
    }
}
