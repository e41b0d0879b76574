// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs an artifact's {@link ArtifactManifest} with Ed25519 (JCA, RFC 8032), writing {@value
 * ArtifactManifest#SIGNATURE_FILE} beside it.
 *
 * <p>The signed message is the domain prefix {@code "maasfin-manifest-signature-v1\n"} followed by
 * the exact bytes of {@code MANIFEST.json}; since the manifest holds every file's SHA-256, the
 * signature covers every file. The signature file is JSON: {@code {"formatVersion":1,
 * "algorithm":"Ed25519","keyId":"…","signature":"<base64>"}}. If the directory already has a
 * manifest it must still match the files (otherwise signing would bless altered files); if not, one
 * is written. The private key is never logged or put in a message. Thread-safe: stateless.
 */
public final class ArtifactSigner {

    /** Prefix of the signed message, separating this use of the key from any other. */
    static final byte[] DOMAIN = "maasfin-manifest-signature-v1\n".getBytes(StandardCharsets.UTF_8);

    static final String ALGORITHM = "Ed25519";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArtifactSigner() {}

    /**
     * Signs the manifest of {@code dir} (writing the manifest first if absent).
     *
     * @param dir the artifact directory
     * @param privateKey an Ed25519 private key
     * @param keyId the identifier verifiers use to find the public key: 1-64 of letters, digits,
     *     {@code . _ : -}
     * @return the verified manifest that was signed
     * @throws IllegalArgumentException if {@code keyId} is malformed or the key is not Ed25519
     * @throws ArtifactException if an existing manifest does not match the files, or writing fails
     */
    public static ArtifactManifest sign(Path dir, PrivateKey privateKey, String keyId)
            throws ArtifactException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(
                    "keyId must be 1-64 of letters, digits, '.', '_', ':' or '-' but was '"
                            + keyId
                            + "'");
        }
        ArtifactManifest manifest =
                Files.exists(dir.resolve(ArtifactManifest.MANIFEST_FILE))
                        ? ArtifactManifest.verify(dir)
                        : ArtifactManifest.write(dir);
        byte[] signature = signBytes(privateKey, manifestBytes(dir));
        writeSignature(dir, keyId, signature);
        return manifest;
    }

    static byte[] manifestBytes(Path dir) throws ArtifactException {
        try {
            return Files.readAllBytes(dir.resolve(ArtifactManifest.MANIFEST_FILE));
        } catch (IOException e) {
            throw new ArtifactException(
                    "cannot read " + ArtifactManifest.MANIFEST_FILE + " in " + dir, e);
        }
    }

    private static byte[] signBytes(PrivateKey key, byte[] manifest) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(DOMAIN);
            s.update(manifest);
            return s.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(
                    "privateKey must be an Ed25519 key but its algorithm is " + key.getAlgorithm());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing is unavailable on this JVM", e);
        }
    }

    private static void writeSignature(Path dir, String keyId, byte[] signature)
            throws ArtifactException {
        ObjectNode n = JSON.createObjectNode();
        n.put("formatVersion", 1);
        n.put("algorithm", ALGORITHM);
        n.put("keyId", keyId);
        n.put("signature", Base64.getEncoder().encodeToString(signature));
        try {
            ArtifactFiles.replaceAtomically(
                    dir.resolve(ArtifactManifest.SIGNATURE_FILE), JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new ArtifactException(
                    "cannot write " + ArtifactManifest.SIGNATURE_FILE + " in " + dir, e);
        }
    }
}
