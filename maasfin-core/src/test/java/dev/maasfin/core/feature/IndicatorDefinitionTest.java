// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static dev.maasfin.core.feature.Expect.after;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Each indicator on a small series whose values are worked by hand from the definition (the
 * arithmetic is in the comments).
 */
class IndicatorDefinitionTest {
    // Four bars: H, L, C, O, V.
    private static final double[] H = {10, 11, 12, 11};
    private static final double[] L = {9, 10, 10, 9};
    private static final double[] C = {9.5, 10.8, 10.2, 9.5};
    private static final double[] O = {9.8, 10, 11, 10.5};
    private static final double[] V = {100, 200, 300, 400};
    private static final double E = 1e-6;

    @Test
    void sma_isMeanOfLastPeriodValues() {
        // (2+4+6)/3 = 4, (4+6+8)/3 = 6, (6+8+10)/3 = 8.
        Expect.absolute(after(2, 4, 6, 8), Sma.compute(new double[] {2, 4, 6, 8, 10}, 3), 1e-12);
        assertEquals(2, Sma.warmUp(3));
    }

    @Test
    void wma_weightsNewestHeaviest() {
        // (1*1 + 2*2 + 3*3)/6 = 14/6; (1*2 + 2*3 + 3*4)/6 = 20/6.
        Expect.absolute(
                after(2, 14.0 / 6, 20.0 / 6), Wma.compute(new double[] {1, 2, 3, 4}, 3), 1e-12);
    }

    @Test
    void macd_taLibStart_seedsFastEmaAtSlowWarmUp() {
        // x = 1,3,2,4,3,5; fast 2 (alpha 2/3), slow 3 (alpha 1/2), signal 2.
        // slow EMA: idx2 (1+3+2)/3 = 2; idx3 2+.5*(4-2) = 3; idx4 3; idx5 3+.5*(5-3) = 4.
        // TA-Lib fast EMA seeded at idx2 with mean(3,2) = 2.5; idx3 3.5; idx4 3.5+2/3*(3-3.5)
        // = 3.166667; idx5 3.166667+2/3*(5-3.166667) = 4.388889.
        // line: .5, .5, .166667, .388889. signal: idx3 mean(.5,.5) = .5; idx4 .5+2/3*(.166667-.5)
        // = .277778; idx5 .277778+2/3*(.388889-.277778) = .351852.
        Macd.Result r = Macd.compute(new double[] {1, 3, 2, 4, 3, 5}, 2, 3, 2);
        Expect.absolute(after(2, .5, .5, 1.0 / 6, 3.5 / 9), r.line(), E);
        Expect.absolute(after(3, .5, .277778, .351852), r.signal(), E);
        Expect.absolute(after(3, 0, 1.0 / 6 - .277778, .388889 - .351852), r.histogram(), E);
        assertEquals(2, Macd.warmUpLine(2, 3, 2));
        assertEquals(3, Macd.warmUp(2, 3, 2));
    }

    @Test
    void macd_independentStart_seedsFastEmaAtItsOwnWarmUp() {
        // Fast EMA seeded at idx1 with (1+3)/2 = 2; idx2 2+2/3*(2-2) = 2; idx3 2+2/3*2 = 3.333333;
        // idx4 3.333333+2/3*(3-3.333333) = 3.111111; idx5 3.111111+2/3*(5-3.111111) = 4.370370.
        // line = fast - slow: 0, .333333, .111111, .370370.
        Macd.Result r =
                Macd.compute(new double[] {1, 3, 2, 4, 3, 5}, 2, 3, 2, MacdStart.INDEPENDENT);
        Expect.absolute(after(2, 0, 1.0 / 3, 1.0 / 9, 4.370370 - 4), r.line(), E);
    }

    @Test
    void trueRangeAndAtr_followWilder() {
        // TR1 = max(11-10, |11-9.5|, |10-9.5|) = 1.5; TR2 = max(2, 1.2, .8) = 2;
        // TR3 = max(2, .8, 1.2) = 2. ATR(2): seed idx2 (1.5+2)/2 = 1.75; idx3 (1.75+2)/2 = 1.875.
        Expect.absolute(after(1, 1.5, 2, 2), TrueRange.compute(H, L, C), 1e-12);
        Expect.absolute(after(2, 1.75, 1.875), Atr.compute(H, L, C, 2), 1e-12);
    }

