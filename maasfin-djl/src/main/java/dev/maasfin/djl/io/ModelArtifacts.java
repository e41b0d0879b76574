// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.engine.EngineInfo;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.export.KernelExporter;
import dev.maasfin.djl.model.NetworkSpec;
import dev.maasfin.djl.model.NetworkSpecs;
import dev.maasfin.djl.model.NeuralModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes and reads a {@link NeuralModel} as an artifact directory.
 *
 * <p>Layout (format version {@value #FORMAT_VERSION}):
 *
 * <ul>
 *   <li>{@code block.params}: the parameters in DJL's block format ({@code Block.saveParameters});
 *   <li>{@code model.json}: format version, kind, architecture type and hyper-parameters, input
 *       shape, output width, seed, device, fitted state, training settings and outcome, and
 *       provenance (maasfin, DJL, engine, Java versions, OS and architecture, time written);
 *   <li>{@code MANIFEST.json}: the SHA-256 digest and size of every file above, written and checked
 *       by {@link ArtifactManifest} (the one manifest format of maasfin). Format 1 artifacts carry
 *       {@code MANIFEST.sha256} ({@code sha256sum} lines) instead; they are still read, their
 *       digests compared with those {@link ArtifactManifest#compute} finds.
 * </ul>
 *
 * <p>Saving writes everything to a temporary sibling directory and then renames it into place
 * atomically, so a crash leaves no partial artifact under the target name. Loading verifies the
 * manifest before reading anything else, checks the format version, rebuilds the block from {@code
 * model.json} and loads the parameters, so predictions after a load are bit-identical on the same
 * engine and device. Thread-safe: stateless; concurrent saves to the same target make all but one
 * fail.
 */
public final class ModelArtifacts {

    /** The format version this class writes. */
    public static final int FORMAT_VERSION = 2;

    /** The format versions this class reads. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1, 2);

    /** Parameter file name. */
    public static final String PARAMS_FILE = "block.params";

    /** Metadata file name. */
    public static final String MODEL_JSON = "model.json";

    /** Manifest file name ({@link ArtifactManifest#MANIFEST_FILE}). */
    public static final String MANIFEST = ArtifactManifest.MANIFEST_FILE;

    /** Manifest file name of format 1 artifacts, still read. */
    public static final String LEGACY_MANIFEST = "MANIFEST.sha256";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifacts() {}

    /**
     * Saves a model to a new directory {@code dir}.
     *
     * <p>When {@link KernelExporter} supports the architecture, the artifact also holds the model's
     * pure-Java kernel ({@code kernel.json}, {@code kernel-weights.f32}), covered by the same
     * manifest, so a scoring-only host can load it with {@code KernelFiles.load} and no native
     * library.
     *
     * @throws ArtifactException if {@code dir} already exists or writing fails (nothing is left
     *     under {@code dir} then)
     */
    public static void save(NeuralModel model, Path dir) throws ArtifactException {
        if (Files.exists(dir)) {
            throw new ArtifactException("artifact directory already exists: " + dir);
        }
        Path tmp = null;
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp-");
            Files.write(tmp.resolve(PARAMS_FILE), model.writeParameters());
            JSON.writeValue(tmp.resolve(MODEL_JSON).toFile(), metadata(model));
            if (KernelExporter.isSupported(model.spec())) {
                KernelExporter.save(model, tmp);
            }
            ArtifactManifest.write(tmp);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ArtifactException("cannot save model artifact to " + dir + ": " + e, e);
        }
    }

    /**
     * Loads a model saved by {@link #save} onto the device request recorded in it ({@code cpu},
     * {@code gpu:N} or {@code auto}).
     *
     * @throws ArtifactException as {@link #load(Path, DeviceSpec)}
     * @throws IllegalStateException if the recorded request was an explicit GPU this host lacks
     */
    public static NeuralModel load(Path dir) throws ArtifactException {
        verifyManifest(dir);
        Object device = readMetadata(dir).get("device");
        return load(dir, DeviceSpec.parse(String.valueOf(device)));
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @param dir the artifact directory
     * @param device where to place the parameters
     * @throws ArtifactException if a file is missing, a digest differs from the manifest (naming
     *     the file, the expected and the actual digest), the format version is not supported
     *     (listing the supported ones), or the metadata or parameters cannot be read
     */
    public static NeuralModel load(Path dir, DeviceSpec device) throws ArtifactException {
        verifyManifest(dir);
        Map<String, Object> meta = readMetadata(dir);
        checkVersion(dir, meta.get("formatVersion"));
        try {
            NetworkSpec spec = spec(meta);
            int seed = ((Number) meta.get("seed")).intValue();
            byte[] params = Files.readAllBytes(dir.resolve(PARAMS_FILE));
            NeuralModel model = NeuralModel.fromParameters(spec, device, seed, params);
            model.state().putAll(map(meta.get("state")));
            model.trainingInfo().putAll(map(meta.get("training")));
            return model;
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException(
                    "cannot load model artifact " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> metadata(NeuralModel model) {
        NetworkSpec spec = model.spec();
        Map<String, Object> arch = new LinkedHashMap<>();
        arch.put("type", spec.type());
        arch.put("hyperParameters", spec.hyperParameters());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", spec.kind().name());
        m.put("architecture", arch);
        m.put("inputShape", spec.inputShape());
        m.put("outputWidth", spec.outputWidth());
        m.put("seed", model.seed());
        m.put("device", model.deviceSpec().toString());
        m.put("resolvedDevice", model.device().toString());
        m.put("state", new LinkedHashMap<>(model.state()));
        m.put("training", new LinkedHashMap<>(model.trainingInfo()));
        m.put("provenance", provenance());
        return m;
    }

    private static Map<String, Object> provenance() {
        EngineInfo engine = Engines.ensureLoaded();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("maasfinVersion", maasfinVersion());
        p.put("djlVersion", engine.djlVersion());
        p.put("engine", engine.engineName());
        p.put("engineVersion", engine.engineVersion());
        p.put("javaVersion", System.getProperty("java.version"));
        p.put("javaVendor", System.getProperty("java.vendor"));
        p.put("os", System.getProperty("os.name"));
        p.put("osArch", System.getProperty("os.arch"));
        p.put("writtenAt", Instant.now().toString());
        return p;
    }

    /** Returns the maasfin version recorded in artifacts ("unknown" if not built by Maven). */
    public static String maasfinVersion() {
        Properties p = new Properties();
        try (InputStream in =
                ModelArtifacts.class.getResourceAsStream("maasfin-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    private static NetworkSpec spec(Map<String, Object> meta) {
        Map<String, Object> arch = map(meta.get("architecture"));
        return NetworkSpecs.fromJson((String) arch.get("type"), map(arch.get("hyperParameters")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static Map<String, Object> readMetadata(Path dir) throws ArtifactException {
        try {
            return JSON.readValue(
                    dir.resolve(MODEL_JSON).toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new ArtifactException(
                    "cannot read " + MODEL_JSON + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkVersion(Path dir, Object version) throws ArtifactException {
        if (!(version instanceof Integer) || !SUPPORTED_VERSIONS.contains(version)) {
            throw new ArtifactException(
                    MODEL_JSON
                            + " in "
                            + dir
                            + " has format version "
                            + version
                            + "; supported versions: "
                            + SUPPORTED_VERSIONS);
        }
    }

    /**
     * Checks every file of the artifact against its {@link ArtifactManifest}, and that the
     * parameter and metadata files are listed.
     *
     * @param dir the artifact directory
     * @throws ArtifactException naming the first missing, altered or extra file with the expected
     *     and actual digests
     */
    public static void verifyManifest(Path dir) throws ArtifactException {
        try {
            if (!Files.exists(dir.resolve(MANIFEST))
                    && Files.exists(dir.resolve(LEGACY_MANIFEST))) {
                verifyLegacyManifest(dir);
                return;
            }
            ArtifactManifest m = ArtifactManifest.verify(dir);
            for (String required : List.of(PARAMS_FILE, MODEL_JSON)) {
                if (!m.files().containsKey(required)) {
                    throw new ArtifactException(
                            MANIFEST + " in " + dir + " does not list " + required);
                }
            }
        } catch (dev.maasfin.api.registry.ArtifactException e) {
            if (e instanceof ArtifactException same) {
                throw same;
            }
            throw new ArtifactException(e.getMessage() + " (artifact " + dir + ")", e);
        }
    }

    /**
     * Checks a format 1 artifact: its {@value #LEGACY_MANIFEST} lines ({@code <sha256> <file>})
     * against the digests {@link ArtifactManifest#compute} finds, file by file.
     */
    private static void verifyLegacyManifest(Path dir)
            throws ArtifactException, dev.maasfin.api.registry.ArtifactException {
        Map<String, String> actual = ArtifactManifest.compute(dir).digests();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(LEGACY_MANIFEST));
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + LEGACY_MANIFEST + " in " + dir, e);
        }
        for (String line : lines) {
            if (line.length() < 67 || !line.startsWith("  ", 64)) {
                throw new ArtifactException(
                        "malformed line in " + LEGACY_MANIFEST + " of " + dir + ": '" + line + "'");
            }
            String file = line.substring(66);
            String expected = line.substring(0, 64);
            if (!expected.equals(actual.get(file))) {
                throw new ArtifactException(
                        "artifact file "
                                + file
                                + " in "
                                + dir
                                + " does not match "
                                + LEGACY_MANIFEST
                                + ": expected sha256 "
                                + expected
                                + " but actual "
                                + actual.getOrDefault(file, "no file"));
            }
        }
    }

    static String sha256(Path file) throws IOException {
        return ArtifactManifest.sha256Hex(file);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temporary directory has a name no loader opens
        }
    }
}
