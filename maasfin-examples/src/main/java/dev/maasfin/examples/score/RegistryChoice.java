// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.pipeline.PipelineLayout;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The registry version the {@code score} command serves, checked before anything is loaded so that
 * each user mistake gets a one-line message naming what is there instead. It also reads, from the
 * verified artifact and without loading the network, which input the version takes (bars or, for a
 * {@link FeatureStages#featureRows feature-rows} pipeline, feature rows), its input schema and the
 * class names its provenance records (hyper-parameter {@value #CLASSES_KEY}, if any).
 *
 * <p>Immutable and thread-safe once resolved; {@link #open()} hands the scorer to the caller.
 */
final class RegistryChoice {
    static final String PIPELINE_ARTIFACT = "maasfin-pipeline";

    /** The provenance hyper-parameter naming a classifier's classes, e.g. {@code 0=good,1=bad}. */
    static final String CLASSES_KEY = "classes";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystemModelRegistry registry;
    private final ModelVersion version;
    private final String how;
    private final String featureStage;
    private final InputSchema schema;
    private final String classes;

    private RegistryChoice(
            FileSystemModelRegistry registry,
            ModelVersion version,
            String how,
            String featureStage,
            InputSchema schema,
            String classes) {
        this.registry = registry;
        this.version = version;
        this.how = how;
        this.featureStage = featureStage;
        this.schema = schema;
        this.classes = classes;
    }

    /**
     * Picks the version: {@code version} if given, else the current holder of {@code stage}.
     *
     * @throws IllegalArgumentException if the registry folder is missing or holds no model, the
     *     name is missing or unknown (listing the names present), the stage holds no version or the
     *     version does not exist (listing the versions), or the version is not a pipeline
     * @throws ArtifactException if the registry cannot be read
     */
    static RegistryChoice resolve(Path root, String name, String stage, Integer version)
            throws ArtifactException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "registry "
                            + root.toAbsolutePath().normalize()
                            + " does not exist (give --registry, or publish a model first, e.g."
                            + " run `maasfin forecast`)");
        }
        List<String> names = modelNames(root);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    "registry "
                            + root.toAbsolutePath().normalize()
                            + " is empty: no published model (publish one first, e.g. run"
                            + " `maasfin forecast`)");
        }
        if (name == null || !names.contains(name)) {
            throw new IllegalArgumentException(
                    (name == null ? "--name is required" : "no model named '" + name + "'")
                            + " in registry "
                            + root
                            + "; names present: "
                            + String.join(", ", names));
        }
        FileSystemModelRegistry registry = FileSystemModelRegistry.builder().setRoot(root).build();
        ModelVersion v = pick(registry, name, stage, version);
        checkIsPipeline(v);
        String how = version != null ? "given by --version" : "current in stage " + stage;
        Path dir = registry.load(name, v.version());
        return new RegistryChoice(
                registry, v, how, featureStageOf(dir), schemaOf(dir), classesOf(dir));
    }

    /** The feature stage type recorded in a verified pipeline artifact's description. */
    private static String featureStageOf(Path dir) throws ArtifactException {
        String file = PipelineLayout.PIPELINE_JSON;
        try {
            return JSON.readTree(dir.resolve(file).toFile()).path("featureStage").asText();
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + file + " in " + dir, e);
        }
    }

    /** The class names recorded in the artifact's provenance, or "" if none are. */
    private static String classesOf(Path dir) throws ArtifactException {
        String file = PipelineLayout.METADATA_JSON;
        try {
            return JSON.readTree(dir.resolve(file).toFile())
                    .path("hyperParameters")
                    .path(CLASSES_KEY)
                    .asText("");
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + file + " in " + dir, e);
        }
    }

    private static InputSchema schemaOf(Path dir) throws ArtifactException {
        String file = PipelineLayout.SCHEMA_JSON;
        try {
            return InputSchema.fromJson(
                    Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException("cannot read " + file + " in " + dir, e);
        }
    }

    private static ModelVersion pick(
            FileSystemModelRegistry registry, String name, String stage, Integer version)
            throws ArtifactException {
        List<Integer> present = registry.list(name).stream().map(ModelVersion::version).toList();
        if (version != null) {
            return registry.find(name, version)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "--version "
                                                    + version
                                                    + " of '"
                                                    + name
                                                    + "' does not exist; versions present: "
                                                    + present));
        }
        int current =
                registry.current(name, stage)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "stage '"
                                                        + stage
                                                        + "' of '"
                                                        + name
                                                        + "' holds no version; promote one or"
                                                        + " pass --version (versions present: "
                                                        + present
                                                        + ")"));
        return registry.find(name, current).orElseThrow();
    }

    private static void checkIsPipeline(ModelVersion v) {
        String artifact = v.metadata().get("artifact");
        if (!PIPELINE_ARTIFACT.equals(artifact)) {
            throw new IllegalArgumentException(
                    "version "
                            + v.version()
                            + " of '"
                            + v.name()
                            + "' is not a scoring pipeline (metadata artifact = "
                            + artifact
                            + "); publish it with Pipeline.publish");
        }
    }

    /** The model names in a registry folder: its non-hidden subfolders, sorted. */
    static List<String> modelNames(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether the chosen version takes feature rows (a tabular pipeline) not bars. */
    boolean takesFeatureRows() {
        return FeatureStages.FEATURE_ROWS.equals(featureStage);
    }

    /** Returns the chosen version's input schema, read from its artifact. */
    InputSchema schema() {
        return schema;
    }

    /** Returns the class names the version's provenance records, or "" if it records none. */
    String classes() {
        return classes;
    }

    /** Returns the chosen version's registry entry. */
    ModelVersion modelVersion() {
        return version;
    }

    /** Says how the version was chosen, e.g. {@code current in stage production}. */
    String how() {
        return how;
    }

    /**
     * Loads the version and returns a scorer serving it on the requested path (owned by the
     * caller).
     *
     * @throws ArtifactException if the artifact cannot be loaded or fails verification
     * @throws IllegalArgumentException if the kernel path is forced on an architecture without one
     */
    Scorer open(String stage, ScoringPath path) throws ArtifactException {
        return Scorer.builder()
                .setRegistry(registry)
                .setName(version.name())
                .setStage(stage)
                .optVersion(version.version())
                .optPath(path)
                .build();
    }
}
