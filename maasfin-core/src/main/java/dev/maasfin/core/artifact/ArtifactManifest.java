// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SHA-256 digest and size of every file in an artifact directory, stored as {@value
 * #MANIFEST_FILE} in that directory.
 *
 * <p>Paths are relative with {@code /} separators and sorted; digests are lower-case hex. The
 * manifest covers every regular file except itself and its signature ({@value #SIGNATURE_FILE}).
 * The JSON form is deterministic (fixed field order, sorted paths, two-space indent, {@code \n}
 * line ends), so the same files always give the same bytes, which is what {@link ArtifactSigner}
 * signs. Format:
 *
 * <pre>{@code
 * {"formatVersion":1,"algorithm":"SHA-256","files":{"meta.json":{"sha256":"1b09…","size":31}}}
 * }</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class ArtifactManifest {

    /** File name of the manifest inside an artifact directory. */
    public static final String MANIFEST_FILE = "MANIFEST.json";

    /** File name of the manifest's signature inside an artifact directory. */
    public static final String SIGNATURE_FILE = "MANIFEST.sig";

    /** The manifest format version written and accepted. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> RESERVED = Set.of(MANIFEST_FILE, SIGNATURE_FILE);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, FileEntry> files;

    private ArtifactManifest(Map<String, FileEntry> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * Digest and size of one file.
     *
     * @param sha256 lower-case hex SHA-256 of the content
     * @param size the content length in bytes
     */
    public record FileEntry(String sha256, long size) {}

    /**
     * Computes the manifest of every file in {@code dir} except the manifest and signature.
     *
     * @param dir the artifact directory
     * @return the manifest
     * @throws ArtifactException if a file cannot be read or a symbolic link is present
     */
    public static ArtifactManifest compute(Path dir) throws ArtifactException {
        Map<String, FileEntry> out = new TreeMap<>();
        for (String rel : ArtifactFiles.listFiles(dir)) {
            if (!RESERVED.contains(rel)) {
                out.put(rel, entryOf(dir.resolve(rel)));
            }
        }
        return new ArtifactManifest(out);
    }

    /**
     * Computes the manifest of {@code dir} and writes it as {@value #MANIFEST_FILE}, replacing any
     * previous one atomically.
     *
     * @param dir the artifact directory
     * @return the manifest written
     * @throws ArtifactException if a file cannot be read or the manifest cannot be written
     */
    public static ArtifactManifest write(Path dir) throws ArtifactException {
        ArtifactManifest m = compute(dir);
        try {
            ArtifactFiles.replaceAtomically(dir.resolve(MANIFEST_FILE), m.toJson());
        } catch (IOException e) {
            throw new ArtifactException("cannot write " + MANIFEST_FILE + " in " + dir, e);
        }
        return m;
    }

    /**
     * Reads {@value #MANIFEST_FILE} from {@code dir} without checking the files.
     *
     * @param dir the artifact directory
     * @return the stored manifest
     * @throws ArtifactException if the manifest is missing or malformed
     */
    public static ArtifactManifest read(Path dir) throws ArtifactException {
        try {
            return parse(Files.readAllBytes(dir.resolve(MANIFEST_FILE)));
        } catch (NoSuchFileException e) {
            throw new ArtifactException("artifact " + dir + " has no " + MANIFEST_FILE, e);
        } catch (ArtifactException e) {
            // read, but malformed: say what is wrong with it, not that it could not be read
            throw new ArtifactException(e.getMessage() + " (artifact " + dir + ")", e);
        } catch (IOException e) {
            throw new ArtifactException(
                    "cannot read " + MANIFEST_FILE + " in " + dir + ": " + e, e);
        }
    }

    /**
     * Reads the stored manifest of {@code dir} and checks every file against it.
     *
     * @param dir the artifact directory
     * @return the verified manifest
     * @throws ArtifactException if the manifest is missing, or a file is missing, extra, truncated
     *     or altered; the message names the file, the expected and the actual digest
     */
    public static ArtifactManifest verify(Path dir) throws ArtifactException {
        ArtifactManifest m = read(dir);
        m.verifyFiles(dir);
        return m;
    }

    /**
     * Parses manifest JSON bytes.
     *
     * @param json the bytes of a {@value #MANIFEST_FILE}
     * @return the manifest
     * @throws ArtifactException if the JSON is malformed or of an unknown format version
     */
    public static ArtifactManifest parse(byte[] json) throws ArtifactException {
        try {
            JsonNode root = JSON.readTree(json);
            int version = root.path("formatVersion").asInt(-1);
            if (version != FORMAT_VERSION || !"SHA-256".equals(root.path("algorithm").asText())) {
                throw new ArtifactException(
                        MANIFEST_FILE
                                + " formatVersion must be "
                                + FORMAT_VERSION
                                + " with algorithm SHA-256 but was "
                                + version
                                + " / "
                                + root.path("algorithm").asText());
            }
            return new ArtifactManifest(parseFiles(root.path("files")));
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException(MANIFEST_FILE + " is not valid JSON", e);
        }
    }

    private static Map<String, FileEntry> parseFiles(JsonNode node) throws ArtifactException {
        if (!node.isObject()) {
            throw new ArtifactException(MANIFEST_FILE + " has no 'files' object");
        }
        Map<String, FileEntry> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String sha = e.getValue().path("sha256").asText("");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new ArtifactException(
                        MANIFEST_FILE
                                + " entry "
                                + e.getKey()
                                + " has no valid sha256 (64 lower-case hex digits)");
            }
            out.put(e.getKey(), new FileEntry(sha, e.getValue().path("size").asLong(-1)));
        }
        return out;
    }

    /**
     * Checks every file of {@code dir} against this manifest.
     *
     * @param dir the artifact directory
     * @throws ArtifactException naming the first missing, altered or extra file with both digests
     */
    public void verifyFiles(Path dir) throws ArtifactException {
        for (Map.Entry<String, FileEntry> e : files.entrySet()) {
            checkFile(dir, e.getKey(), e.getValue());
        }
        List<String> extra = new ArrayList<>(ArtifactFiles.listFiles(dir));
        extra.removeAll(files.keySet());
        extra.removeAll(RESERVED);
        if (!extra.isEmpty()) {
            String rel = extra.get(0);
            throw new ArtifactException(
                    "artifact file "
                            + rel
                            + " is not in the manifest (actual sha256 "
                            + entryOf(dir.resolve(rel)).sha256()
                            + "); extra files: "
                            + extra);
        }
    }

    private static void checkFile(Path dir, String rel, FileEntry expected)
            throws ArtifactException {
        Path file = ArtifactFiles.resolveInside(dir, rel);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactException(
                    "artifact file "
                            + rel
                            + " is missing; expected sha256 "
                            + expected.sha256()
                            + " but actual: no file");
        }
        FileEntry actual = entryOf(file);
        if (!actual.sha256().equals(expected.sha256()) || actual.size() != expected.size()) {
            throw new ArtifactException(
                    "artifact file "
                            + rel
                            + " was altered: expected sha256 "
                            + expected.sha256()
                            + " ("
                            + expected.size()
                            + " bytes) but actual sha256 "
                            + actual.sha256()
                            + " ("
                            + actual.size()
                            + " bytes)"
                            + EDITED_MANIFEST);
        }
    }

    /**
     * Appended to a digest mismatch: the manifest records the digests, so a mismatch means the file
     * or the manifest's entry for it changed, and an unsigned manifest cannot tell which.
     */
    static final String EDITED_MANIFEST =
            "; either the file or its entry in " + MANIFEST_FILE + " was changed";

    /**
     * Returns the lower-case hex SHA-256 of a file's content.
     *
     * @param file the file
     * @return 64 hex characters
     * @throws ArtifactException if the file cannot be read
     */
    public static String sha256Hex(Path file) throws ArtifactException {
        return entryOf(file).sha256();
    }

    private static FileEntry entryOf(Path file) throws ArtifactException {
        MessageDigest md = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                size += n;
            }
        } catch (IOException e) {
            throw new ArtifactException("cannot read artifact file " + file, e);
        }
        return new FileEntry(HexFormat.of().formatHex(md.digest()), size);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Returns the deterministic JSON bytes of this manifest (UTF-8).
     *
     * @return the bytes written to {@value #MANIFEST_FILE}
     */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("algorithm", "SHA-256");
        ObjectNode fileNode = root.putObject("files");
        files.forEach(
                (rel, e) ->
                        fileNode.putObject(rel).put("sha256", e.sha256()).put("size", e.size()));
        try {
            String text = JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render manifest JSON", e);
        }
    }

    /**
     * Returns relative path → lower-case hex SHA-256, sorted by path.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> digests() {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.sha256()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns relative path → digest and size, sorted by path.
     *
     * @return an unmodifiable map
     */
    public Map<String, FileEntry> files() {
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactManifest other && files.equals(other.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files);
    }

    @Override
    public String toString() {
        return "ArtifactManifest" + digests();
    }
}
