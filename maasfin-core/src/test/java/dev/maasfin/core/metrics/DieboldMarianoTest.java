// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DieboldMarianoTest {
    // Loss differences d = model - baseline = 1, -1, 2, 0, -2, 1, 0, 3 (n = 8).
    static final double[] MODEL = {3, 1, 4, 2, 0, 3, 2, 5};
    static final double[] BASELINE = {2, 2, 2, 2, 2, 2, 2, 2};

    @Test
    void test_handExampleWithHorizonTwo_matchesHandComputation() {
        // By hand: mean d = 4/8 = 0.5; deviations 0.5,-1.5,1.5,-0.5,-2.5,0.5,-0.5,2.5.
        // gamma0 = 18/8 = 2.25; gamma1 = (-0.75-2.25-0.75+1.25-1.25-0.25-1.25)/8 = -0.65625.
        // h = 2: V = 2.25 + 2(-0.65625) = 0.9375; V/n = 0.1171875.
        // HLN = sqrt((8 + 1 - 4 + 2/8)/8) = sqrt(0.65625).
        // DM = 0.5 / sqrt(0.1171875) * sqrt(0.65625) = 0.5 * sqrt(5.6) = 1.1832159566199232.
        // p = 2 * P(T_7 > 1.18321...) = 0.27534554870873057 (scipy.stats.t.sf, independent).
        DmResult r = DieboldMariano.test(MODEL, BASELINE, 2);
        assertEquals(0.5 * Math.sqrt(5.6), r.statistic(), 1e-12);
        assertEquals(0.27534554870873057, r.pValue(), 1e-9);
        assertEquals(8, r.n());
        assertEquals(0.5, r.meanLossDifference(), 1e-15);
    }

    @Test
    void test_horizonOne_usesGammaZeroOnly() {
        // h = 1: V = 2.25; HLN = sqrt(7/8); DM = 0.5 * sqrt(8/2.25 * 7/8) = 0.5 * sqrt(7/2.25).
        DmResult r = DieboldMariano.test(MODEL, BASELINE, 1);
        assertEquals(0.5 * Math.sqrt(7 / 2.25), r.statistic(), 1e-12);
    }

    @Test
    void neweyWest_handExampleOneLag_usesBartlettWeightAndNormalP() {
        // L = 1: weight 1 - 1/2; V = 2.25 + 2 * 0.5 * (-0.65625) = 1.59375.
        // stat = 0.5 / sqrt(1.59375 / 8) = 1.1202240672224077; p = 2 * (1 - Phi(stat)) =
        // 0.2626182904425206 (scipy.stats.norm.sf).
        DmResult r = DieboldMariano.neweyWest(MODEL, BASELINE, 1);
        assertEquals(0.5 * Math.sqrt(8 / 1.59375), r.statistic(), 1e-12);
        assertEquals(0.2626182904425206, r.pValue(), 1e-9);
    }

    @Test
    void test_modelBetter_givesNegativeStatistic() {
        DmResult r = DieboldMariano.test(BASELINE, MODEL, 2);
        assertEquals(-0.5 * Math.sqrt(5.6), r.statistic(), 1e-12);
    }

    @Test
    void test_identicalLosses_isRejectedAsZeroVariance() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DieboldMariano.test(BASELINE, BASELINE, 2));
        assertEquals(
                "the rectangular-kernel long-run variance of the loss differences must be > 0 but"
                        + " was 0.0 (identical losses, or a negative kernel estimate)",
                e.getMessage());
    }

    @Test
    void test_unequalLengths_namesBothLengths() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DieboldMariano.test(new double[9], new double[8], 2));
        assertEquals(
                "modelLoss and baselineLoss must have equal length but modelLoss has 9 and"
                        + " baselineLoss has 8",
                e.getMessage());
    }
}
