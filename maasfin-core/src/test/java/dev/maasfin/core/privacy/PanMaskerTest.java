// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PAN masking; expected outputs are those of reference Case 21. */
class PanMaskerTest {

    private final PanMasker masker = PanMasker.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4000001234567899, 400000******7899",
        "4000009876543210124, 400000*********0124",
        "370000123456784, 370000*****6784",
        "36000012345672, 360000****5672",
        "4000001234562, *********4562",
        "'4000 0012 3456 7899', '4000 00** **** 7899'",
        "4000-0012-3456-7899, 4000-00**-****-7899"
    })
    void mask_case21Numbers_keepAtMostFirstSixAndLastFour(String pan, String expected) {
        assertEquals(expected, masker.mask(pan));
    }

    @Test
    void maskInText_case21LogLine_masksOnlyThePan() {
        assertEquals(
                "auth declined pan=400000******7899 amount=12.50",
                masker.maskInText("auth declined pan=4000001234567899 amount=12.50"));
    }

    @ParameterizedTest
    @CsvSource({"20240115000123", "1700000000000"})
    void luhnInvalidNumbers_case21DateAndEpochMillis_areNotMasked(String number) {
        assertEquals(number, masker.mask(number));
        assertEquals("ts=" + number + " ok", masker.maskInText("ts=" + number + " ok"));
    }

    @Test
    void maskInText_findsSpacedPanNextToOtherNumbers() {
        assertEquals(
                "ref 12 card 4000 00** **** 7899 on 2024-01-15",
                masker.maskInText("ref 12 card 4000 0012 3456 7899 on 2024-01-15"));
        assertEquals(
                "12 4000 00** **** 7899",
                masker.maskInText("12 4000 0012 3456 7899"),
                "a leading short group must not hide the PAN behind a failed Luhn check");
    }

    @Test
    void mask_whenThePanIsPadded_stillMasksIt() {
        assertEquals(" 400000******7899\t", masker.mask(" 4000001234567899\t"));
        assertEquals("no card here", masker.mask("no card here"));
    }

    @Test
    void maskInText_masksSeveralPansInOneLine() {
        assertEquals(
                "a=400000******7899 b=370000*****6784",
                masker.maskInText("a=4000001234567899 b=370000123456784"));
    }

    @Test
    void eightPlusFour_onlyWithAnExplicitJustification_andOnlyFrom16Digits() {
        PanMasker wide = PanMasker.withEightDigitBin("issuer routing with 8-digit BINs");
        assertEquals("40000012****7899", wide.mask("4000001234567899"));
        assertEquals("370000*****6784", wide.mask("370000123456784"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> PanMasker.withEightDigitBin(" "));
        assertEquals(
                "businessJustification must state why 8 + 4 digits are shown but was blank",
                e.getMessage());
    }

    @Test
    void isCardNumber_rejectsDoubleSeparatorsAndWrongLengths() {
        assertTrue(PanMasker.isCardNumber("4000 0012 3456 7899"));
        assertFalse(PanMasker.isCardNumber("4000  0012 3456 7899"));
        assertFalse(PanMasker.isCardNumber("400000123456789"), "Luhn-invalid 15 digits");
        assertFalse(PanMasker.isCardNumber("000000000000"), "12 digits, Luhn-valid but too short");
    }
}
