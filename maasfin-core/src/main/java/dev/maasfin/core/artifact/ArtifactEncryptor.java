// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts an artifact directory file by file with AES-256-GCM (JCA) and decrypts it back.
 *
 * <p>Encrypted layout: for every artifact file {@code <rel>} a file {@code files/<rel>.enc}, plus
 * {@code index.enc} listing the relative paths. Each encrypted file is {@code "MFAE"}, a format
 * byte (1), a fresh 96-bit IV from {@link SecureRandom}, then ciphertext with its 128-bit tag. The
 * additional authenticated data is {@code "maasfin-artifact-v1|" + rel} (the index uses {@code
 * "maasfin-artifact-v1|index"}), so a file moved to another path, a changed format byte, or an
 * added, removed or altered file fails authentication. Decryption writes into a temporary sibling
 * directory and renames it to the target atomically only when every file authenticated, so a wrong
 * key or altered ciphertext never leaves a partial artifact on disk.
 *
 * <p>Keys are supplied by the caller (32 bytes, AES-256) and never logged or put in messages.
 * Limits: each file is processed in memory (at most about 2 GB per file); replaying an older
 * encrypted artifact under the same key is not detected (pair with a signed manifest and registry
 * versions for that). Thread-safe: stateless apart from the thread-safe {@link SecureRandom}.
 */
public final class ArtifactEncryptor {

    /** Directory name under which encrypted files are stored. */
    public static final String FILES_DIR = "files";

    /** File name of the encrypted index. */
    public static final String INDEX_FILE = "index.enc";

    private static final byte[] MAGIC = "MFAE".getBytes(StandardCharsets.US_ASCII);
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "maasfin-artifact-v1|";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactEncryptor() {}

