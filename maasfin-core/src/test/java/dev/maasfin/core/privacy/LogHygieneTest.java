// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.core.artifact.ArtifactEncryptor;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.core.artifact.TestDirs;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Feeds a card number, an e-mail address and key material through the error paths of privacy,
 * artifact and registry code, and checks that none of them appears in any log line (slf4j-simple
 * writes to {@code System.err}, captured here) or in any exception text, causes and stack traces
 * included.
 */
class LogHygieneTest {

    private static final String PAN = "4000001234567899";
    private static final String EMAIL = "alice.example@example.test";
    private static final byte[] KEY = PseudonymiserTest.KEY_BYTES;

    /** Marker errors in the test: {@code Runnable} that is expected to throw. */
    @FunctionalInterface
    private interface Failing {
        void run() throws Exception;
    }

    private final List<Throwable> thrown = new ArrayList<>();

    private void expectFailure(Failing f) {
        try {
            f.run();
        } catch (Exception e) {
            thrown.add(e);
            return;
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void personalValuesAndKeys_neverReachLogsOrExceptionMessages() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger(LogHygieneTest.class).warn("capture probe");
            exercisePrivacyErrorPaths();
            exerciseArtifactErrorPaths();
        } finally {
            System.setErr(saved);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertTrue(log.contains("capture probe"), "the capture must see a WARN line: " + log);
        // Refusals are thrown, not also logged: the registry writes no line of its own.
        assertFalse(log.contains("Refused to load"), log);
        assertEquals(10, thrown.size());
        List<String> texts = new ArrayList<>();
        texts.add(log);
        thrown.forEach(t -> texts.add(fullText(t)));
        for (String text : texts) {
            assertClean(text);
        }
    }

    private void exercisePrivacyErrorPaths() {
        PrivacySchema schema = PrivacySchemaTest.schema();
        Map<String, String> badAge = new LinkedHashMap<>();
        badAge.put("age", EMAIL);
        expectFailure(() -> schema.applyToRecord(badAge));
        expectFailure(() -> schema.applyToRecord(Map.of("notes", "pan " + PAN + " " + EMAIL)));
        expectFailure(() -> schema.applyToRecord(Map.of("email", "   ")));
        Pseudonymiser p = Pseudonymiser.withKey(PseudonymiserTest.KEY, Canonicalisation.EXACT);
        expectFailure(() -> p.pseudonymise(EMAIL + "\ud800"));
        expectFailure(() -> Pseudonym.parse(EMAIL));
        expectFailure(() -> Pseudonym.parse(PAN + ":" + EMAIL));
        expectFailure(() -> PseudonymKey.of(java.util.Arrays.copyOf(KEY, 31), "v1"));
        expectFailure(() -> schema.checkNoRawPersonalColumns(List.of("email", "card", "age")));
    }

    private void exerciseArtifactErrorPaths() throws Exception {
        Path work = TestDirs.fresh("hygiene");
        Path artifact = Files.createDirectories(work.resolve("artifact"));
        Files.writeString(artifact.resolve("customers.csv"), PAN + "," + EMAIL + "\n");
        ArtifactManifest.write(artifact);
        Path enc = work.resolve("artifact.enc");
        ArtifactEncryptor.encrypt(artifact, enc, ArtifactEncryptor.aesKey(KEY));
        byte[] wrong = KEY.clone();
        wrong[31] ^= 1;
        expectFailure(
                () ->
                        ArtifactEncryptor.decrypt(
                                enc, work.resolve("plain"), ArtifactEncryptor.aesKey(wrong)));

        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder().setRoot(work.resolve("registry")).build();
        Path stored =
                reg.load(
                        "customers",
                        reg.publish("customers", artifact, Map.of(), "ci", "t").version());
        Files.writeString(stored.resolve("customers.csv"), PAN + "," + EMAIL + ",changed\n");
        expectFailure(() -> reg.load("customers", 1));
    }

    private static String fullText(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static void assertClean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(text.contains(PAN), "PAN leaked: " + text);
        assertFalse(text.contains("4000 0012 3456 7899"), "PAN leaked: " + text);
        assertFalse(lower.contains(EMAIL), "e-mail leaked: " + text);
        assertFalse(text.contains(new String(KEY, StandardCharsets.US_ASCII)), "key leaked");
        assertFalse(lower.contains(HexFormat.of().formatHex(KEY)), "key leaked as hex");
    }
}
