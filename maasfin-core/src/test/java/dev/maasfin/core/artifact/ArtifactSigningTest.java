// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** Ed25519 signing of the manifest and each refusal the verifier must make. */
class ArtifactSigningTest {

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static final KeyPair TRUSTED;

    static {
        try {
            TRUSTED = ed25519();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ArtifactVerifier verifier() {
        return ArtifactVerifier.builder()
                .addTrustedKey("release-2026", TRUSTED.getPublic())
                .build();
    }

    @Test
    void signedArtifact_verifiesWithTheTrustedKey() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("signed");
        ArtifactManifest signed = ArtifactSigner.sign(dir, TRUSTED.getPrivate(), "release-2026");
        assertEquals(signed, verifier().verify(dir));
        assertTrue(Files.exists(dir.resolve("MANIFEST.sig")));
    }

    @Test
    void unsignedArtifact_isRefusedAsHavingNoSignature() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("unsigned");
        ArtifactManifest.write(dir);
        ArtifactException e = assertThrows(ArtifactException.class, () -> verifier().verify(dir));
        assertEquals(
                "artifact " + dir + " has no signature (MANIFEST.sig missing)", e.getMessage());
    }

    @Test
    void artifactSignedByUnknownKey_isRefusedNamingTheKeyId() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("unknown");
        ArtifactSigner.sign(dir, ed25519().getPrivate(), "intruder");
        ArtifactException e = assertThrows(ArtifactException.class, () -> verifier().verify(dir));
        assertEquals(
                "artifact "
                        + dir
                        + " is signed by unknown key intruder; trusted keys are"
                        + " [release-2026]",
                e.getMessage());
    }

    @Test
    void wrongKeyUnderATrustedId_isRefusedAsNotMatching() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("forged");
        ArtifactSigner.sign(dir, ed25519().getPrivate(), "release-2026");
        ArtifactException e = assertThrows(ArtifactException.class, () -> verifier().verify(dir));
        assertTrue(
                e.getMessage().startsWith("signature does not match the manifest"), e.getMessage());
    }

    @Test
    void manifestAlteredAfterSigning_isRefusedAsNotMatching() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("manifest-edit");
        ArtifactSigner.sign(dir, TRUSTED.getPrivate(), "release-2026");
        Files.write(dir.resolve("weights.bin"), "evil".getBytes(StandardCharsets.UTF_8));
        Files.delete(dir.resolve("MANIFEST.json"));
        ArtifactManifest.write(dir); // attacker recomputes the manifest for the new weights
        ArtifactException e = assertThrows(ArtifactException.class, () -> verifier().verify(dir));
        assertEquals(
                "signature does not match the manifest of "
                        + dir
                        + " (key release-2026): MANIFEST.json or MANIFEST.sig was altered after"
                        + " signing",
                e.getMessage());
    }

    @Test
    void fileAlteredAfterSigning_isRefusedNamingFileAndDigests() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("file-edit");
        ArtifactSigner.sign(dir, TRUSTED.getPrivate(), "release-2026");
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        w[5] ^= 0x01;
        Files.write(dir.resolve("weights.bin"), w);
        ArtifactException e = assertThrows(ArtifactException.class, () -> verifier().verify(dir));
        // Digests from reference Case 19 (original and byte-5-flipped weights).
        assertTrue(
                e.getMessage().startsWith("artifact file weights.bin was altered"), e.getMessage());
        assertTrue(e.getMessage().contains(ArtifactManifestTest.WEIGHTS_SHA), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "7076d4b6fe177bfe858190646fe1e23382dc546b6e5c31023889e5de969b835e"),
                e.getMessage());
    }

    @Test
    void sign_whenExistingManifestNoLongerMatches_refusesToBlessAlteredFiles() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("stale");
        ArtifactManifest.write(dir);
        Files.write(dir.resolve("meta.json"), "{}".getBytes(StandardCharsets.UTF_8));
        ArtifactException e =
                assertThrows(
                        ArtifactException.class,
                        () -> ArtifactSigner.sign(dir, TRUSTED.getPrivate(), "release-2026"));
        assertTrue(
                e.getMessage().startsWith("artifact file meta.json was altered"), e.getMessage());
    }

    @Test
    void sign_whenKeyIsNotEd25519_isRefusedNamingTheAlgorithm() throws Exception {
        Path dir = ArtifactManifestTest.caseArtifact("rsa");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ArtifactSigner.sign(dir, rsa.generateKeyPair().getPrivate(), "k"));
        assertEquals("privateKey must be an Ed25519 key but its algorithm is RSA", e.getMessage());
    }

    @Test
    void verifierBuilder_withoutKeys_isRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> ArtifactVerifier.builder().build());
        assertEquals(
                "at least one trusted key must be added (addTrustedKey) but none was",
                e.getMessage());
    }
}
