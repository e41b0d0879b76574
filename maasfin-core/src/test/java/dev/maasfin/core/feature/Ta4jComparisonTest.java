// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * maasfin against ta4j 0.17 (DoubleNum) on the real S&P 500 daily history (8,111 bars): equal to
 * 1e-9 relative wherever both define a value by the same convention. Where ta4j's convention
 * differs, each test states the difference and checks it: ta4j's EMA, MMA (RSI, ATR) and MACD start
 * the recursion from the first value and report values during the warm-up; ta4j's SMA, WMA, sd,
 * stochastic, Williams %R and CCI average over a shorter window before it is full; ta4j's true
 * range at bar 0 is high - low.
 */
class Ta4jComparisonTest {
    private static final double TOL = 1e-9;
    private static final dev.maasfin.api.data.BarSeries SPX = TestData.spx();
    private static final double[] H = SPX.highs();
    private static final double[] L = SPX.lows();
    private static final double[] C = SPX.closes();
    private static final BarSeries TA4J = ta4j(SPX);
    private static final ClosePriceIndicator CLOSE = new ClosePriceIndicator(TA4J);

    private static BarSeries ta4j(dev.maasfin.api.data.BarSeries bars) {
        BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < bars.size(); i++) {
            double v = Double.isNaN(bars.volume(i)) ? 0 : bars.volume(i);
            ZonedDateTime t =
                    ZonedDateTime.ofInstant(
                            Instant.ofEpochMilli(bars.epochMillis(i)), ZoneOffset.UTC);
            s.addBar(t, bars.open(i), bars.high(i), bars.low(i), bars.close(i), v);
        }
        return s;
    }

    private static double[] values(Indicator<Num> indicator) {
        int n = indicator.getBarSeries().getBarCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = indicator.getValue(i).doubleValue();
        }
        return out;
    }

    /** Asserts equality to {@code tol} relative on rows {@code [from, n)}. */
    private static void equalFrom(
            int from, double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = from; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), 1e-9);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tol * scale,
                    what + " row " + i + ": ta4j " + expected[i] + " maasfin " + actual[i]);
        }
    }

    @Test
    void sma_equalsTa4jOnceTheWindowIsFull() {
        // ta4j averages the bars available before index 19; maasfin reports NaN there.
        double[] ours = Sma.compute(C, 20);
        equalFrom(19, values(new SMAIndicator(CLOSE, 20)), ours, TOL, "sma");
        assertTrue(Double.isNaN(ours[18]));
    }

    @Test
    void wma_equalsTa4jOnceTheWindowIsFull() {
        equalFrom(13, values(new WMAIndicator(CLOSE, 14)), Wma.compute(C, 14), TOL, "wma");
    }

    @Test
    void ema_equalsTa4jWithFirstValueSeed_andConvergesFromTheSmaSeed() {
        double[] ta4j = values(new EMAIndicator(CLOSE, 20));
        // Adapted convention: ta4j seeds with the first close, our FIRST_VALUE option.
        equalFrom(0, ta4j, Ema.compute(C, 20, EmaSeed.FIRST_VALUE), TOL, "ema first-value");
        // Default TA-Lib seed: the gap shrinks by (1 - 2/21) per bar; below 1e-9 relative after
        // about 400 bars (0.905^400 ~ 5e-18 of the initial gap of a few points).
        equalFrom(400, ta4j, Ema.compute(C, 20), TOL, "ema converged");
    }

    @Test
    void rsi_convergesToTa4jAfterWilderSmoothingForgetsItsSeed() {
        // ta4j 0.17 RSI = MMA (Wilder, alpha 1/14) of gains/losses seeded at bar 0 (case 1's
        // "bar-0 seed" convention). The seed's effect decays by 13/14 per bar: (13/14)^600 ~ 5e-20.
        double[] ta4j = values(new RSIIndicator(CLOSE, 14));
        double[] ours = Rsi.compute(C, 14);
        assertTrue(Math.abs(ta4j[14] - ours[14]) > 1e-6, "conventions differ at the start");
        equalFrom(600, ta4j, ours, TOL, "rsi");
    }

    @Test
    void macd_convergesToTa4jFirstValueSeededEmas() {
        // ta4j MACD = EMA12 - EMA26, both first-value seeded; ours seeds with SMAs.
        double[] ta4j = values(new MACDIndicator(CLOSE, 12, 26));
        Macd.Result ours = Macd.compute(C, 12, 26, 9);
        equalFrom(800, ta4j, ours.line(), 1e-8, "macd line");
    }

    @Test
    void bollingerUpper_equalsTa4jOncePopulationWindowIsFull() {
        // ta4j 0.17's StandardDeviationIndicator is a population sd like ours (TA-Lib); its
        // upper band uses k = 2 by default.
        SMAIndicator sma = new SMAIndicator(CLOSE, 20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(CLOSE, 20);
        double[] upper =
                values(
                        new BollingerBandsUpperIndicator(
                                new BollingerBandsMiddleIndicator(sma), sd));
        equalFrom(19, values(sd), RollingStd.compute(C, 20), 1e-8, "sd");
        equalFrom(19, upper, Bollinger.compute(C, 20, 2).upper(), TOL, "bb upper");
    }

    @Test
    void atr_convergesToTa4j_andTrueRangeEqualsFromBarOne() {
        // ta4j ATR = MMA of TR seeded at bar 0 with TR(0) = high - low; ours seeds at bar 14
        // with the mean of TR 1..14.
        equalFrom(1, values(new TRIndicator(TA4J)), TrueRange.compute(H, L, C), TOL, "tr");
        equalFrom(600, values(new ATRIndicator(TA4J, 14)), Atr.compute(H, L, C, 14), TOL, "atr");
    }

    @Test
    void stochastic_equalsTa4jOnceWindowsAreFull() {
        StochasticOscillatorKIndicator fastK = new StochasticOscillatorKIndicator(TA4J, 14);
        double[] k = new double[C.length];
        double[] d = new double[C.length];
        // kSmoothing 1 gives the fast %K; ta4j's %D is SMA(3) of it.
        Stochastic.into(H, L, C, 14, 1, 3, k, d);
        equalFrom(13, values(fastK), k, TOL, "fast %K");
        equalFrom(15, values(new StochasticOscillatorDIndicator(fastK)), d, TOL, "%D");
    }

    @Test
    void williamsR_cci_roc_equalTa4jOnceWindowsAreFull() {
        equalFrom(
                13,
                values(new WilliamsRIndicator(TA4J, 14)),
                WilliamsR.compute(H, L, C, 14),
                TOL,
                "willr");
        equalFrom(19, values(new CCIIndicator(TA4J, 20)), Cci.compute(H, L, C, 20), TOL, "cci");
        equalFrom(14, values(new ROCIndicator(CLOSE, 14)), RateOfChange.roc(C, 14), TOL, "roc");
    }

    @Test
    void obv_equalsTa4jStartingAtZero_onBarsWithReportedVolume() {
        // SPX volume is 0 (not reported) before 1998-10-06, row 2215; OBV needs volume.
        dev.maasfin.api.data.BarSeries reported = SPX.slice(2215, SPX.size());
        double[] ours = Obv.compute(reported.closes(), reported.volumes(), ObvStart.ZERO);
        equalFrom(0, values(new OnBalanceVolumeIndicator(ta4j(reported))), ours, TOL, "obv");
    }
}
