// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded invariants of the indicators over random-walk prices (1,000 tries each). */
class IndicatorPropertiesTest {

    /** A geometric random walk around 100 with OHLC bars consistent with it. */
    static double[][] bars(long seed, int n) {
        Random r = new Random(seed);
        double[][] b = new double[4][n];
        double c = 50 + 100 * r.nextDouble();
        for (int i = 0; i < n; i++) {
            double o = c;
            c = c * Math.exp(0.02 * r.nextGaussian());
            b[0][i] = o;
            b[1][i] = Math.max(o, c) * (1 + 0.01 * r.nextDouble());
            b[2][i] = Math.min(o, c) * (1 - 0.01 * r.nextDouble());
            b[3][i] = c;
        }
        return b;
    }

    private static void relative(double[] expected, double[] actual, int from, double tol) {
        for (int i = from; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), 1e-12);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tol * scale,
                    "index " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void streamingEqualsBatch_forSmaEmaRsiMacdBollingerAtr() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(1, 40))
                .checkAssert(
                        IndicatorPropertiesTest
                                ::streamingEqualsBatch_forSmaEmaRsiMacdBollingerAtrHolds);
    }

    private static void streamingEqualsBatch_forSmaEmaRsiMacdBollingerAtrHolds(
            long seed, int period) {
        double[][] b = bars(seed, 300);
        double[] c = b[3];
        Sma.Stream sma = Sma.stream(period);
        Ema.Stream ema = Ema.stream(period, EmaSeed.SMA);
        Ema.Stream adj = Ema.stream(period, EmaSeed.ADJUSTED);
        Rsi.Stream rsi = Rsi.stream(period);
        Atr.Stream atr = Atr.stream(period);
        Macd.Stream macd = Macd.stream(period, period + 7, 4, MacdStart.TA_LIB);
        Bollinger.Stream bb = Bollinger.stream(period, 2, Deviation.POPULATION);
        double[][] s = new double[8][c.length];
        for (int i = 0; i < c.length; i++) {
            s[0][i] = sma.update(c[i]);
            s[1][i] = ema.update(c[i]);
            s[2][i] = adj.update(c[i]);
            s[3][i] = rsi.update(c[i]);
            s[4][i] = atr.update(b[1][i], b[2][i], c[i]);
            macd.update(c[i]);
            s[5][i] = macd.signal();
            bb.update(c[i]);
            s[6][i] = bb.upper();
            s[7][i] = bb.percentB();
        }
        Bollinger.Result r = Bollinger.compute(c, period, 2);
        Expect.relative(Sma.compute(c, period), s[0], 1e-9, "sma");
        Expect.relative(Ema.compute(c, period), s[1], 1e-9, "ema");
        Expect.relative(Ema.compute(c, period, EmaSeed.ADJUSTED), s[2], 1e-9, "ema adjusted");
        Expect.relative(Rsi.compute(c, period), s[3], 1e-9, "rsi");
        Expect.relative(Atr.compute(b[1], b[2], c, period), s[4], 1e-9, "atr");
        Expect.relative(Macd.compute(c, period, period + 7, 4).signal(), s[5], 1e-9, "macd");
        Expect.relative(r.upper(), s[6], 1e-9, "bb upper");
        Expect.relative(r.percentB(), s[7], 1e-9, "bb %B");
    }

    @Test
    void windowedIndicators_doNotDependOnWhereTheSeriesStarts() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(1, 30), integers().between(1, 100))
                .checkAssert(
                        IndicatorPropertiesTest
                                ::windowedIndicators_doNotDependOnWhereTheSeriesStartsHolds);
    }

    private static void windowedIndicators_doNotDependOnWhereTheSeriesStartsHolds(
            long seed, int period, int cut) {
        // SMA, WMA and rolling sd depend only on their window: equal up to the rounding of the
        // running sums (SMA, WMA: 1e-12 relative; sd: 1e-9 relative, the sliding update's error
        // grows with (mean / sd) and is reset by a two-pass recomputation every 64 bars).
        double[] c = bars(seed, 300)[3];
        double[] tail = Arrays.copyOfRange(c, cut, c.length);
        int w = period - 1;
        relative(shift(Sma.compute(c, period), cut), Sma.compute(tail, period), w, 1e-12);
        relative(shift(Wma.compute(c, period), cut), Wma.compute(tail, period), w, 1e-12);
        relative(
                shift(RollingStd.compute(c, period), cut),
                RollingStd.compute(tail, period),
                w,
                1e-9);
    }

    @Test
    void recursiveIndicators_forgetWhereTheSeriesStarts() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(1, 30), integers().between(1, 100))
                .checkAssert(
                        IndicatorPropertiesTest
                                ::recursiveIndicators_forgetWhereTheSeriesStartsHolds);
    }

    private static void recursiveIndicators_forgetWhereTheSeriesStartsHolds(
            long seed, int period, int cut) {
        // EMA and RSI remember their seed with weight (1-alpha)^k: after 60 periods (EMA,
        // (1-2/(n+1))^(60n) < 1e-25 for n >= 1... at n = 1, alpha = 1) and 60 periods
        // (RSI, (1-1/n)^(60n) < e^-60) the cut series agrees to 1e-9 relative.
        double[] c = bars(seed, 200 + 60 * period)[3];
        double[] tail = Arrays.copyOfRange(c, cut, c.length);
        int settled = c.length - cut - 20;
        relative(shift(Ema.compute(c, period), cut), Ema.compute(tail, period), settled, 1e-9);
        relative(shift(Rsi.compute(c, period), cut), Rsi.compute(tail, period), settled, 1e-9);
    }

    private static double[] shift(double[] full, int cut) {
        return Arrays.copyOfRange(full, cut, full.length);
    }

    @Test
    void smaOfConstant_isThatConstant() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(doubles().between(1e-3, 1e6), integers().between(1, 50))
                .checkAssert(IndicatorPropertiesTest::smaOfConstant_isThatConstantHolds);
    }

    private static void smaOfConstant_isThatConstantHolds(double value, int period) {
        double[] x = new double[200];
        Arrays.fill(x, value);
        double[] sma = Sma.compute(x, period);
        for (int i = period - 1; i < x.length; i++) {
            assertEquals(value, sma[i], 1e-12 * value, "index " + i);
        }
    }

    @Test
    void rsi_staysWithinZeroAndHundred() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(1, 40))
                .checkAssert(IndicatorPropertiesTest::rsi_staysWithinZeroAndHundredHolds);
    }

    private static void rsi_staysWithinZeroAndHundredHolds(long seed, int period) {
        double[] rsi = Rsi.compute(bars(seed, 200)[3], period);
        for (int i = period; i < rsi.length; i++) {
            assertTrue(rsi[i] >= 0 && rsi[i] <= 100, "index " + i + ": " + rsi[i]);
        }
    }

    @Test
    void cleanInput_hasNaNOnlyDuringWarmUp() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(2, 30))
                .checkAssert(IndicatorPropertiesTest::cleanInput_hasNaNOnlyDuringWarmUpHolds);
    }

    private static void cleanInput_hasNaNOnlyDuringWarmUpHolds(long seed, int period) {
        double[][] b = bars(seed, 150);
        double[] h = b[1];
        double[] l = b[2];
        double[] c = b[3];
        onlyWarmUpIsNaN(Sma.compute(c, period), Sma.warmUp(period));
        onlyWarmUpIsNaN(Ema.compute(c, period), Ema.warmUp(period));
        onlyWarmUpIsNaN(Wma.compute(c, period), Wma.warmUp(period));
        onlyWarmUpIsNaN(Rsi.compute(c, period), Rsi.warmUp(period));
        onlyWarmUpIsNaN(Atr.compute(h, l, c, period), Atr.warmUp(period));
        onlyWarmUpIsNaN(
                Macd.compute(c, period, period + 5, 3).signal(),
                Macd.warmUp(period, period + 5, 3));
        onlyWarmUpIsNaN(Bollinger.compute(c, period, 2).percentB(), Bollinger.warmUp(period));
        onlyWarmUpIsNaN(Cci.compute(h, l, c, period), Cci.warmUp(period));
        onlyWarmUpIsNaN(WilliamsR.compute(h, l, c, period), WilliamsR.warmUp(period));
        onlyWarmUpIsNaN(RateOfChange.roc(c, period), RateOfChange.warmUp(period));
        onlyWarmUpIsNaN(
                Volatility.closeToClose(c, period, 252), Volatility.warmUpCloseToClose(period));
        onlyWarmUpIsNaN(MaxDrawdown.compute(c, period), MaxDrawdown.warmUp(period));
    }

    private static void onlyWarmUpIsNaN(double[] x, int warmUp) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(i < warmUp, Double.isNaN(x[i]), "index " + i + " warm-up " + warmUp);
        }
    }
}
