// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.TransformState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierTransformsTest {

    private static Frame frame(String name, double... values) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(name, values);
        return Frame.of(m);
    }

    @Test
    void quantileClip_learnsLinearQuantilesFromTrainOnly() {
        Frame train = frame("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 100);

        FittedQuantileClip fitted = QuantileClip.of(0.1, 0.9).fit(train);

        // n = 10. Lower: h = 9 * 0.1 = 0.9 -> x[0] + 0.9 (x[1] - x[0]) = 1 + 0.9 = 1.9.
        // Upper: h = 9 * 0.9 = 8.1 -> x[8] + 0.1 (x[9] - x[8]) = 9 + 0.1 * 91 = 18.1.
        assertEquals(1.9, fitted.lower()[0], 1e-12);
        assertEquals(18.1, fitted.upper()[0], 1e-12);
        // Later data is clipped to the training bounds; NaN stays NaN.
        double[] out = fitted.apply(frame("x", -5, 10, 200, Double.NaN)).column("x");
        assertEquals(1.9, out[0], 1e-12);
        assertEquals(10, out[1]);
        assertEquals(18.1, out[2], 1e-12);
        assertTrue(Double.isNaN(out[3]));
    }

    @Test
    void quantileClip_skipsNaNWhenFitting() {
        // Sorted non-NaN values 1, 2, 3: median h = 2 * 0.5 = 1 -> 2; both quantiles 0.5 and 1.
        FittedQuantileClip fitted = QuantileClip.of(0.5, 1.0).fit(frame("x", 3, Double.NaN, 1, 2));

        assertEquals(2.0, fitted.lower()[0]);
        assertEquals(3.0, fitted.upper()[0]);
    }

    @Test
    void quantileClip_stateRoundTripsBitForBit() {
        FittedQuantileClip fitted = QuantileClip.of(0.01, 0.99).fit(frame("x", 0.1, 0.2, 0.7));

        TransformState state = fitted.state();
        FittedQuantileClip rebuilt = FittedQuantileClip.fromState(state);

        assertEquals("quantile-clip", state.type());
        assertEquals(List.of("x"), state.columns());
        assertEquals("0.01", state.params().get("lowerQuantile"));
        assertEquals(state, rebuilt.state());
        assertArrayEquals(fitted.upper(), rebuilt.upper());
    }

    @Test
    void quantileClip_whenTrainHasInfinity_namesColumnAndRow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                QuantileClip.of(0.1, 0.9)
                                        .fit(frame("x", 1, Double.POSITIVE_INFINITY)));

        assertEquals(
                "column x, row 1: value Infinity is infinite; cannot fit on it", e.getMessage());
    }

    @Test
    void quantileClip_whenQuantilesInverted_namesBoth() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuantileClip.of(0.9, 0.1));

        assertEquals(
                "quantiles must satisfy 0 <= lower < upper <= 1 but were lower=0.9," + " upper=0.1",
                e.getMessage());
    }

    @Test
    void quantileClip_whenColumnMissingAtApply_namesIt() {
        FittedQuantileClip fitted = QuantileClip.of(0.1, 0.9, "x").fit(frame("x", 1, 2, 3));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> fitted.apply(frame("y", 1)));
        assertEquals("column x is missing; the frame has [y]", e.getMessage());
    }

    @Test
    void madWinsorise_clipsAtMedianPlusMinusKScaledMad() {
        Frame train = frame("x", 1, 2, 3, 4, 5, 6, 100);

        FittedMadWinsorise fitted = MadWinsorise.of(3).fit(train);

        // median 4; |x - 4| = 3,2,1,0,1,2,96, sorted 0,1,1,2,2,3,96 -> MAD 2.
        // Bounds 4 ± 3 * 1.4826 * 2 = 4 ± 8.8956 -> [-4.8956, 12.8956].
        assertEquals(-4.8956, fitted.lower()[0], 1e-12);
        assertEquals(12.8956, fitted.upper()[0], 1e-12);
        double[] out = fitted.apply(train).column("x");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 12.8956}, out, 1e-12);
        assertEquals(2.0, fitted.state().array("mad")[0]);
        assertEquals(4.0, fitted.state().array("median")[0]);
    }

    @Test
    void madWinsorise_whenMadIsZero_leavesColumnUnchanged() {
        // Reference case 6's robust input: median 20.5 and |x - 20.5| has median 0.
        Frame train = frame("x", 20.5, 20.5, 20.5, 23.5, 20.5, 20.5, 20.5);

        FittedMadWinsorise fitted = MadWinsorise.of(3).fit(train);

        assertArrayEquals(train.column("x"), fitted.apply(train).column("x"));
    }

    @Test
    void madWinsorise_stateRoundTripsAndNamesType() {
        FittedMadWinsorise fitted = MadWinsorise.of(2.5, "x").fit(frame("x", 1, 2, 4, 8));

        TransformState state = fitted.state();
        FittedMadWinsorise rebuilt = FittedMadWinsorise.fromState(state);

        assertEquals("mad-winsorise", state.type());
        assertEquals("2.5", state.params().get("k"));
        assertEquals("1.4826", state.params().get("scale"));
        assertEquals(state, rebuilt.state());
        assertArrayEquals(fitted.lower(), rebuilt.lower());
    }

    @Test
    void fromState_whenTypeIsWrong_namesBoth() {
        TransformState state = QuantileClip.of(0.1, 0.9).fit(frame("x", 1, 2)).state();

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> FittedMadWinsorise.fromState(state));
        assertEquals("state type must be mad-winsorise but was quantile-clip", e.getMessage());
    }

    @Test
    void madWinsorise_whenKNotPositive_namesK() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MadWinsorise.of(0));

        assertEquals("k must be finite and > 0 but was 0.0", e.getMessage());
    }
}
