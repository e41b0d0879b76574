// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishes a demo's scoring {@link Pipeline} to a file-system registry, promotes it to {@value
 * #STAGE} (so {@code maasfin score} serves it by default), loads the published version back through
 * the registry (which verifies its manifest), scores the demo's raw test rows with it and compares
 * the scores bit for bit with the demo's in-memory scores: the training/serving skew check.
 *
 * <p>The reloaded pipeline scores all rows in one call on the DJL path, as the demo did, so the
 * batch composition is the same and equal bits are expected (see the reproducibility note in {@link
 * Pipeline}). Thread-safe: stateless.
 */
public final class RegistryRoundTrip {
    /** The stage the published version is promoted to. */
    public static final String STAGE = "production";

    private static final String WHO = "maasfin-examples";

    private RegistryRoundTrip() {}

    /**
     * The outcome of a round trip.
     *
     * @param version the published version
     * @param artifact the artifact directory inside the registry
     * @param bitIdentical whether every reloaded score equals the demo's bit for bit
     * @param rows how many rows were rescored
     */
    public record Result(ModelVersion version, Path artifact, boolean bitIdentical, int rows) {}

    /**
     * Publishes, promotes, reloads and rescores.
     *
     * @param pipeline the demo's pipeline (the caller keeps and closes it)
     * @param staging a directory for the staged artifact (replaced if present, removed after)
     * @param registryRoot the registry's root directory (created if absent)
     * @param name the registry name, e.g. {@code card-fraud-ae}
     * @param rawRows the demo's test rows before any scaling, in schema order
     * @param expected the demo's in-memory score of each row
     * @param output which output of each row is the score (0 for a detector, 1 for P(class 1))
     * @throws IOException if staging, publishing or loading fails
     * @throws IllegalArgumentException if {@code expected} and {@code rawRows} differ in length
     */
    public static Result run(
            Pipeline pipeline,
            Path staging,
            Path registryRoot,
            String name,
            double[][] rawRows,
            float[] expected,
            int output)
            throws IOException {
        if (expected.length != rawRows.length) {
            throw new IllegalArgumentException(
                    "expected must hold one score per row ("
                            + rawRows.length
                            + ") but held "
                            + expected.length);
        }
        clear(staging);
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(registryRoot).build();
        ModelVersion v = pipeline.publish(registry, name, staging, WHO, "demo run");
        registry.promote(name, v.version(), STAGE, WHO, "demo run: scored on the test part");
        try (Pipeline reloaded = Pipeline.fromRegistry(registry, name, v.version())) {
            BatchPrediction p = reloaded.scoreBatch(TabularPipelines.windows(rawRows));
            boolean same = true;
            for (int i = 0; i < rawRows.length; i++) {
                same &=
                        Float.floatToRawIntBits(p.value(i, output))
                                == Float.floatToRawIntBits(expected[i]);
            }
            return new Result(v, registry.load(name, v.version()), same, rawRows.length);
        }
    }

    /**
     * Deletes a directory tree if present (a demo's scratch space).
     *
     * @throws ArtifactException if a file cannot be deleted
     */
    public static void clear(Path dir) throws ArtifactException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new ArtifactException("cannot clear the directory " + dir, e);
        }
    }
}
