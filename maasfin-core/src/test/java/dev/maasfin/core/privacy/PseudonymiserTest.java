// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms; every expected token is from reference Case 21. */
class PseudonymiserTest {

    static final byte[] KEY_BYTES =
            "maasfin-test-key-not-a-real-key!".getBytes(StandardCharsets.US_ASCII);
    static final PseudonymKey KEY = PseudonymKey.of(KEY_BYTES, "v1");

    private static final Pseudonymiser EMAILS =
            Pseudonymiser.withKey(KEY, Canonicalisation.CASE_INSENSITIVE);

    private static String token(String value) {
        return EMAILS.pseudonymise(value).token();
    }

    @Test
    void surroundingSpacesAndCase_giveTheSameCase21Token() {
        String expected = "be4e2f1663aa98b3ab7801f3cc97d18f26f27719232698673994d6f3274c25c5";
        assertEquals(expected, token("  Alice.Example@Example.TEST "));
        assertEquals(expected, token("alice.example@example.test"));
    }

    @Test
    void precomposedAndDecomposedAccents_giveTheSameCase21Token() {
        String expected = "12fcd977ab1c3600c16b2772ea5092b6a6689b2d5413539b069c84b363045688";
        assertEquals(expected, token("JOS\u00c9.EXAMPLE@example.test"));
        assertEquals(expected, token("JOSE\u0301.EXAMPLE@example.test"));
    }

    @Test
    void turkishDefaultLocale_doesNotChangeTheCase21Token() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            assertEquals(
                    "5594d6eb2cb4752c1a44d8e604f412de2123d15caa61744508960dee8c68d277",
                    token("INGRID.EXAMPLE@EXAMPLE.TEST"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void perPurposeKeys_giveTheCase21TokensAndKeepPurposesApart() {
        Pseudonymiser fraud =
                Pseudonymiser.forPurpose(KEY, "fraud-features", Canonicalisation.EXACT);
        Pseudonymiser marketing =
                Pseudonymiser.forPurpose(KEY, "marketing-export", Canonicalisation.EXACT);
        assertEquals(
                "3bafb5489e8b61c48e5f60aa4acd831335906de560f660b13b17a62f894ed3aa",
                fraud.pseudonymise("C-000123").token());
        assertEquals(
                "e99bf803356450d747f0ca935f5518c708a3f2c9f4ad91e1113c7d00cd4975b7",
                marketing.pseudonymise("C-000123").token());
        assertEquals(
                fraud.pseudonymise("C-000123"),
                Pseudonymiser.forPurpose(KEY, "fraud-features", Canonicalisation.EXACT)
                        .pseudonymise(" C-000123"));
        // Case 21 wrong output: one key for both purposes gives 1f418fac... in both data sets.
        assertNotEquals(
                "1f418fac7a6c896f87d69a0f0f987a11b660bd1c7b0b0f56432b403c3988985f",
                fraud.pseudonymise("C-000123").token());
    }

    @Test
    void keyVersion_isStoredWithTheToken() {
        Pseudonym p = EMAILS.pseudonymise("alice.example@example.test");
        assertEquals("v1", p.keyVersion());
        assertEquals(
                "v1:be4e2f1663aa98b3ab7801f3cc97d18f26f27719232698673994d6f3274c25c5", p.encoded());
        assertEquals(p, Pseudonym.parse(p.encoded()));
        Pseudonymiser v2 =
                Pseudonymiser.withKey(
                        PseudonymKey.of(KEY_BYTES, "v2"), Canonicalisation.CASE_INSENSITIVE);
        assertNotEquals(p, v2.pseudonymise("alice.example@example.test"));
    }

    @Test
    void keyNeverAppearsInToString() {
        String key = new String(KEY_BYTES, StandardCharsets.US_ASCII);
        assertFalse(KEY.toString().contains(key));
        assertFalse(KEY.toString().contains("6d61617366696e"));
        assertEquals("PseudonymKey[version=v1, key=<redacted>]", KEY.toString());
        assertFalse(EMAILS.toString().contains(key));
    }

    @Test
    void shortKey_isRefusedWithItsLengthOnly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PseudonymKey.of(
                                        "short-secret".getBytes(StandardCharsets.US_ASCII), "v1"));
        assertEquals("key must be at least 32 bytes but was 12 bytes", e.getMessage());
    }

    @Test
    void blankValue_isRefusedWithoutEchoingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EMAILS.pseudonymise("   "));
        assertEquals(
                "value must not be blank after stripping white space; its length was 3",
                e.getMessage());
    }

    @Test
    void unpairedSurrogate_isRefusedInsteadOfBecomingAQuestionMark() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EMAILS.pseudonymise("jos\ud800@example.test"));
        assertEquals(
                "value holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8; its"
                        + " length was 17",
                e.getMessage());
    }

    @Test
    void destroyedKey_cannotBeUsed() {
        PseudonymKey k = PseudonymKey.of(KEY_BYTES, "v9");
        k.destroy();
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> Pseudonymiser.withKey(k, Canonicalisation.EXACT));
        assertEquals("pseudonym key v9 was destroyed", e.getMessage());
    }
}
