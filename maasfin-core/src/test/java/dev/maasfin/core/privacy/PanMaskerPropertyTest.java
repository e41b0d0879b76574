// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariant of Case 21: no masked output shows more than 10 digits of the card number. */
class PanMaskerPropertyTest {

    /** Luhn-valid numbers of 13-19 digits, optionally with single spaces or dashes every 4. */
    static Gen<String> pans() {
        return longs().all().zip(integers().between(0, 2), PanMaskerPropertyTest::pan);
    }

    private static String pan(long seed, int separator) {
        SplittableRandom rng = new SplittableRandom(seed);
        int length = 12 + rng.nextInt(7);
        StringBuilder body = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            body.append((char) ('0' + rng.nextInt(10)));
        }
        return withCheckDigit(body.toString(), "\0 -".charAt(separator));
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

    @Test
    void mask_neverShowsMoreThanTenDigits() {
        qt().withFixedSeed(20260105L)
                .withExamples(1000)
                .forAll(pans())
                .checkAssert(PanMaskerPropertyTest::showsAtMostTenDigits);
    }

    private static void showsAtMostTenDigits(String pan) {
        String masked = PanMasker.standard().mask(pan);
        long shown = digits(masked);
        long total = digits(pan);
        assertTrue(shown <= (total < 14 ? 4 : 10), pan.length() + "-char PAN showed " + shown);
        assertTrue(masked.length() == pan.length());
    }

    @Test
    void maskInText_neverShowsMoreThanTenDigitsOfAnEmbeddedPan() {
        qt().withFixedSeed(20260106L)
                .withExamples(1000)
                .forAll(pans())
                .checkAssert(PanMaskerPropertyTest::embeddedShowsAtMostTenDigits);
    }

    private static void embeddedShowsAtMostTenDigits(String pan) {
        String masked = PanMasker.standard().maskInText("card=" + pan + "; status=declined");
        assertTrue(digits(masked) <= 10, "showed " + digits(masked) + " digits");
    }
}
