// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manifest digests and every kind of refusal. Digests are those given in reference Case 19. */
class ArtifactManifestTest {

    static final String WEIGHTS_SHA =
            "be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991";
    static final String META_SHA =
            "1b0995f7d6bb203c421b3748109e464e4fbc47726bdaf898852c6a525c66d0c7";

    /** sha256 of the empty input (FIPS 180-4 test vector). */
    static final String EMPTY_SHA =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static Path caseArtifact(String label) throws Exception {
        Path dir = TestDirs.fresh(label);
        byte[] w = new byte[16];
        for (int i = 0; i < 16; i++) {
            w[i] = (byte) i;
        }
        TestDirs.write(dir, "weights.bin", w);
        TestDirs.write(
                dir,
                "meta.json",
                "{\"name\":\"vol-lstm\",\"version\":3}".getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    @Test
    void compute_givesTheCase19Digests() throws Exception {
        Path dir = caseArtifact("manifest");
        assertEquals(
                Map.of("weights.bin", WEIGHTS_SHA, "meta.json", META_SHA),
                ArtifactManifest.compute(dir).digests());
    }

    @Test
    void write_thenVerify_passesAndExcludesTheManifestItself() throws Exception {
        Path dir = caseArtifact("roundtrip");
        TestDirs.write(dir, "sub/empty.txt", new byte[0]);
        ArtifactManifest written = ArtifactManifest.write(dir);
        assertEquals(written, ArtifactManifest.verify(dir));
        assertEquals(EMPTY_SHA, written.digests().get("sub/empty.txt"));
        assertEquals(3, written.digests().size());
    }

    @Test
    void toJson_isDeterministicForTheSameFiles() throws Exception {
        byte[] a = ArtifactManifest.compute(caseArtifact("det-a")).toJson();
        byte[] b = ArtifactManifest.compute(caseArtifact("det-b")).toJson();
        assertArrayEquals(a, b);
        String text = new String(a, StandardCharsets.UTF_8);
        assertTrue(text.indexOf("meta.json") < text.indexOf("weights.bin"), text);
    }

    @Test
    void verify_whenFileMissing_namesFileAndExpectedDigest() throws Exception {
        Path dir = caseArtifact("missing");
        ArtifactManifest.write(dir);
        Files.delete(dir.resolve("weights.bin"));
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.verify(dir));
        assertEquals(
                "artifact file weights.bin is missing; expected sha256 "
                        + WEIGHTS_SHA
                        + " but actual: no file",
                e.getMessage());
    }

    @Test
    void verify_whenFileTruncated_namesFileDigestsAndSizes() throws Exception {
        Path dir = caseArtifact("truncated");
        ArtifactManifest.write(dir);
        Files.write(dir.resolve("weights.bin"), new byte[0]);
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.verify(dir));
        assertEquals(
                "artifact file weights.bin was altered: expected sha256 "
                        + WEIGHTS_SHA
                        + " (16 bytes) but actual sha256 "
                        + EMPTY_SHA
                        + " (0 bytes); either the file or its entry in MANIFEST.json was changed",
                e.getMessage());
    }

    /**
     * A manifest that can be read but holds a malformed digest (upper-case hex here) is refused
     * saying which entry and why, not "cannot read" (the file was read).
     */
    @Test
    void verify_whenADigestIsMalformed_namesTheEntryAndTheRule() throws Exception {
        Path dir = caseArtifact("malformed-digest");
        ArtifactManifest.write(dir);
        Path manifest = dir.resolve(ArtifactManifest.MANIFEST_FILE);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace(WEIGHTS_SHA, WEIGHTS_SHA.toUpperCase()));
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.verify(dir));
        assertEquals(
                "MANIFEST.json entry weights.bin has no valid sha256 (64 lower-case hex digits)"
                        + " (artifact "
                        + dir
                        + ")",
                e.getMessage());
    }

    @Test
    void verify_whenExtraFile_namesIt() throws Exception {
        Path dir = caseArtifact("extra");
        ArtifactManifest.write(dir);
        TestDirs.write(dir, "backdoor.bin", new byte[0]);
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.verify(dir));
        assertEquals(
                "artifact file backdoor.bin is not in the manifest (actual sha256 "
                        + EMPTY_SHA
                        + "); extra files: [backdoor.bin]",
                e.getMessage());
    }

    @Test
    void verify_whenNoManifest_saysSo() throws Exception {
        Path dir = caseArtifact("nomanifest");
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.verify(dir));
        assertEquals("artifact " + dir + " has no MANIFEST.json", e.getMessage());
    }

    @Test
    void compute_whenSymbolicLinkPresent_refusesIt() throws Exception {
        Path dir = caseArtifact("symlink");
        Files.createSymbolicLink(dir.resolve("link.bin"), dir.resolve("weights.bin"));
        ArtifactException e =
                assertThrows(ArtifactException.class, () -> ArtifactManifest.compute(dir));
        assertEquals("artifact entry link.bin is not a regular file", e.getMessage());
    }

    @Test
    void parse_whenManifestPathEscapesTheDirectory_refusesIt() throws Exception {
        Path dir = caseArtifact("escape");
        String json =
                "{\"formatVersion\":1,\"algorithm\":\"SHA-256\",\"files\":{\"../x\":{\"sha256\":\""
                        + EMPTY_SHA
                        + "\",\"size\":0}}}";
        ArtifactManifest m = ArtifactManifest.parse(json.getBytes(StandardCharsets.UTF_8));
        ArtifactException e = assertThrows(ArtifactException.class, () -> m.verifyFiles(dir));
        assertTrue(
                e.getMessage().startsWith("artifact path ../x must be relative"), e.getMessage());
    }
}
