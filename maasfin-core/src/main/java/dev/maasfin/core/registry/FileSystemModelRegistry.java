// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.AuditEntry;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.artifact.ArtifactFiles;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.core.artifact.ArtifactVerifier;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ModelRegistry} stored in a directory, safe across threads and processes sharing it.
 *
 * <p>Layout under the root:
 *
 * <pre>
 * .registry.lock                 file lock serialising every change
 * .tmp-&lt;uuid&gt;/ (+ .lock)        a publish in progress; ignored by readers
 * &lt;name&gt;/v&lt;N&gt;/artifact/...      the published files plus MANIFEST.json (and MANIFEST.sig)
 * &lt;name&gt;/v&lt;N&gt;/version.json      publish time, who, reason, metadata and their SHA-256
 * &lt;name&gt;/audit.jsonl            append-only audit log (source of truth for stages)
 * &lt;name&gt;/stages.json            stage holders materialised from the audit log
 * </pre>
 *
 * <p><b>Publish</b> copies the source into a temporary directory inside the root and fsyncs every
 * file, writes (or verifies a pre-existing) {@code MANIFEST.json}, then takes the registry lock,
 * picks N = highest existing version + 1 and renames the directory to {@code <name>/v<N>} in one
 * atomic step: that rename is the commit point, so a version is either absent or complete.
 * <b>Numbering policy: a number is allocated only at the commit point, so a publish that fails or
 * crashes consumes no number and versions stay contiguous (1, 2, 3, …); a number that was once
 * visible is never reused</b> (retention never deletes the highest version). A crashed publish
 * leaves only a {@code .tmp-} directory, which readers ignore and the next {@link Builder#build()}
 * removes once no live process holds its lock file.
 *
 * <p><b>Reading never writes.</b> {@link Builder#build()} on a root that does not exist creates
 * nothing: the registry is empty ({@link #list}, {@link #find}, {@link #latest}, {@link #current},
 * {@link #liveAt} and {@link #auditLog} answer empty, {@link #load} and {@link #promote} refuse
 * with "no registry at &lt;root&gt;"), {@link #rollback} and {@link #retain} refuse with {@link
 * IllegalStateException}, and the first {@link #publish} creates the root and {@code
 * .registry.lock}.
 *
 * <p><b>Integrity</b>: every file of a version is checked when read. The files under {@code
 * artifact/} are covered by {@code MANIFEST.json} (and its signature when a verifier is set);
 * {@code version.json} carries the SHA-256 of its own canonical content and must parse with every
 * field present and well typed; any other entry in {@code v<N>/} is refused. {@link #load}, {@link
 * #list} and {@link #find} refuse a corrupted {@code version.json} with an {@link
 * ArtifactException} naming the file. A {@code version.json} written before the digest existed (no
 * {@code sha256} field) is only validated, not digest-checked. Like the manifest without a
 * signature, the digest detects corruption and careless edits, not a deliberate forger who
 * recomputes it.
 *
 * <p><b>Stages</b>: a promotion or rollback appends one fsynced line to the audit log and then
 * rewrites {@code stages.json} with a temporary file and an atomic rename, so a reader sees the old
 * holder or the new one, never zero or two. Because the audit log is the source of truth, a crash
 * between the two steps is repaired at the next open or change. A version may hold several stages.
 * Promoting the current holder again changes nothing and logs nothing. Rollback pops the stage's
 * holder stack: rolling back twice goes two holders back.
 *
 * <p><b>Retention</b> ({@link #retain}) keeps the newest N versions and never deletes a current
 * stage holder; it may delete an archived version, which then is no longer a rollback target.
 * Deletion renames the version away first, so readers never see a partly deleted version.
 *
 * <p><b>Time</b> comes from the injected {@link Clock}; {@link #liveAt} replays the audit entries
 * stamped at or before the instant, in log order (clocks of several processes are assumed to
 * agree).
 *
 * <p>Limits: model names are used as directory names, so on a case-insensitive file system two
 * names differing only in case collide. Directory fsync is skipped where the platform cannot open a
 * directory. {@link #load} verifies and then returns the stored directory itself: a change made to
 * those files after {@code load} returns is not detected, so read them at once (or copy them) and
 * never write to them. A process that dies in the instant between creating its {@code .tmp-*.lock}
 * file and its staging directory leaves an empty lock file behind (harmless, never cleaned). A
 * crash after the commit rename but before the audit append leaves a version without its publish
 * audit line. Thread-safe and multi-process-safe: every change holds a JVM lock plus a {@link
 * java.nio.channels.FileChannel#lock() file lock}; reads need no lock.
 */
public final class FileSystemModelRegistry implements ModelRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final Set<String> RESERVED_STAGES = Set.of("archived", "none");
    private static final String TMP_PREFIX = ".tmp-";
    private static final String TRASH_PREFIX = ".trash-";
    private static final String ARTIFACT_DIR = "artifact";
    private static final String VERSION_FILE = "version.json";
    private static final String STAGES_FILE = "stages.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Clock clock;
    private final ArtifactVerifier verifier;
    private final PublishFaultHook faultHook;
    private final RegistryLock lock;

    private FileSystemModelRegistry(Builder b, Path root) {
        this.root = root;
        this.clock = b.clock;
        this.verifier = b.verifier;
        this.faultHook = b.faultHook;
        this.lock = new RegistryLock(root);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the registry root directory.
     *
     * @return the absolute, real root path
     */
    public Path root() {
        return root;
    }

    @Override
    public ModelVersion publish(
            String name, Path sourceDir, Map<String, String> metadata, String who, String reason)
            throws ArtifactException {
        checkName("name", name);
        Objects.requireNonNull(sourceDir, "sourceDir");
        Map<String, String> meta = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
        checkActor(who, reason);
        if (!Files.isDirectory(sourceDir)) {
            throw new IllegalArgumentException(
                    "sourceDir must be an existing directory but "
                            + sourceDir.toAbsolutePath()
                            + (Files.exists(sourceDir)
                                    ? " is not a directory"
                                    : " does not exist"));
        }
        try {
            return publishStaged(name, sourceDir, meta, who, reason);
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot publish " + name + " from " + sourceDir, e);
        }
    }

    private ModelVersion publishStaged(
            String name, Path sourceDir, Map<String, String> meta, String who, String reason)
            throws IOException {
        Files.createDirectories(root);
        try (TempDir tmp = TempDir.create(root)) {
            Path artifact = tmp.dir.resolve(ARTIFACT_DIR);
            Files.createDirectories(artifact);
            ArtifactFiles.copyDurably(sourceDir, artifact, faultHook::afterFileCopied);
            sealArtifact(artifact);
            return lock.withLock(() -> commit(name, tmp.dir, meta, who, reason));
        }
    }

    /** Verifies a pre-existing manifest (and signature, if required) or writes a fresh one. */
    private void sealArtifact(Path artifact) throws ArtifactException {
        if (Files.exists(artifact.resolve(ArtifactManifest.MANIFEST_FILE))) {
            ArtifactManifest.verify(artifact);
        } else {
            ArtifactManifest.write(artifact);
        }
        if (verifier != null) {
            verifier.verify(artifact);
        }
    }

    private ModelVersion commit(
            String name, Path staged, Map<String, String> meta, String who, String reason)
            throws IOException {
        Instant now = clock.instant();
        ArtifactFiles.writeDurably(
                staged.resolve(VERSION_FILE), versionJson(now, who, reason, meta));
        Path modelDir = root.resolve(name);
        Files.createDirectories(modelDir);
        int version = highestVersion(modelDir) + 1;
        ArtifactFiles.moveAtomically(staged, modelDir.resolve("v" + version));
        new AuditLog(modelDir)
                .append(new AuditEntry(now, AuditEntry.PUBLISH, name, version, "", who, reason));
        return new ModelVersion(name, version, now, who, reason, meta, Set.of(), false);
    }

    @Override
    public List<ModelVersion> list(String name) throws ArtifactException {
        checkName("name", name);
        Path modelDir = root.resolve(name);
        JsonNode stages = readStages(modelDir);
        List<ModelVersion> out = new ArrayList<>();
        for (int v : versions(modelDir)) {
            readVersion(name, v, stages).ifPresent(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Optional<ModelVersion> find(String name, int version) throws ArtifactException {
        checkName("name", name);
        Path modelDir = root.resolve(name);
        return readVersion(name, version, readStages(modelDir));
    }

    @Override
    public OptionalInt latest(String name) throws ArtifactException {
        checkName("name", name);
        int v = highestVersion(root.resolve(name));
        return v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    @Override
    public Path load(String name, int version) throws ArtifactException {
        Path artifact = existingArtifact(name, version);
        try {
            checkVersionEntries(artifact.getParent());
            readVersionFile(artifact.getParent().resolve(VERSION_FILE));
            if (verifier != null) {
                verifier.verify(artifact);
            } else {
                ArtifactManifest.verify(artifact);
            }
        } catch (ArtifactException e) {
            throw new ArtifactException(
                    "refusing to load " + name + " v" + version + ": " + e.getMessage(), e);
        }
        return artifact;
    }

    @Override
    public void promote(String name, int version, String stage, String who, String reason)
            throws ArtifactException {
        String s = normaliseStage(stage);
        checkActor(who, reason);
        existingArtifact(name, version);
        changeStages(
                name,
                history -> {
                    if (history.holder(s).equals(OptionalInt.of(version))) {
                        return null;
                    }
                    return new AuditEntry(
                            clock.instant(), AuditEntry.PROMOTE, name, version, s, who, reason);
                });
    }

    @Override
    public int rollback(String name, String stage, String who, String reason)
            throws ArtifactException {
        String s = normaliseStage(stage);
        checkName("name", name);
        checkActor(who, reason);
        AuditEntry done =
                changeStages(name, history -> rollbackEntry(history, name, s, who, reason));
        return done.version();
    }

    private AuditEntry rollbackEntry(
            StageHistory history, String name, String stage, String who, String reason) {
        Integer previous = history.previous(stage).orElse(null);
        if (previous == null) {
            throw new IllegalStateException(
                    "stage " + stage + " of " + name + " has no previous holder to roll back to");
        }
        return new AuditEntry(
                clock.instant(), AuditEntry.ROLLBACK, name, previous, stage, who, reason);
    }

    @Override
    public OptionalInt current(String name, String stage) throws ArtifactException {
        checkName("name", name);
        String s = normaliseStage(stage);
        JsonNode holder = readStages(root.resolve(name)).path("holders").path(s);
        return holder.isInt() ? OptionalInt.of(holder.asInt()) : OptionalInt.empty();
    }

    @Override
    public OptionalInt liveAt(String name, String stage, Instant t) throws ArtifactException {
        checkName("name", name);
        String s = normaliseStage(stage);
        Objects.requireNonNull(t, "t");
        return StageHistory.replayUntil(auditLog(name), t).holder(s);
    }

    @Override
    public List<AuditEntry> auditLog(String name) throws ArtifactException {
        checkName("name", name);
        return new AuditLog(root.resolve(name)).readAll();
    }

    @Override
    public List<Integer> retain(String name, int keepLast, String who, String reason)
            throws ArtifactException {
        checkName("name", name);
        checkActor(who, reason);
        if (keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be >= 1 but was " + keepLast);
        }
        requireRoot();
        try {
            return lock.withLock(() -> deleteOld(name, keepLast, who, reason));
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot apply retention to " + name, e);
        }
    }

    private List<Integer> deleteOld(String name, int keepLast, String who, String reason)
            throws IOException {
        Path modelDir = root.resolve(name);
        AuditLog log = new AuditLog(modelDir);
        Set<Integer> holders = new HashSet<>(StageHistory.replay(log.readAll()).holders().values());
        List<Integer> all = versions(modelDir);
        List<Integer> deleted = new ArrayList<>();
        for (int v : all.subList(0, Math.max(0, all.size() - keepLast))) {
            if (!holders.contains(v)) {
                Path trash = root.resolve(TRASH_PREFIX + UUID.randomUUID());
                ArtifactFiles.moveAtomically(modelDir.resolve("v" + v), trash);
                log.append(
                        new AuditEntry(
                                clock.instant(), AuditEntry.DELETE, name, v, "", who, reason));
                ArtifactFiles.deleteRecursively(trash);
                deleted.add(v);
            }
        }
        materialiseStages(modelDir);
        return deleted;
    }

    /** Computes one audit entry from the replayed state (null = no change) and commits it. */
    private AuditEntry changeStages(String name, StageChange change) throws ArtifactException {
        requireRoot();
        Path modelDir = root.resolve(name);
        try {
            return lock.withLock(
                    () -> {
                        AuditLog log = new AuditLog(modelDir);
                        StageHistory history = StageHistory.replay(log.readAll());
                        AuditEntry entry = change.next(history);
                        if (entry != null) {
                            log.append(entry);
                            materialiseStages(modelDir);
                        }
                        return entry;
                    });
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot change stages of " + name, e);
        }
    }

    /** One stage change computed from the current state. */
    @FunctionalInterface
    private interface StageChange {
        AuditEntry next(StageHistory history);
    }

    /** Rewrites stages.json from the audit log with a temp file and an atomic rename. */
    private static void materialiseStages(Path modelDir) throws IOException {
        ArtifactFiles.replaceAtomically(modelDir.resolve(STAGES_FILE), stagesBytes(modelDir));
    }

    /** Whether stages.json holds exactly what the audit log says (false if it is missing). */
    private static boolean stagesUpToDate(Path modelDir) throws IOException {
        Path file = modelDir.resolve(STAGES_FILE);
        return Files.isRegularFile(file)
                && Arrays.equals(Files.readAllBytes(file), stagesBytes(modelDir));
    }

    /** The stages.json content the audit log implies. */
    private static byte[] stagesBytes(Path modelDir) throws IOException {
        StageHistory h = StageHistory.replay(new AuditLog(modelDir).readAll());
        ObjectNode rootNode = JSON.createObjectNode();
        ObjectNode holders = rootNode.putObject("holders");
        h.holders().forEach(holders::put);
        ObjectNode stacks = rootNode.putObject("stacks");
        h.stacks().forEach((s, list) -> list.forEach(stacks.withArray(s)::add));
        Set<Integer> archived = new TreeSet<>(h.everHeld());
        archived.removeAll(h.holders().values());
        archived.forEach(rootNode.putArray("archived")::add);
        return JSON.writeValueAsBytes(rootNode);
    }

    private static JsonNode readStages(Path modelDir) throws ArtifactException {
        try {
            return JSON.readTree(Files.readAllBytes(modelDir.resolve(STAGES_FILE)));
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + modelDir.resolve(STAGES_FILE), e);
        }
    }

    private Optional<ModelVersion> readVersion(String name, int v, JsonNode stages)
            throws ArtifactException {
        Path file = root.resolve(name).resolve("v" + v).resolve(VERSION_FILE);
        VersionInfo info;
        try {
            info = readVersionFile(file);
        } catch (ArtifactException e) {
            if (!Files.isDirectory(file.getParent())) {
                return Optional.empty(); // absent, or deleted by retention since listing
            }
            throw e;
        }
        Set<String> held = new TreeSet<>();
        stages.path("holders")
                .properties()
                .forEach(
                        f -> {
                            if (f.getValue().asInt() == v) {
                                held.add(f.getKey());
                            }
                        });
        boolean archived = false;
        for (JsonNode a : stages.path("archived")) {
            archived |= a.asInt() == v;
        }
        return Optional.of(
                new ModelVersion(
                        name,
                        v,
                        info.publishedAt(),
                        info.publishedBy(),
                        info.reason(),
                        info.metadata(),
                        held,
                        archived));
    }

    /** The validated content of one {@code version.json}. */
    private record VersionInfo(
            Instant publishedAt, String publishedBy, String reason, Map<String, String> metadata) {}

    /**
     * Reads, validates and digest-checks one {@code version.json}.
     *
     * @throws ArtifactException naming the file if it is missing, unparsable, lacks a field or does
     *     not match its stored SHA-256
     */
    private static VersionInfo readVersionFile(Path file) throws ArtifactException {
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ArtifactException("version file " + file + " is missing", e);
        } catch (IOException e) {
            throw new ArtifactException(
                    "version file " + file + " is corrupt: not valid JSON (" + e.getMessage() + ")",
                    e);
        }
        VersionInfo info = parseVersion(file, n);
        checkVersionDigest(file, n, info);
        return info;
    }

    private static VersionInfo parseVersion(Path file, JsonNode n) throws ArtifactException {
        if (n == null || !n.isObject()) {
            throw corrupt(file, "content must be a JSON object");
        }
        Instant at;
        try {
            at = Instant.parse(requireText(file, n, "publishedAt"));
        } catch (DateTimeParseException e) {
            throw corrupt(file, "publishedAt must be an ISO-8601 instant");
        }
        String by = requireText(file, n, "publishedBy");
        String reason = requireText(file, n, "reason");
        JsonNode m = n.get("metadata");
        if (m == null || !m.isObject()) {
            throw corrupt(file, "field metadata must be an object");
        }
        Map<String, String> meta = new TreeMap<>();
        for (Map.Entry<String, JsonNode> f : m.properties()) {
            if (!f.getValue().isTextual()) {
                throw corrupt(file, "metadata." + f.getKey() + " must be a string");
            }
            meta.put(f.getKey(), f.getValue().asText());
        }
        return new VersionInfo(at, by, reason, Collections.unmodifiableMap(meta));
    }

    private static void checkVersionDigest(Path file, JsonNode n, VersionInfo info)
            throws ArtifactException {
        JsonNode stored = n.get("sha256");
        if (stored == null) {
            return; // written before version digests existed; validated above only
        }
        String expected = versionDigest(info);
        if (!stored.isTextual() || !stored.asText().equals(expected)) {
            throw corrupt(
                    file,
                    "content does not match its sha256: stored "
                            + stored.asText()
                            + " but actual "
                            + expected);
        }
    }

    private static String requireText(Path file, JsonNode n, String field)
            throws ArtifactException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw corrupt(file, "field " + field + " must be a string");
        }
        return v.asText();
    }

    private static ArtifactException corrupt(Path file, String why) {
        return new ArtifactException("version file " + file + " is corrupt: " + why);
    }

    /** Refuses any entry of a version directory other than artifact/ and version.json. */
    private static void checkVersionEntries(Path versionDir) throws ArtifactException {
        List<String> extra = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(versionDir)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (!f.equals(ARTIFACT_DIR) && !f.equals(VERSION_FILE)) {
                    extra.add(f);
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("cannot list version directory " + versionDir, e);
        }
        if (!extra.isEmpty()) {
            Collections.sort(extra);
            throw new ArtifactException(
                    "version directory "
                            + versionDir
                            + " holds unexpected entries "
                            + extra
                            + "; only "
                            + ARTIFACT_DIR
                            + "/ and "
                            + VERSION_FILE
                            + " are allowed");
        }
    }

    /** SHA-256 (lower-case hex) of the canonical version JSON without its digest field. */
    private static String versionDigest(VersionInfo info) {
        try {
            byte[] canonical =
                    JSON.writeValueAsBytes(
                            versionNode(
                                    info.publishedAt(),
                                    info.publishedBy(),
                                    info.reason(),
                                    info.metadata()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest version JSON", e);
        }
    }

    private static byte[] versionJson(
            Instant now, String who, String reason, Map<String, String> meta) throws IOException {
        ObjectNode n = versionNode(now, who, reason, meta);
        n.put("sha256", versionDigest(new VersionInfo(now, who, reason, meta)));
        return JSON.writeValueAsBytes(n);
    }

    private static ObjectNode versionNode(
            Instant at, String who, String reason, Map<String, String> meta) {
        ObjectNode n = JSON.createObjectNode();
        n.put("publishedAt", at.toString());
        n.put("publishedBy", who);
        n.put("reason", reason);
        ObjectNode m = n.putObject("metadata");
        new TreeMap<>(meta).forEach(m::put);
        return n;
    }

    private Path existingArtifact(String name, int version) throws ArtifactException {
        checkName("name", name);
        Path artifact = root.resolve(name).resolve("v" + version).resolve(ARTIFACT_DIR);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "version "
                            + version
                            + " of "
                            + name
                            + " does not exist: no registry at "
                            + root);
        }
        if (version < 1 || !Files.isDirectory(artifact)) {
            throw new IllegalArgumentException(
                    "version "
                            + version
                            + " of "
                            + name
                            + " does not exist; versions are "
                            + versions(root.resolve(name)));
        }
        return artifact;
    }

    /** Refuses a change other than publish on a root that does not exist (reads never create). */
    private void requireRoot() {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    "no registry at " + root + ": nothing has been published there yet");
        }
    }

    /** Complete version numbers of one model, ascending. */
    private static List<Integer> versions(Path modelDir) throws ArtifactException {
        List<Integer> out = new ArrayList<>();
        if (!Files.isDirectory(modelDir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(modelDir)) {
            for (Path p : ds) {
                Matcher m = VERSION_DIR.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("cannot list versions in " + modelDir, e);
        }
        Collections.sort(out);
        return out;
    }

    private static int highestVersion(Path modelDir) throws ArtifactException {
        List<Integer> v = versions(modelDir);
        return v.isEmpty() ? 0 : v.get(v.size() - 1);
    }

    private static void checkName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what
                            + " must be 1-100 letters, digits, '.', '_' or '-' starting with a"
                            + " letter or digit but was '"
                            + value
                            + "'");
        }
    }

    private static String normaliseStage(String stage) {
        checkName("stage", stage);
        String s = stage.toLowerCase(Locale.ROOT);
        if (RESERVED_STAGES.contains(s)) {
            throw new IllegalArgumentException(
                    "stage must not be one of the reserved names "
                            + RESERVED_STAGES
                            + " but was '"
                            + stage
                            + "'");
        }
        return s;
    }

    private static void checkActor(String who, String reason) {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(reason, "reason");
        if (who.isBlank()) {
            throw new IllegalArgumentException("who must name the person or system but was blank");
        }
    }

    /** Removes leftovers of crashed publishes and interrupted deletions; caller holds the lock. */
    /**
     * Whether opening has anything to repair: a leftover of a crashed publish or deletion, or a
     * stage file that differs from its audit log. Reads only, without the lock: a change racing
     * with it at worst makes the caller take the lock and find nothing to do.
     */
    private boolean needsRepair() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (f.startsWith(TRASH_PREFIX) || f.startsWith(TMP_PREFIX)) {
                    return true;
                }
                if (Files.isRegularFile(p.resolve(AuditLog.FILE)) && !stagesUpToDate(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void cleanLeftovers() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (f.startsWith(TRASH_PREFIX)) {
                    ArtifactFiles.deleteRecursively(p);
                } else if (f.startsWith(TMP_PREFIX) && Files.isDirectory(p)) {
                    TempDir.deleteIfAbandoned(p);
                }
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(AuditLog.FILE)) && !stagesUpToDate(p)) {
                    materialiseStages(p);
                }
            }
        }
    }

    /**
     * Builds a {@link FileSystemModelRegistry}: {@code setRoot} is required; {@code optClock} and
     * {@code optVerifier} are optional. Not thread-safe.
     */
    public static final class Builder {

        private Path root;
        private Clock clock = Clock.systemUTC();
        private ArtifactVerifier verifier;
        private PublishFaultHook faultHook = PublishFaultHook.NONE;

        private Builder() {}

        /**
         * Sets the registry root directory; it is created by the first {@link
         * FileSystemModelRegistry#publish publish}, never by building or reading.
         *
         * @param root the directory
         * @return this builder
         */
        public Builder setRoot(Path root) {
            this.root = root;
            return this;
        }

        /**
         * Sets the clock stamping publishes and audit entries (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder optClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Requires every published and loaded artifact to carry a signature that {@code verifier}
         * accepts; unsigned or wrongly signed artifacts are refused with the verifier's reason.
         *
         * @param verifier the signature verifier
         * @return this builder
         */
        public Builder optVerifier(ArtifactVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** Test hook: called after each file is copied during publish. */
        Builder faultHook(PublishFaultHook hook) {
            this.faultHook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /**
         * Opens the registry: on an existing root removes leftovers of crashed publishes and
         * repairs stage files from the audit logs when there is something to repair (then under the
         * registry lock); when there is nothing, it only reads, so a registry on a read-only file
         * system opens for scoring. A read-only root with something to repair opens as it is
         * (readers ignore leftovers; a stage file not yet repaired from its audit log is read as it
         * stands). On a missing root creates nothing and gives an empty registry whose first
         * publish creates the root.
         *
         * @return the registry
         * @throws IllegalArgumentException if the root was not set or exists but is not a directory
         * @throws ArtifactException if the root cannot be resolved or cleaned
         */
        public FileSystemModelRegistry build() throws ArtifactException {
            if (root == null) {
                throw new IllegalArgumentException("root must be set (setRoot) but was missing");
            }
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalArgumentException(
                        "root must be a directory but " + root.toAbsolutePath() + " is a file");
            }
            try {
                if (!Files.isDirectory(root)) {
                    return new FileSystemModelRegistry(this, realPathOfMissing(root));
                }
                FileSystemModelRegistry r = new FileSystemModelRegistry(this, root.toRealPath());
                if (r.needsRepair() && Files.isWritable(r.root)) {
                    r.lock.withLock(
                            () -> {
                                r.cleanLeftovers();
                                return null;
                            });
                }
                return r;
            } catch (ArtifactException e) {
                throw e;
            } catch (IOException e) {
                throw new ArtifactException("cannot open registry at " + root + ": " + e, e);
            }
        }

        /**
         * The real path of the nearest existing ancestor joined with the missing rest, so the
         * root's identity (and its JVM lock) matches the real path once it is created.
         */
        private static Path realPathOfMissing(Path root) throws IOException {
            Path abs = root.toAbsolutePath().normalize();
            Path existing = abs;
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
        }
    }
}