    /**
     * Wraps 32 raw bytes as an AES-256 key (the array is copied).
     *
     * @param keyBytes exactly 32 bytes
     * @return the key
     * @throws IllegalArgumentException if the length is not 32
     */
    public static SecretKey aesKey(byte[] keyBytes) {
        Objects.requireNonNull(keyBytes, "keyBytes");
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException(
                    "keyBytes must be 32 bytes (AES-256) but was " + keyBytes.length);
        }
        return new SecretKeySpec(keyBytes.clone(), "AES");
    }

    /**
     * Encrypts every file of {@code artifactDir} into the new directory {@code encryptedDir}.
     *
     * @param artifactDir the plain artifact directory
     * @param encryptedDir the target, which must not exist; created atomically
     * @param key an AES key of 32 bytes
     * @throws IllegalArgumentException if the key is not a 32-byte AES key or the target exists
     * @throws ArtifactException if reading or writing fails
     */
    public static void encrypt(Path artifactDir, Path encryptedDir, SecretKey key)
            throws ArtifactException {
        checkKey(key);
        checkAbsent("encryptedDir", encryptedDir);
        Path tmp = siblingTemp(encryptedDir);
        try {
            List<String> files = ArtifactFiles.listFiles(artifactDir);
            ArrayNode index = JSON.createArrayNode();
            for (String rel : files) {
                byte[] plain = Files.readAllBytes(artifactDir.resolve(rel));
                writeSealed(tmp, FILES_DIR + "/" + rel + ".enc", seal(key, rel, plain));
                index.add(rel);
            }
            ObjectNode idx = JSON.createObjectNode().put("formatVersion", (int) FORMAT);
            idx.set("files", index);
            writeSealed(tmp, INDEX_FILE, seal(key, "index", JSON.writeValueAsBytes(idx)));
            ArtifactFiles.moveAtomically(tmp, encryptedDir);
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot encrypt " + artifactDir, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Decrypts {@code encryptedDir} into the new directory {@code targetDir}, all or nothing.
     *
     * @param encryptedDir a directory written by {@link #encrypt}
     * @param targetDir the target, which must not exist; created atomically after every file
     *     authenticated
     * @param key the AES key used to encrypt
     * @throws IllegalArgumentException if the key is not a 32-byte AES key or the target exists
     * @throws ArtifactException if the key is wrong or any file was altered, added, removed or
     *     renamed (the message names the file); nothing is left at {@code targetDir}
     */
    public static void decrypt(Path encryptedDir, Path targetDir, SecretKey key)
            throws ArtifactException {
        checkKey(key);
        checkAbsent("targetDir", targetDir);
        Path tmp = siblingTemp(targetDir);
        try {
            List<String> files = readIndex(encryptedDir, key);
            checkFileSet(encryptedDir, files);
            for (String rel : files) {
                byte[] blob =
                        Files.readAllBytes(encryptedDir.resolve(FILES_DIR).resolve(rel + ".enc"));
                ArtifactFiles.writeDurably(
                        ArtifactFiles.resolveInside(tmp, rel), open(key, rel, blob));
            }
            Files.createDirectories(tmp);
            ArtifactFiles.moveAtomically(tmp, targetDir);
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot decrypt " + encryptedDir, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static List<String> readIndex(Path encryptedDir, SecretKey key) throws IOException {
        Path file = encryptedDir.resolve(INDEX_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactException(
                    "encrypted artifact " + encryptedDir + " has no " + INDEX_FILE);
        }
        JsonNode idx = JSON.readTree(open(key, "index", Files.readAllBytes(file)));
        List<String> files = new ArrayList<>();
        idx.path("files").forEach(n -> files.add(n.asText()));
        return files;
    }

    private static void checkFileSet(Path encryptedDir, List<String> indexed) throws IOException {
        Path filesDir = encryptedDir.resolve(FILES_DIR);
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(filesDir)) {
            for (String f : ArtifactFiles.listFiles(filesDir)) {
                present.add(f.endsWith(".enc") ? f.substring(0, f.length() - 4) : f);
            }
        }
        for (String rel : indexed) {
            if (!present.remove(rel)) {
                throw new ArtifactException(
                        "encrypted artifact file " + rel + " listed in the index is missing");
            }
        }
        if (!present.isEmpty()) {
            throw new ArtifactException(
                    "encrypted artifact file " + present.first() + " is not in the index");
        }
    }

    private static byte[] seal(SecretKey key, String rel, byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(rel));
            byte[] ct = c.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + 1 + IV_BYTES + ct.length)
                    .put(MAGIC)
                    .put(FORMAT)
                    .put(iv)
                    .put(ct)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for " + rel, e);
        }
    }

    private static byte[] open(SecretKey key, String rel, byte[] blob) throws ArtifactException {
        int header = MAGIC.length + 1 + IV_BYTES;
        if (blob.length < header + TAG_BITS / 8
                || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || blob[MAGIC.length] != FORMAT) {
            throw new ArtifactException(
                    "encrypted artifact file " + rel + " has no valid MFAE format-1 header");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, blob, MAGIC.length + 1, IV_BYTES));
            c.updateAAD(aad(rel));
            return c.doFinal(blob, header, blob.length - header);
        } catch (AEADBadTagException e) {
            throw new ArtifactException(
                    "cannot decrypt artifact file "
                            + rel
                            + ": authentication failed (wrong key, or the ciphertext was altered"
                            + " or moved)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for " + rel, e);
        }
    }

    private static byte[] aad(String rel) {
        return (AAD_PREFIX + rel).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeSealed(Path dir, String rel, byte[] bytes) throws IOException {
        ArtifactFiles.writeDurably(ArtifactFiles.resolveInside(dir, rel), bytes);
    }

    private static void checkKey(SecretKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        int length = encoded == null ? -1 : encoded.length;
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || length != 32) {
            throw new IllegalArgumentException(
                    "key must be a 32-byte AES key but was a "
                            + length
                            + "-byte "
                            + key.getAlgorithm()
                            + " key");
        }
        Arrays.fill(encoded, (byte) 0);
    }

    private static void checkAbsent(String what, Path p) {
        Objects.requireNonNull(p, what);
        if (Files.exists(p)) {
            throw new IllegalArgumentException(what + " must not exist yet but " + p + " exists");
        }
    }

    private static Path siblingTemp(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
    }

    private static void deleteQuietly(Path p) throws ArtifactException {
        try {
            ArtifactFiles.deleteRecursively(p);
        } catch (IOException e) {
            throw new ArtifactException("cannot remove temporary directory " + p, e);
        }
    }
}
