// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * The kernels' tanh (computed from {@link Math#exp}) against the JDK's {@link Math#tanh}, the
 * reference definition (fdlibm, within 2.5 ulp of the true value): the documented bound is 1e-12
 * relative.
 */
class TanhAccuracyTest {

    @Test
    void tanh_overTheGateRange_isWithin1e12RelativeOfMathTanh() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(doubles().between(-40, 40))
                .checkAssert(x -> assertClose(x));
    }

    @Test
    void tanh_nearZeroAndAtTheSeriesSwitch_isWithin1e12RelativeOfMathTanh() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(doubles().between(-0.01, 0.01))
                .checkAssert(x -> assertClose(x));
        for (double x : new double[] {0, 0x1p-9, -0x1p-9, Math.nextDown(0x1p-9), 1e-300, -1e-30}) {
            assertClose(x);
        }
    }

    @Test
    void tanh_farOut_isPlusOrMinusOne() {
        // tanh(x) rounds to ±1 in double for |x| > 19.06 (1 − tanh(x) ≈ 2e^(−2x) < 2^−53).
        assertEquals(1.0, Activation.tanh(25), 0);
        assertEquals(-1.0, Activation.tanh(-1e6), 0);
    }

    private static void assertClose(double x) {
        double expected = Math.tanh(x);
        assertEquals(expected, Activation.tanh(x), 1e-12 * Math.abs(expected), "tanh(" + x + ")");
    }
}