    @Test
    void stochastic_fastAndSmoothed() {
        // fast %K(3): idx2 100*(10.2-9)/(12-9) = 40; idx3 100*(9.5-9)/(12-9) = 16.666667.
        // With kSmoothing 1 and %D period 2: %D idx3 = (40 + 16.666667)/2 = 28.333333.
        double[] k = new double[4];
        double[] d = new double[4];
        Stochastic.into(H, L, C, 3, 1, 2, k, d);
        Expect.absolute(after(2, 40, 50.0 / 3), k, 1e-12);
        Expect.absolute(after(3, 85.0 / 3), d, 1e-12);
    }

    @Test
    void williamsR_measuresDistanceFromHighestHigh() {
        // idx2 -100*(12-10.2)/3 = -60; idx3 -100*(12-9.5)/3 = -83.333333.
        Expect.absolute(after(2, -60, -250.0 / 3), WilliamsR.compute(H, L, C, 3), 1e-12);
    }

    @Test
    void cci_isDeviationFromMeanOverMeanAbsoluteDeviation() {
        // TP: 9.5, 10.6, 10.733333, 9.833333. CCI(2) idx1: mean 10.05, MAD .55,
        // (10.6-10.05)/(.015*.55) = 66.666667; idx2 mean 10.666667, MAD .066667 -> 66.666667;
        // idx3 mean 10.283333, MAD .45 -> -66.666667 (a 2-bar CCI is always +-200/3).
        Expect.absolute(after(1, 200.0 / 3, 200.0 / 3, -200.0 / 3), Cci.compute(H, L, C, 2), E);
    }

    @Test
    void mfi_splitsMoneyFlowByTypicalPriceDirection() {
        // flows: idx1 +10.6*200 = 2120; idx2 +10.733333*300 = 3220; idx3 -9.833333*400 = 3933.33.
        // MFI(2) idx2 = 100 (no negative flow); idx3 = 100*3220/(3220+3933.333333) = 45.013979.
        double expected3 = 100 * 3220 / (3220 + 3933.333333);
        Expect.absolute(after(2, 100, expected3), Mfi.compute(H, L, C, V, 2), E);
    }

    @Test
    void rocAndMomentum_compareWithPeriodBarsBack() {
        // ROC(2) idx2 100*(10.2-9.5)/9.5 = 7.368421; idx3 100*(9.5-10.8)/10.8 = -12.037037.
        Expect.absolute(after(2, 7.368421, -12.037037), RateOfChange.roc(C, 2), E);
        Expect.absolute(after(2, 0.7, -1.3), RateOfChange.momentum(C, 2), 1e-12);
    }

    @Test
    void obv_addsVolumeOnUpClosesAndSubtractsOnDownCloses() {
        // TA-Lib start 100; up +200 = 300; down -300 = 0; down -400 = -400.
        Expect.absolute(
                new double[] {100, 300, 0, -400}, Obv.compute(C, V, ObvStart.FIRST_VOLUME), 0);
        Expect.absolute(new double[] {0, 200, -100, -500}, Obv.compute(C, V, ObvStart.ZERO), 0);
    }

    @Test
    void rollingStd_populationSampleAndZScore() {
        // window 2,4,6: mean 4, population var 8/3 -> 1.632993; sample var 8/2 -> 2;
        // z of 6 = (6-4)/1.632993 = 1.224745.
        double[] x = {2, 4, 6};
        Expect.absolute(after(2, Math.sqrt(8.0 / 3)), RollingStd.compute(x, 3), 1e-12);
        Expect.absolute(after(2, 2), RollingStd.compute(x, 3, Deviation.SAMPLE), 1e-12);
        Expect.absolute(
                after(2, 2 / Math.sqrt(8.0 / 3)),
                RollingStd.zScore(x, 3, Deviation.POPULATION),
                1e-12);
    }

