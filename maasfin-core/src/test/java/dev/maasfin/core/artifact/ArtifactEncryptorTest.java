// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** AES-256-GCM artifact encryption: round trip, and all-or-nothing refusal of tampering. */
class ArtifactEncryptorTest {

    private static final byte[] KEY_BYTES =
            "maasfin-test-key-not-a-real-key!".getBytes(StandardCharsets.US_ASCII);
    private static final SecretKey KEY = ArtifactEncryptor.aesKey(KEY_BYTES);

    private static Path encrypted(String label) throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact(label);
        TestDirs.write(dir, "nested/state.json", "{\"mean\":0.5}".getBytes(StandardCharsets.UTF_8));
        ArtifactManifest.write(dir);
        Path enc = dir.resolveSibling(dir.getFileName() + ".enc");
        ArtifactEncryptor.encrypt(dir, enc, KEY);
        return enc;
    }

    private static Path decryptTarget(Path enc) {
        return enc.resolveSibling(enc.getFileName() + ".plain");
    }

    /** Temporary directories the encryptor may have left beside {@code enc}'s decrypt target. */
    private static List<String> tempsBeside(Path enc) throws Exception {
        String prefix = "." + decryptTarget(enc).getFileName() + ".tmp-";
        try (Stream<Path> s = Files.list(enc.getParent())) {
            return s.map(x -> x.getFileName().toString())
                    .filter(f -> f.startsWith(prefix))
                    .toList();
        }
    }

    @Test
    void encryptThenDecrypt_givesIdenticalVerifiedFiles() throws Exception {
        Path enc = encrypted("enc-roundtrip");
        Path plain = decryptTarget(enc);
        ArtifactEncryptor.decrypt(enc, plain, KEY);

        Path original = enc.resolveSibling(enc.getFileName().toString().replace(".enc", ""));
        assertEquals(ArtifactFiles.listFiles(original), ArtifactFiles.listFiles(plain));
        for (String rel : ArtifactFiles.listFiles(original)) {
            assertArrayEquals(
                    Files.readAllBytes(original.resolve(rel)),
                    Files.readAllBytes(plain.resolve(rel)));
        }
        ArtifactManifest.verify(plain);
    }

    @Test
    void ciphertext_holdsNoPlaintextAndUsesAFreshIvPerFile() throws Exception {
        Path enc = encrypted("enc-iv");
        byte[] a = Files.readAllBytes(enc.resolve("files/weights.bin.enc"));
        Path enc2 = encrypted("enc-iv2");
        byte[] b = Files.readAllBytes(enc2.resolve("files/weights.bin.enc"));
        // Header 4 + 1 + IV 12, then 16 bytes ciphertext and the 16-byte tag.
        assertEquals(4 + 1 + 12 + 16 + 16, a.length);
        assertNotEquals(
                HexFormat.of().formatHex(Arrays.copyOfRange(a, 5, 17)),
                HexFormat.of().formatHex(Arrays.copyOfRange(b, 5, 17)));
        String meta =
                new String(
                        Files.readAllBytes(enc.resolve("files/meta.json.enc")),
                        StandardCharsets.ISO_8859_1);
        assertFalse(meta.contains("vol-lstm"));
    }

    @Test
    void decrypt_withWrongKey_failsAndLeavesNothing() throws Exception {
        Path enc = encrypted("enc-wrongkey");
        Path plain = decryptTarget(enc);
        byte[] other = KEY_BYTES.clone();
        other[0] ^= 1;
        ArtifactException e =
                assertThrows(
                        ArtifactException.class,
                        () ->
                                ArtifactEncryptor.decrypt(
                                        enc, plain, ArtifactEncryptor.aesKey(other)));
        assertEquals(
                "cannot decrypt artifact file index: authentication failed (wrong key, or the"
                        + " ciphertext was altered or moved)",
                e.getMessage());
        assertFalse(Files.exists(plain));
        assertFalse(e.getMessage().contains(new String(KEY_BYTES, StandardCharsets.US_ASCII)));
        assertEquals(List.of(), tempsBeside(enc));
    }

    @Test
    void decrypt_whenOneByteOfOneFileIsAltered_namesThatFileAndLeavesNothing() throws Exception {
        Path enc = encrypted("enc-tamper");
        Path victim = enc.resolve("files/nested/state.json.enc");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(victim, bytes);
        Path plain = decryptTarget(enc);
        ArtifactException e =
                assertThrows(
                        ArtifactException.class, () -> ArtifactEncryptor.decrypt(enc, plain, KEY));
        assertTrue(
                e.getMessage().startsWith("cannot decrypt artifact file nested/state.json:"),
                e.getMessage());
        assertFalse(Files.exists(plain));
        assertEquals(List.of(), tempsBeside(enc), "no temporary directory may remain");
    }

    @Test
    void decrypt_whenTwoFilesAreSwapped_failsBecauseThePathIsAuthenticated() throws Exception {
        Path enc = encrypted("enc-swap");
        Path w = enc.resolve("files/weights.bin.enc");
        Path m = enc.resolve("files/meta.json.enc");
        byte[] wb = Files.readAllBytes(w);
        Files.write(w, Files.readAllBytes(m));
        Files.write(m, wb);
        ArtifactException e =
                assertThrows(
                        ArtifactException.class,
                        () -> ArtifactEncryptor.decrypt(enc, decryptTarget(enc), KEY));
        assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
    }

    @Test
    void decrypt_whenAFileIsRemovedOrAdded_namesIt() throws Exception {
        Path enc = encrypted("enc-remove");
        Files.delete(enc.resolve("files/meta.json.enc"));
        ArtifactException removed =
                assertThrows(
                        ArtifactException.class,
                        () -> ArtifactEncryptor.decrypt(enc, decryptTarget(enc), KEY));
        assertEquals(
                "encrypted artifact file meta.json listed in the index is missing",
                removed.getMessage());

        Path enc2 = encrypted("enc-add");
        Files.copy(enc2.resolve("files/weights.bin.enc"), enc2.resolve("files/extra.bin.enc"));
        ArtifactException added =
                assertThrows(
                        ArtifactException.class,
                        () -> ArtifactEncryptor.decrypt(enc2, decryptTarget(enc2), KEY));
        assertEquals("encrypted artifact file extra.bin is not in the index", added.getMessage());
    }

    @Test
    void aesKey_whenNot32Bytes_isRefusedWithTheLengthOnly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ArtifactEncryptor.aesKey(new byte[16]));
        assertEquals("keyBytes must be 32 bytes (AES-256) but was 16", e.getMessage());
    }

    @Test
    void decrypt_whenTargetExists_isRefused() throws Exception {
        Path enc = encrypted("enc-exists");
        Path plain = Files.createDirectories(decryptTarget(enc));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ArtifactEncryptor.decrypt(enc, plain, KEY));
        assertEquals("targetDir must not exist yet but " + plain + " exists", e.getMessage());
    }
}
