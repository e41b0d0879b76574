// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes a trained model with its preprocessing to a file-system registry, loads the published
 * version back through the registry (which verifies its manifest), rescores rows with the reloaded
 * model and compares the scores bit for bit with the original model's.
 *
 * <p>The published artifact holds {@code model/} (saved by {@link ModelArtifacts}) and {@code
 * preprocessing.json} (feature names, z-score means and sds, one-hot levels), so a host can score
 * raw rows with it alone. Thread-safe: stateless.
 */
public final class RegistryRoundTrip {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegistryRoundTrip() {}

    /**
     * The outcome of a round trip.
     *
     * @param version the published version
     * @param artifact the artifact directory inside the registry
     * @param bitIdentical whether every reloaded score equals the original bit for bit
     * @param rows how many rows were rescored
     */
    public record Result(ModelVersion version, Path artifact, boolean bitIdentical, int rows) {}

    /**
     * Stages, publishes, reloads and rescores.
     *
     * @param model the trained model
     * @param preprocessing what the model's inputs are made of, written as JSON
     * @param staging an empty or absent directory for the staged artifact (replaced)
     * @param registryRoot the registry's root directory (created if absent)
     * @param name the registry name, e.g. {@code card-fraud-ae}
     * @param metadata registry metadata (figures, data set, seed)
     * @param rows row-major inputs to rescore
     * @param n number of rows
     * @throws IOException if staging, publishing or loading fails
     */
    public static Result run(
            NeuralModel model,
            Map<String, Object> preprocessing,
            Path staging,
            Path registryRoot,
            String name,
            Map<String, String> metadata,
            float[] rows,
            int n)
            throws IOException {
        deleteTree(staging);
        Files.createDirectories(staging);
        ModelArtifacts.save(model, staging.resolve("model"));
        JSON.writeValue(staging.resolve("preprocessing.json").toFile(), preprocessing);
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(registryRoot).build();
        ModelVersion v = registry.publish(name, staging, metadata, "maasfin-examples", "demo run");
        Path artifact = registry.load(name, v.version());
        float[] before = model.predict(rows, n);
        try (NeuralModel reloaded = ModelArtifacts.load(artifact.resolve("model"))) {
            float[] after = reloaded.predict(rows, n);
            return new Result(v, artifact, bitEqual(before, after), n);
        }
    }

    private static boolean bitEqual(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path dir) throws ArtifactException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new ArtifactException("cannot clear the staging directory " + dir, e);
        }
    }
}