    @Test
    void rollingStd_whenWindowConstant_isZeroAndZScoreZero() {
        // A constant window has sd 0 exactly (rounding noise snapped) and z-score 0.
        double[] x = {0.1, 0.1, 0.1, 0.1, 0.1};
        Expect.absolute(after(2, 0, 0, 0), RollingStd.compute(x, 3), 0);
        Expect.absolute(after(2, 0, 0, 0), RollingStd.zScore(x, 3, Deviation.POPULATION), 0);
        Expect.absolute(after(2, .5, .5, .5), Bollinger.compute(x, 3, 2).percentB(), 0);
    }

    @Test
    void parkinsonAndGarmanKlass_followTheirDefinitions() {
        // Parkinson(2), per bar: sqrt(mean(ln(H/L)^2)/(4 ln 2)) over bars 0..1 and 1..2.
        double u0 = Math.log(10.0 / 9);
        double u1 = Math.log(11.0 / 10);
        double u2 = Math.log(12.0 / 10);
        double p1 = Math.sqrt((u0 * u0 + u1 * u1) / 2 / (4 * Math.log(2)));
        double p2 = Math.sqrt((u1 * u1 + u2 * u2) / 2 / (4 * Math.log(2)));
        double[] park = Volatility.parkinson(H, L, 2, 1);
        assertEquals(p1, park[1], 1e-12);
        assertEquals(p2, park[2], 1e-12);
        // Garman-Klass(2): sqrt(mean(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2)), annualised by 252.
        double c0 = Math.log(9.5 / 9.8);
        double c1 = Math.log(10.8 / 10);
        double k = 2 * Math.log(2) - 1;
        double gk = Math.sqrt(((0.5 * u0 * u0 - k * c0 * c0) + (0.5 * u1 * u1 - k * c1 * c1)) / 2);
        assertEquals(gk * Math.sqrt(252), Volatility.garmanKlass(O, H, L, C, 2, 252)[1], 1e-12);
        assertEquals(Double.NaN, Volatility.garmanKlass(O, H, L, C, 2, 252)[0]);
    }

    @Test
    void maxDrawdown_isLargestFallFromRunningPeakInWindow() {
        // window 10,12,9 -> 1 - 9/12 = .25; 12,9,11 -> .25; 9,11,8 -> 1 - 8/11 = .272727.
        Expect.absolute(
                after(2, .25, .25, 1 - 8.0 / 11),
                MaxDrawdown.compute(new double[] {10, 12, 9, 11, 8}, 3),
                1e-12);
    }

    @Test
    void multiPeriodReturns_useLagBarsBack() {
        // 121/100 - 1 = .21; ln(1.21) = .190620.
        double[] x = {100, 110, 121};
        Expect.absolute(after(2, .21), Returns.simple(x, 2, MissingPricePolicy.STRICT), 1e-12);
        Expect.absolute(
                after(2, Math.log(1.21)), Returns.log(x, 2, MissingPricePolicy.STRICT), 1e-12);
    }

    @Test
    void skipGapsWithLagTwo_usesSecondPreviousValidPrice() {
        // 100, NaN, 110, 121: idx2 has one valid price before it -> NaN; idx3 vs 100 -> .21.
        double[] x = {100, Double.NaN, 110, 121};
        Expect.absolute(
                new double[] {Double.NaN, Double.NaN, Double.NaN, .21},
                Returns.simple(x, 2, MissingPricePolicy.SKIP_GAPS),
                1e-12);
    }

    @Test
    void calendar_dayOfWeekAndLastWeekdayOfMonth() {
        // 2024-01-31 Wednesday (last weekday of January); 2024-03-28 Thursday (not: 29th is a
        // Friday and the 30th, 31st fall on the weekend); 2024-03-29 Friday (last weekday).
        long[] t = {millis(2024, 1, 31), millis(2024, 3, 28), millis(2024, 3, 29)};
        Expect.absolute(new double[] {3, 4, 5}, CalendarFeatures.dayOfWeek(t, ZoneOffset.UTC), 0);
        Expect.absolute(new double[] {1, 0, 1}, CalendarFeatures.monthEnd(t, ZoneOffset.UTC), 0);
        // 2024-02-01T03:00Z is still January 31 in New York.
        long lateUtc = millis(2024, 2, 1) + 3 * 3600_000L;
        assertEquals(
                1.0,
                CalendarFeatures.monthEnd(new long[] {lateUtc}, ZoneId.of("America/New_York"))[0]);
    }

    private static long millis(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
