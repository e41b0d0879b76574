// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static dev.maasfin.core.feature.Expect.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The indicator cases of shared/cases/reference-cases.md; expected values are copied from that
 * file, each test names its case.
 */
class ReferenceCasesTest {

    // Case 1 input: 20 closes, RSI(14).
    private static final double[] CASE1 = {
        50.10, 50.65, 50.32, 51.04, 51.60, 51.25, 51.90, 52.40, 52.05, 51.70, 52.35, 52.95, 52.60,
        53.20, 53.05, 53.60, 53.30, 52.85, 53.45, 53.90
    };

    @Test
    void rsi_case1_matchesWilderSeededValues() {
        // Case 1: indices 0-13 NaN, then the TA-Lib values (tolerance 1e-6).
        double[] expected =
                after(14, 71.982116, 74.254714, 70.877646, 66.026858, 69.066711, 71.151607);
        Expect.absolute(expected, Rsi.compute(CASE1, 14), 1e-6);
    }

    @Test
    void rsi_case1_whenOnlyFourteenCloses_isAllNaN() {
        // Case 1: 14 closes are not enough for the first RSI(14).
        double[] rsi = Rsi.compute(Arrays.copyOf(CASE1, 14), 14);
        Expect.absolute(Expect.nan(14), rsi, 0);
    }

    @Test
    void rsi_case1_isNotOneOfTheWrongConventions() {
        // Case 1 wrong outputs at index 19: Cutler 70.2290, bar-0 seed 70.1002, EMA factor 71.2775.
        double v = Rsi.compute(CASE1, 14)[19];
        for (double wrong : new double[] {70.2290, 70.1002, 71.2775}) {
            assertTrue(Math.abs(v - wrong) > 0.05, "RSI " + v + " too close to " + wrong);
        }
    }

    @Test
    void rsi_case2_whenNoLosses_isExactlyHundred() {
        // Case 2 A: only rises, period 5: NaN x5 then exactly 100.
        double[] a = {10.0, 10.5, 11.1, 11.4, 12.0, 12.2, 12.9, 13.3};
        Expect.absolute(after(5, 100, 100, 100), Rsi.compute(a, 5), 0);
        Expect.absolute(after(5, 100, 100, 100), stream(a, 5), 0);
    }

    @Test
    void rsi_case2_whenFlatThenDrop_matchesWilderValue() {
        // Case 2 C: NaN x5, 100, 100, 100, 80.376766 (avgGain 0.24576, avgLoss 0.06).
        double[] c = {30.0, 30.6, 31.0, 31.5, 31.9, 32.4, 32.4, 32.4, 32.1};
        double[] expected = after(5, 100, 100, 100, 80.376766);
        Expect.absolute(expected, Rsi.compute(c, 5), 1e-6);
        Expect.absolute(expected, stream(c, 5), 1e-6);
    }

    @Test
    void rsi_case2_whenFlat_isTaLibZeroInBatchAndStreaming() {
        // Case 2 B: flat series; maasfin documents TA-Lib's 0.0 (Rsi.FLAT_VALUE), same in both
        // modes.
        double[] b = new double[8];
        Arrays.fill(b, 25.0);
        double[] expected = after(5, 0.0, 0.0, 0.0);
        Expect.absolute(expected, Rsi.compute(b, 5), 0);
        Expect.absolute(expected, stream(b, 5), 0);
        assertEquals(0.0, Rsi.FLAT_VALUE);
    }

