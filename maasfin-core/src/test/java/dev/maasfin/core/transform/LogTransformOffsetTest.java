// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import org.junit.jupiter.api.Test;

class LogTransformOffsetTest {

    @Test
    void apply_withOffset_isTheLogOfTheValuePlusTheOffset() {
        Frame f = ScalerReferenceCasesTest.column("a", 0.0, 0.009);

        double[] y = LogTransform.of("a").withOffset(1e-3).fit(f).apply(f).column("a");

        // by definition ln(0 + 0.001) = -6.907755278982137 and ln(0.009 + 0.001) = ln 0.01
        // = -4.605170185988091 (Python's math.log)
        assertArrayEquals(new double[] {-6.907755278982137, -4.605170185988091}, y, 1e-14);
    }

    @Test
    void inverse_withOffset_subtractsTheOffsetAfterExp() {
        Frame f = ScalerReferenceCasesTest.column("a", 0.0, 0.009);
        FittedTransform t = LogTransform.of("a").withOffset(1e-3).fit(f);

        assertArrayEquals(f.column("a"), t.inverse(t.apply(f)).column("a"), 1e-15);
    }

    @Test
    void state_withOffset_roundTripsThroughJsonBitForBit() {
        Frame f = ScalerReferenceCasesTest.column("a", 0.2, 0.5);
        FittedTransform t = LogTransform.of("a").withOffset(0.1 + 0.2).fit(f);

        FittedTransform back =
                TransformStates.restore(
                        TransformStates.fromJson(TransformStates.toJson(t.state())));

        assertEquals(t.state(), back.state());
        assertEquals(
                Double.doubleToLongBits(Math.log(0.2 + (0.1 + 0.2))),
                Double.doubleToLongBits(back.apply(f).column("a")[0]));
    }

    @Test
    void state_withoutOffset_hasNoOffsetParam_soOldStatesAreUnchanged() {
        Frame f = ScalerReferenceCasesTest.column("a", 1.0);

        TransformState s = LogTransform.of("a").fit(f).state();

        assertFalse(s.params().containsKey("offset"));
    }

    @Test
    void apply_refusesAValueWhoseShiftIsNotPositive_namingValueAndOffset() {
        Frame f = ScalerReferenceCasesTest.column("a", -0.5);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LogTransform.of("a").withOffset(0.25).fit(f));

        assertEquals(
                "column 'a', row 0: value -0.5 plus offset 0.25 must be > 0 for log",
                e.getMessage());
    }

    @Test
    void withOffset_refusesANonFiniteOffset() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LogTransform.of("a").withOffset(Double.NaN));

        assertEquals("offset must be finite but was NaN", e.getMessage());
    }
}
