// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariant of Case 21: no masked output shows more than 10 digits of the card number. */
class PanMaskerPropertyTest {

    /** Luhn-valid numbers of 13-19 digits, optionally with single spaces or dashes every 4. */
    @Provide
    Arbitrary<String> pans() {
        Arbitrary<String> body = Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(18);
        Arbitrary<Character> sep = Arbitraries.of('\0', ' ', '-');
        return Combinators.combine(body, sep).as(PanMaskerPropertyTest::withCheckDigit);
    }

    static String withCheckDigit(String body, char sep) {
        for (int d = 0; d <= 9; d++) {
            String pan = body + d;
            if (PanMasker.isLuhnValid(pan)) {
                return sep == '\0' ? pan : grouped(pan, sep);
            }
        }
        throw new AssertionError("some check digit always satisfies Luhn");
    }

    private static String grouped(String pan, char sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pan.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                b.append(sep);
            }
            b.append(pan.charAt(i));
        }
        return b.toString();
    }

    private static long digits(String s) {
        return s.chars().filter(c -> c >= '0' && c <= '9').count();
    }

    @Property(tries = 1000, seed = "20260105")
    void mask_neverShowsMoreThanTenDigits(@ForAll("pans") String pan) {
        String masked = PanMasker.standard().mask(pan);
        long shown = digits(masked);
        long total = digits(pan);
        assertTrue(shown <= (total < 14 ? 4 : 10), pan.length() + "-char PAN showed " + shown);
        assertTrue(masked.length() == pan.length());
    }

    @Property(tries = 1000, seed = "20260106")
    void maskInText_neverShowsMoreThanTenDigitsOfAnEmbeddedPan(@ForAll("pans") String pan) {
        String masked = PanMasker.standard().maskInText("card=" + pan + "; status=declined");
        assertTrue(digits(masked) <= 10, "showed " + digits(masked) + " digits");
    }
}
