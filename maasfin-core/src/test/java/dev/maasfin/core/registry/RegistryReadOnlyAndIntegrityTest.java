// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.artifact.TestDirs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading a missing root creates nothing; every file of a published version is checked when read;
 * refusals are thrown, not also logged.
 */
class RegistryReadOnlyAndIntegrityTest {

    private static final String NAME = "vol-lstm";
    private static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void readsOnMissingRoot_answerEmptyAndCreateNothing() throws Exception {
        Path work = TestDirs.fresh("ro-missing");
        Path root = work.resolve("absent").resolve("registry");
        List<Path> before = tree(work);

        FileSystemModelRegistry reg = FileSystemModelRegistry.builder().setRoot(root).build();

        assertEquals(List.of(), reg.list(NAME));
        assertEquals(Optional.empty(), reg.find(NAME, 1));
        assertEquals(OptionalInt.empty(), reg.latest(NAME));
        assertEquals(OptionalInt.empty(), reg.current(NAME, "production"));
        assertEquals(OptionalInt.empty(), reg.liveAt(NAME, "production", T0));
        assertEquals(List.of(), reg.auditLog(NAME));
        IllegalArgumentException load =
                assertThrows(IllegalArgumentException.class, () -> reg.load(NAME, 1));
        assertTrue(load.getMessage().contains("no registry at " + reg.root()), load.getMessage());
        IllegalStateException rollback =
                assertThrows(
                        IllegalStateException.class,
                        () -> reg.rollback(NAME, "production", "ops", "test"));
        assertTrue(rollback.getMessage().startsWith("no registry at "), rollback.getMessage());
        IllegalStateException retain =
                assertThrows(IllegalStateException.class, () -> reg.retain(NAME, 1, "ops", "test"));
        assertTrue(retain.getMessage().startsWith("no registry at "), retain.getMessage());

        assertEquals(before, tree(work), "a read on a missing root must leave the disk unchanged");
        assertFalse(Files.exists(work.resolve("absent")));
    }

