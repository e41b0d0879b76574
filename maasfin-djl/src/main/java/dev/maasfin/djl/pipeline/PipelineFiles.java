// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static dev.maasfin.core.pipeline.PipelineLayout.FEATURES_JSON;
import static dev.maasfin.core.pipeline.PipelineLayout.METADATA_JSON;
import static dev.maasfin.core.pipeline.PipelineLayout.MODEL_DIR;
import static dev.maasfin.core.pipeline.PipelineLayout.PIPELINE_JSON;
import static dev.maasfin.core.pipeline.PipelineLayout.SCHEMA_JSON;
import static dev.maasfin.core.pipeline.PipelineLayout.TRANSFORMS_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import dev.maasfin.core.artifact.ArtifactFiles;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.pipeline.OutputDecoder;
import dev.maasfin.core.pipeline.PipelineLayout;
import dev.maasfin.core.pipeline.PipelineMetadata;
import dev.maasfin.core.transform.TransformStates;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the pipeline artifact directory. Thread-safe: stateless. */
final class PipelineFiles {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The key of the output decoder in {@code pipeline.json}. */
    static final String DECODER = "decoder";

    private PipelineFiles() {}

    static void save(Pipeline p, Path dir) throws ArtifactException {
        if (Files.exists(dir)) {
            throw new ArtifactException("pipeline directory already exists: " + dir);
        }
        Path tmp = null;
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp-");
            writeParts(p, tmp);
            ModelArtifacts.save(p.model(), tmp.resolve(MODEL_DIR));
            ArtifactManifest.write(tmp);
            ArtifactFiles.moveAtomically(tmp, dir);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new ArtifactException(
                    "cannot save pipeline to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeParts(Pipeline p, Path dir) throws IOException {
        write(dir, PIPELINE_JSON, JSON.writeValueAsString(description(p)));
        write(dir, FEATURES_JSON, p.features().toJson());
        write(dir, TRANSFORMS_JSON, TransformStates.toJson(states(p.transforms())));
        write(dir, SCHEMA_JSON, p.schema().toJson());
        write(dir, METADATA_JSON, p.metadata().toJson());
    }

    /**
     * The description; the decoder is written only when it is not the identity, so a pipeline
     * without one saves the same bytes as before decoders existed.
     */
    private static ObjectNode description(Pipeline p) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("formatVersion", PipelineLayout.FORMAT_VERSION);
        n.put("kind", p.kind().name());
        n.put("window", p.window());
        n.put("featureStage", p.features().type());
        n.set("columns", JSON.valueToTree(p.schema().columnNames()));
        if (!p.decoder().isIdentity()) {
            n.set(DECODER, JSON.readTree(p.decoder().toJson()));
        }
        return n;
    }

    private static List<TransformState> states(List<FittedTransform> transforms) {
        List<TransformState> out = new ArrayList<>();
        for (FittedTransform t : transforms) {
            out.add(t.state());
        }
        return out;
    }

    private static void write(Path dir, String file, String text) throws IOException {
        ArtifactFiles.writeDurably(dir.resolve(file), text.getBytes(StandardCharsets.UTF_8));
    }

    static Pipeline load(Path dir, DeviceSpec device, int version) throws ArtifactException {
        PipelineLayout.verify(dir);
        JsonNode desc = readDescription(dir);
        Pipeline.Builder b = Pipeline.builder();
        try {
            b.setFeatures(
                    FeatureStages.fromJson(
                            desc.path("featureStage").asText(), read(dir, FEATURES_JSON)));
            for (TransformState s : TransformStates.listFromJson(read(dir, TRANSFORMS_JSON))) {
                b.optTransform(TransformStates.restore(s));
            }
            b.setSchema(InputSchema.fromJson(read(dir, SCHEMA_JSON)));
            b.setMetadata(PipelineMetadata.fromJson(read(dir, METADATA_JSON)));
            if (desc.hasNonNull(DECODER)) {
                b.optDecoder(OutputDecoder.fromJson(desc.get(DECODER).toString()));
            }
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(
                    "pipeline artifact " + dir + " has an invalid part: " + e.getMessage(), e);
        }
        return withModel(b, dir, device).withVersion(version);
    }

    private static Pipeline withModel(Pipeline.Builder b, Path dir, DeviceSpec device)
            throws ArtifactException {
        Path modelDir = dir.resolve(MODEL_DIR);
        NeuralModel model =
                device == null
                        ? ModelArtifacts.load(modelDir)
                        : ModelArtifacts.load(modelDir, device);
        try {
            return b.setModel(model).build();
        } catch (RuntimeException e) {
            model.close();
            throw new ArtifactException(
                    "pipeline artifact " + dir + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private static JsonNode readDescription(Path dir) throws ArtifactException {
        JsonNode n;
        try {
            n = JSON.readTree(read(dir, PIPELINE_JSON));
        } catch (IOException e) {
            throw new ArtifactException(PIPELINE_JSON + " in " + dir + " is not valid JSON", e);
        }
        int v = n.path("formatVersion").asInt(-1);
        if (v != PipelineLayout.FORMAT_VERSION) {
            throw new ArtifactException(
                    PIPELINE_JSON
                            + " in "
                            + dir
                            + " has format version "
                            + n.path("formatVersion")
                            + "; supported versions: ["
                            + PipelineLayout.FORMAT_VERSION
                            + "]");
        }
        return n;
    }

    private static String read(Path dir, String file) throws ArtifactException {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + file + " in " + dir, e);
        }
    }

    static ModelVersion publish(
            Pipeline p, ModelRegistry registry, String name, Path staging, String who, String why)
            throws ArtifactException {
        save(p, staging);
        try {
            return registry.publish(name, staging, registryMetadata(p), who, why);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static Map<String, String> registryMetadata(Pipeline p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("artifact", "maasfin-pipeline");
        m.put("formatVersion", String.valueOf(PipelineLayout.FORMAT_VERSION));
        m.put("kind", p.kind().name());
        m.put("window", String.valueOf(p.window()));
        m.put("dataFingerprint", p.metadata().dataFingerprint());
        m.put("seed", String.valueOf(p.metadata().seed()));
        m.put("maasfinVersion", p.metadata().maasfinVersion());
        if (!p.decoder().isIdentity()) {
            m.put("decoder", p.decoder().kind().name());
        }
        return m;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            ArtifactFiles.deleteRecursively(dir);
        } catch (IOException ignored) {
            // best effort: a leftover temporary directory has a name no loader opens
        }
    }
}
