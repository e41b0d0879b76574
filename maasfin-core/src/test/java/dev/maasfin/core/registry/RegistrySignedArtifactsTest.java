// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.core.artifact.ArtifactSigner;
import dev.maasfin.core.artifact.ArtifactVerifier;
import dev.maasfin.core.artifact.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registry configured with a verifier accepts only artifacts signed by a trusted key. */
class RegistrySignedArtifactsTest {

    @Test
    void registryWithVerifier_refusesUnsignedAndUnknownKeysAndTamperedSignatures()
            throws Exception {
        KeyPair release = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path work = TestDirs.fresh("signed-registry");
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder()
                        .setRoot(work.resolve("registry"))
                        .optVerifier(
                                ArtifactVerifier.builder()
                                        .addTrustedKey("release", release.getPublic())
                                        .build())
                        .build();

        Path unsigned = Case19RegistryTest.caseSource(work.resolve("a"));
        ArtifactException noSig =
                assertThrows(
                        ArtifactException.class,
                        () -> reg.publish("vol-lstm", unsigned, Map.of(), "ci", "x"));
        assertTrue(noSig.getMessage().contains("has no signature"), noSig.getMessage());

        Path foreign = Case19RegistryTest.caseSource(work.resolve("b"));
        ArtifactSigner.sign(foreign, other.getPrivate(), "someone-else");
        ArtifactException unknown =
                assertThrows(
                        ArtifactException.class,
                        () -> reg.publish("vol-lstm", foreign, Map.of(), "ci", "x"));
        assertTrue(
                unknown.getMessage().contains("signed by unknown key someone-else"),
                unknown.getMessage());

        Path good = Case19RegistryTest.caseSource(work.resolve("c"));
        ArtifactSigner.sign(good, release.getPrivate(), "release");
        assertEquals(1, reg.publish("vol-lstm", good, Map.of(), "ci", "signed").version());
        assertEquals(List.of(), Case19RegistryTest.leftovers(reg.root()));

        Path stored = reg.load("vol-lstm", 1);
        byte[] sig = Files.readAllBytes(stored.resolve("MANIFEST.sig"));
        String text = new String(sig, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("\"signature\"") + 20;
        char c = text.charAt(at);
        text = text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
        Files.writeString(stored.resolve("MANIFEST.sig"), text);
        ArtifactException bad =
                assertThrows(ArtifactException.class, () -> reg.load("vol-lstm", 1));
        assertTrue(
                bad.getMessage()
                        .startsWith("refusing to load vol-lstm v1: signature does not match"),
                bad.getMessage());
    }
}