    /** Every file and directory with its identity (inode), size and modification time. */
    private static List<String> snapshot(Path dir) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path p : tree(dir)) {
            java.nio.file.attribute.BasicFileAttributes a =
                    Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            out.add(p + " " + a.fileKey() + " " + a.size() + " " + a.lastModifiedTime());
        }
        return out;
    }

    /**
     * A scoring host opens the registry and reads: with nothing to repair that must not write a
     * byte (before, every open rewrote each model's stages.json under the lock, which failed on a
     * read-only mount); a stage file that differs from its audit log is still repaired.
     */
    @Test
    void openAndReadAnIntactRegistry_writesNothing_butAStaleStageFileIsStillRepaired()
            throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-nowrite");
        reg.promote(NAME, 1, "production", "ci", "go live");
        Path root = reg.root();
        List<String> before = snapshot(root);

        FileSystemModelRegistry again = FileSystemModelRegistry.builder().setRoot(root).build();
        again.list(NAME);
        again.load(NAME, 1);
        assertEquals(OptionalInt.of(1), again.current(NAME, "production"));
        again.auditLog(NAME);

        assertEquals(before, snapshot(root), "opening and reading must leave the disk unchanged");

        // a crash between the audit append and the stage-file rewrite, simulated: the next open
        // rebuilds stages.json from the audit log
        Path stages = root.resolve(NAME).resolve("stages.json");
        byte[] good = Files.readAllBytes(stages);
        Files.writeString(stages, "{\"holders\":{}}");
        FileSystemModelRegistry.builder().setRoot(root).build();
        assertEquals(new String(good, StandardCharsets.UTF_8), Files.readString(stages));
    }

    @Test
    void publishOnMissingRoot_createsRootAndTheVersionLoads() throws Exception {
        Path work = TestDirs.fresh("ro-publish");
        Path src = Case19RegistryTest.caseSource(work);
        Path root = work.resolve("absent").resolve("registry");
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder()
                        .setRoot(root)
                        .optClock(new MutableClock(T0))
                        .build();

        ModelVersion v = reg.publish(NAME, src, Map.of("k", "v"), "ci", "first");

        assertEquals(1, v.version());
        assertTrue(Files.isDirectory(root));
        assertTrue(Files.isRegularFile(root.resolve(RegistryLock.LOCK_FILE)));
        assertTrue(Files.isRegularFile(reg.load(NAME, 1).resolve("weights.bin")));
        assertEquals(Map.of("k", "v"), reg.find(NAME, 1).orElseThrow().metadata());
    }

    @Test
    void buildOnRootThatIsAFile_isRefusedNamingThePath() throws Exception {
        Path file = TestDirs.write(TestDirs.fresh("ro-file"), "not-a-dir", new byte[] {1});
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FileSystemModelRegistry.builder().setRoot(file).build());
        assertEquals("root must be a directory but " + file + " is a file", e.getMessage());
    }

    private static FileSystemModelRegistry publishedOnce(String label) throws Exception {
        Path work = TestDirs.fresh(label);
        Path src = Case19RegistryTest.caseSource(work);
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder()
                        .setRoot(work.resolve("registry"))
                        .optClock(new MutableClock(T0))
                        .build();
        reg.publish(NAME, src, Map.of("k", "v"), "ci", "first");
        return reg;
    }

    private static Path versionFile(FileSystemModelRegistry reg) {
        return reg.root().resolve(NAME).resolve("v1").resolve("version.json");
    }

    private static void overwrite(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void truncatedVersionJson_isRefusedByLoadListAndFindNamingTheFile() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-truncated");
        Path file = versionFile(reg);
        overwrite(file, "{");

        ArtifactException load = assertThrows(ArtifactException.class, () -> reg.load(NAME, 1));
        assertTrue(
                load.getMessage()
                        .startsWith(
                                "refusing to load vol-lstm v1: version file "
                                        + file
                                        + " is corrupt: not valid JSON"),
                load.getMessage());
        ArtifactException list = assertThrows(ArtifactException.class, () -> reg.list(NAME));
        assertTrue(list.getMessage().contains(file.toString()), list.getMessage());
        ArtifactException find = assertThrows(ArtifactException.class, () -> reg.find(NAME, 1));
        assertTrue(find.getMessage().contains(file.toString()), find.getMessage());
    }

    @Test
    void versionJsonWithEditedReason_isRefusedAsNotMatchingItsDigest() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-edited");
        Path file = versionFile(reg);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"first\""), text);
        overwrite(file, text.replace("\"first\"", "\"forged\""));

        ArtifactException e = assertThrows(ArtifactException.class, () -> reg.load(NAME, 1));
        assertTrue(
                e.getMessage().contains(file + " is corrupt: content does not match its sha256"),
                e.getMessage());
    }

    @Test
    void versionJsonMissingAField_isRefusedNamingTheField() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-field");
        Path file = versionFile(reg);
        overwrite(file, "{\"publishedAt\":\"2026-02-02T08:00:00Z\",\"reason\":\"r\"}");

        ArtifactException e = assertThrows(ArtifactException.class, () -> reg.find(NAME, 1));
        assertEquals(
                "version file " + file + " is corrupt: field publishedBy must be a string",
                e.getMessage());
    }

    @Test
    void versionJsonDeleted_isRefusedByLoadNamingTheFile() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-deleted");
        Path file = versionFile(reg);
        Files.delete(file);

        ArtifactException e = assertThrows(ArtifactException.class, () -> reg.load(NAME, 1));
        assertEquals(
                "refusing to load vol-lstm v1: version file " + file + " is missing",
                e.getMessage());
    }

    @Test
    void extraFileBesideArtifact_isRefusedByLoadNamingIt() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-extra");
        Path versionDir = versionFile(reg).getParent();
        TestDirs.write(versionDir, "planted.bin", new byte[] {7});

        ArtifactException e = assertThrows(ArtifactException.class, () -> reg.load(NAME, 1));
        assertTrue(
                e.getMessage().contains("holds unexpected entries [planted.bin]"), e.getMessage());
    }

    @Test
    void versionJsonWithoutDigestField_isStillReadWhenValid() throws Exception {
        // A version.json written before digests existed: all fields, no "sha256".
        FileSystemModelRegistry reg = publishedOnce("ro-legacy");
        overwrite(
                versionFile(reg),
                "{\"publishedAt\":\"2026-02-02T08:00:00Z\",\"publishedBy\":\"ci\","
                        + "\"reason\":\"old\",\"metadata\":{}}");

        assertEquals("old", reg.find(NAME, 1).orElseThrow().reason());
        assertTrue(Files.isDirectory(reg.load(NAME, 1)));
    }

    @Test
    void tamperRefusal_isThrownWithoutAlsoWritingALogLine() throws Exception {
        FileSystemModelRegistry reg = publishedOnce("ro-nolog");
        overwrite(reg.load(NAME, 1).resolve("weights.bin"), "tampered");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThrows(ArtifactException.class, () -> reg.load(NAME, 1));
        } finally {
            System.setErr(saved);
        }
        // slf4j-simple (the test binding) writes WARN lines to System.err.
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
