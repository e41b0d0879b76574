// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.registry.ArtifactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks that an artifact was signed by a trusted Ed25519 key and that no file changed since.
 *
 * <p>{@link #verify} refuses, in this order: no signature file ("has no signature"), a key id not
 * among the trusted keys ("signed by unknown key &lt;id&gt;"), a signature that does not verify
 * over the manifest bytes ("signature does not match"), and finally any file that differs from the
 * manifest (naming the file and both digests, as {@link ArtifactManifest#verifyFiles} does). See
 * {@link ArtifactSigner} for the signed message. Thread-safe: immutable after {@link
 * Builder#build()}.
 */
public final class ArtifactVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PublicKey> trusted;

    private ArtifactVerifier(Map<String, PublicKey> trusted) {
        this.trusted = Collections.unmodifiableMap(new TreeMap<>(trusted));
    }

    /**
     * Starts a builder; at least one trusted key is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the signature and every file of the artifact in {@code dir}.
     *
     * @param dir the artifact directory
     * @return the verified manifest
     * @throws ArtifactException if the artifact is unsigned, signed by an unknown key, the
     *     signature does not match, or a file was altered; the message says which
     */
    public ArtifactManifest verify(Path dir) throws ArtifactException {
        JsonNode sig = readSignature(dir);
        String keyId = sig.path("keyId").asText("");
        PublicKey key = trusted.get(keyId);
        if (key == null) {
            throw new ArtifactException(
                    "artifact "
                            + dir
                            + " is signed by unknown key "
                            + keyId
                            + "; trusted keys are "
                            + trusted.keySet());
        }
        byte[] manifestBytes = ArtifactSigner.manifestBytes(dir);
        if (!signatureMatches(key, manifestBytes, sig)) {
            throw new ArtifactException(
                    "signature does not match the manifest of "
                            + dir
                            + " (key "
                            + keyId
                            + "): MANIFEST.json or MANIFEST.sig was altered after signing");
        }
        ArtifactManifest manifest = ArtifactManifest.parse(manifestBytes);
        manifest.verifyFiles(dir);
        return manifest;
    }

    private static JsonNode readSignature(Path dir) throws ArtifactException {
        Path file = dir.resolve(ArtifactManifest.SIGNATURE_FILE);
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            if (!ArtifactSigner.ALGORITHM.equals(n.path("algorithm").asText())) {
                throw new ArtifactException(
                        file + " algorithm must be Ed25519 but was " + n.path("algorithm"));
            }
            return n;
        } catch (NoSuchFileException e) {
            throw new ArtifactException(
                    "artifact " + dir + " has no signature (" + file.getFileName() + " missing)",
                    e);
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException(file + " is not a readable signature file", e);
        }
    }

    private static boolean signatureMatches(PublicKey key, byte[] manifest, JsonNode sig) {
        try {
            byte[] signature = Base64.getDecoder().decode(sig.path("signature").asText(""));
            Signature s = Signature.getInstance(ArtifactSigner.ALGORITHM);
            s.initVerify(key);
            s.update(ArtifactSigner.DOMAIN);
            s.update(manifest);
            return s.verify(signature);
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return false; // not base64, or not a well-formed Ed25519 signature
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("trusted key is not an Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification is unavailable on this JVM", e);
        }
    }

    /** Collects trusted public keys by key id. Not thread-safe. */
    public static final class Builder {

        private final Map<String, PublicKey> trusted = new TreeMap<>();

        private Builder() {}

        /**
         * Trusts signatures made by the private half of {@code key} under {@code keyId}.
         *
         * @param keyId the key id recorded in {@code MANIFEST.sig}
         * @param key an Ed25519 public key
         * @return this builder
         * @throws IllegalArgumentException if the key is not Ed25519 or the id is already used
         */
        public Builder addTrustedKey(String keyId, PublicKey key) {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(key, "key");
            checkEd25519(key);
            if (trusted.putIfAbsent(keyId, key) != null) {
                throw new IllegalArgumentException("keyId '" + keyId + "' was added twice");
            }
            return this;
        }

        private static void checkEd25519(PublicKey key) {
            try {
                Signature.getInstance(ArtifactSigner.ALGORITHM).initVerify(key);
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException(
                        "key must be an Ed25519 public key but its algorithm is "
                                + key.getAlgorithm());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is unavailable on this JVM", e);
            }
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if no trusted key was added
         */
        public ArtifactVerifier build() {
            if (trusted.isEmpty()) {
                throw new IllegalArgumentException(
                        "at least one trusted key must be added (addTrustedKey) but none was");
            }
            return new ArtifactVerifier(trusted);
        }
    }
}