    private static double[] stream(double[] x, int period) {
        Rsi.Stream s = Rsi.stream(period);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = s.update(x[i]);
        }
        return out;
    }

    private static final double[] CASE3 = {20.0, 21.0, 23.0, 22.0, 24.0, 25.0, 23.0};

    @Test
    void ema_case3_defaultSeedIsSmaOfFirstPeriod() {
        // Case 3 default (TA-Lib): EMA_2 = mean(20, 21, 23), alpha = 0.5.
        double[] expected = after(2, 21.333333, 21.666667, 22.833333, 23.916667, 23.458333);
        Expect.absolute(expected, Ema.compute(CASE3, 3), 1e-6);
        assertEquals(2, Ema.warmUp(3));
    }

    @Test
    void ema_case3_firstValueSeed_matchesAdjustFalse() {
        // Case 3 other mode: recursive from the first price (pandas adjust=False).
        double[] expected = {20, 20.5, 21.75, 21.875, 22.9375, 23.96875, 23.484375};
        Expect.absolute(expected, Ema.compute(CASE3, 3, EmaSeed.FIRST_VALUE), 1e-12);
        assertEquals(0, Ema.warmUp(3, EmaSeed.FIRST_VALUE));
    }

    @Test
    void ema_case3_adjustedSeed_matchesAdjustTrue() {
        // Case 3 other mode: normalised weights (pandas adjust=True).
        double[] expected = {20, 20.666667, 22, 22, 23.032258, 24.031746, 23.511811};
        Expect.absolute(expected, Ema.compute(CASE3, 3, EmaSeed.ADJUSTED), 1e-6);
    }

    @Test
    void ema_case3_gapBetweenSeedsShrinksByOneMinusAlphaPerBar() {
        // Case 3 property: (23.484375 - 23.458333) = (21.75 - 21.333333) * 0.5^4 = 0.026042.
        double[] sma = Ema.compute(CASE3, 3);
        double[] first = Ema.compute(CASE3, 3, EmaSeed.FIRST_VALUE);
        double gap2 = first[2] - sma[2];
        for (int t = 3; t < CASE3.length; t++) {
            assertEquals(gap2 * Math.pow(0.5, t - 2), first[t] - sma[t], 1e-12, "index " + t);
        }
        assertEquals(0.026042, first[6] - sma[6], 1e-6);
    }

    private static final double[] CASE4 = {88.4, 89.1, 88.7, 90.2, 91.0, 90.4, 91.8, 92.5};

    @Test
    void bollinger_case4_usesPopulationSd() {
        // Case 4: TA-Lib BBANDS, period 5, k 2, tolerance 1e-4.
        Bollinger.Result r = Bollinger.compute(CASE4, 5, 2);
        Expect.absolute(after(4, 89.4800, 89.8800, 90.4200, 91.1800), r.middle(), 1e-4);
        Expect.absolute(after(4, 91.4289, 91.5836, 92.4690, 92.9070), r.upper(), 1e-4);
        Expect.absolute(after(4, 87.5311, 88.1764, 88.3710, 89.4530), r.lower(), 1e-4);
        // Case 4 derivation: sd at index 4 is 0.974474.
        assertEquals(0.974474, (r.upper()[4] - r.middle()[4]) / 2, 1e-6);
    }

    @Test
    void bollinger_case4_sampleOptionGivesTheWiderBands() {
        // Case 4 "wrong output" for the default, offered as the named SAMPLE option.
        Bollinger.Result r = Bollinger.compute(CASE4, 5, 2, Deviation.SAMPLE);
        Expect.absolute(after(4, 91.6590, 91.7847, 92.7109, 93.1108), r.upper(), 1e-4);
        Expect.absolute(after(4, 87.3010, 87.9753, 88.1291, 89.2492), r.lower(), 1e-4);
    }

    private static final double[] CASE5 = {
        100.0, 101.2, 100.5, 102.3, 101.8, 103.0, 102.1, 104.0, 103.5, 105.2
    };

    @Test
    void logReturns_case5_matchListedValues() {
        // Case 5: log returns r_1..r_9.
        double[] expected = {
            Double.NaN,
            0.01192857,
            -0.00694103,
            0.01775195,
            -0.00489957,
            0.01171888,
            -0.00877626,
            0.01843817,
            -0.00481929,
            0.01629169
        };
        Expect.absolute(expected, Returns.log(CASE5), 1e-8);
    }

    @Test
    void closeToCloseVolatility_case5_isSampleSdWithSixClosesWarmUp() {
        // Case 5: rolling sample sd of 5 log returns, first value needs 6 closes.
        double[] daily = Volatility.closeToClose(CASE5, 5, 1);
        Expect.absolute(
                after(5, 0.01109272, 0.01210363, 0.01283624, 0.01198283, 0.01252098), daily, 1e-8);
        double[] annual = Volatility.closeToClose(CASE5, 5, 252);
        Expect.absolute(after(5, 0.176091, 0.192139, 0.203769, 0.190221, 0.198764), annual, 1e-6);
        assertEquals(5, Volatility.warmUpCloseToClose(5));
    }

    @Test
    void rollingStd_case5_populationIsTaLibStddevNotVolatility() {
        // Case 5 "wrong output": population sd of the log returns, what TA-Lib STDDEV gives.
        double[] r = Arrays.copyOfRange(Returns.log(CASE5), 1, CASE5.length);
        double[] sd = RollingStd.compute(r, 5);
        double[] expected = {0.00992163, 0.01082582, 0.01148109, 0.01071776, 0.01119910};
        Expect.absolute(after(4, expected), sd, 1e-8);
    }

    private static final double[] CASE7 = {
        100.0, 102.0, Double.NaN, 101.0, 103.02, Double.NaN, Double.NaN, 104.05
    };
    private static final double N = Double.NaN;

    @Test
    void returns_case7_strictHasNoReturnNextToAMissingPrice() {
        // Case 7 strict (default).
        Expect.absolute(new double[] {N, 0.02, N, N, 0.02, N, N, N}, Returns.simple(CASE7), 1e-6);
        Expect.absolute(
                new double[] {N, 0.019803, N, N, 0.019803, N, N, N}, Returns.log(CASE7), 1e-6);
    }

    @Test
    void returns_case7_forwardFillGivesZeroOnlyWhenAsked() {
        // Case 7 forward-fill first.
        Expect.absolute(
                new double[] {N, 0.02, 0, -0.009804, 0.02, 0, 0, 0.009998},
                Returns.simple(CASE7, 1, MissingPricePolicy.FORWARD_FILL),
                1e-6);
        Expect.absolute(
                new double[] {N, 0.019803, 0, -0.009852, 0.019803, 0, 0, 0.009948},
                Returns.log(CASE7, 1, MissingPricePolicy.FORWARD_FILL),
                1e-6);
    }

    @Test
    void returns_case7_skipGapsComparesWithLastValidPrice() {
        // Case 7 skip gaps.
        Expect.absolute(
                new double[] {N, 0.02, N, -0.009804, 0.02, N, N, 0.009998},
                Returns.simple(CASE7, 1, MissingPricePolicy.SKIP_GAPS),
                1e-6);
        Expect.absolute(
                new double[] {N, 0.019803, N, -0.009852, 0.019803, N, N, 0.009948},
                Returns.log(CASE7, 1, MissingPricePolicy.SKIP_GAPS),
                1e-6);
    }

    @Test
    void returns_case7_missingDayIsNeverZeroUnlessForwardFilled() {
        // Case 7 pass rule.
        for (MissingPricePolicy p :
                new MissingPricePolicy[] {
                    MissingPricePolicy.STRICT, MissingPricePolicy.SKIP_GAPS
                }) {
            double[] r = Returns.simple(CASE7, 1, p);
            for (int i : new int[] {2, 5, 6}) {
                assertTrue(Double.isNaN(r[i]), p + " index " + i + " was " + r[i]);
            }
        }
    }
}
