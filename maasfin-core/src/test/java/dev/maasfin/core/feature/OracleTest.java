// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import org.junit.jupiter.api.Test;

/**
 * Compares every indicator with the oracle in shared/data/indicator-oracle (Stock Indicators for
 * .NET regression baselines on 502 daily bars; see its README for parameters and conventions):
 * equal to 1e-9 relative, and NaN exactly where the oracle field is empty.
 */
class OracleTest {
    private static final double TOL = 1e-9;
    private static final BarSeries BARS = TestData.oracleBars();
    private static final double[] O = BARS.opens();
    private static final double[] H = BARS.highs();
    private static final double[] L = BARS.lows();
    private static final double[] C = BARS.closes();
    private static final double[] V = BARS.volumes();

    private static void check(String file, String column, double[] actual) {
        Expect.relative(TestData.oracle(file, column), actual, TOL, file + "." + column);
    }

    @Test
    void sma20_matchesOracle() {
        check("sma", "sma", Sma.compute(C, 20));
    }

    @Test
    void ema20_matchesOracle() {
        check("ema", "ema", Ema.compute(C, 20));
    }

    @Test
    void rsi14_matchesOracle() {
        check("rsi", "rsi", Rsi.compute(C, 14));
    }

    @Test
    void macdIndependentSeeds_matchesOracle() {
        // The oracle seeds the fast EMA at index 11 (MacdStart.INDEPENDENT).
        Macd.Result r = Macd.compute(C, 12, 26, 9, MacdStart.INDEPENDENT);
        check("macd", "macd", r.line());
        check("macd", "signal", r.signal());
        check("macd", "histogram", r.histogram());
        check("macd", "fastEma", Ema.compute(C, 12));
        check("macd", "slowEma", Ema.compute(C, 26));
    }

    @Test
    void macdTaLibStart_differsEarlyAndConvergesToOracle() {
        // TA-Lib seeds the fast EMA at index 25 with mean(closes 14..25): same warm-up rows, a
        // different start whose effect decays by (1 - 2/13) per bar.
        Macd.Result taLib = Macd.compute(C, 12, 26, 9, MacdStart.TA_LIB);
        double[] oracle = TestData.oracle("macd", "macd");
        assertTrue(Double.isNaN(taLib.line()[24]) && !Double.isNaN(taLib.line()[25]));
        double seed = 0;
        for (int i = 14; i <= 25; i++) {
            seed += C[i];
        }
        assertEquals(seed / 12 - Ema.compute(C, 26)[25], taLib.line()[25], 1e-9);
        assertTrue(Math.abs(taLib.line()[25] - oracle[25]) > 1e-6, "starts differ");
        double gap = Math.abs(taLib.line()[25] - oracle[25]);
        for (int i = 26; i < C.length; i++) {
            double bound = gap * Math.pow(1 - 2.0 / 13, i - 25) + 1e-12;
            assertTrue(Math.abs(taLib.line()[i] - oracle[i]) <= bound, "row " + i);
        }
    }

    @Test
    void bollinger20x2_matchesOracle() {
        Bollinger.Result r = Bollinger.compute(C, 20, 2);
        check("bb", "sma", r.middle());
        check("bb", "upperBand", r.upper());
        check("bb", "lowerBand", r.lower());
        check("bb", "percentB", r.percentB());
        check("bb", "width", r.bandwidth());
        check("bb", "zScore", RollingStd.zScore(C, 20, Deviation.POPULATION));
    }

    @Test
    void atr14AndTrueRange_matchOracle() {
        double[] atr = Atr.compute(H, L, C, 14);
        check("atr", "tr", TrueRange.compute(H, L, C));
        check("atr", "atr", atr);
        double[] atrp = new double[C.length];
        for (int i = 0; i < C.length; i++) {
            atrp[i] = 100 * atr[i] / C[i];
        }
        check("atr", "atrp", atrp);
        check("tr", "tr", TrueRange.compute(H, L, C));
    }

    @Test
    void wma14_matchesOracle() {
        check("wma", "wma", Wma.compute(C, 14));
    }

    @Test
    void stdev14_matchesOracle() {
        double[] mean = new double[C.length];
        double[] sd = new double[C.length];
        RollingStd.into(C, 14, Deviation.POPULATION, mean, sd);
        check("stdev", "stdDev", sd);
        check("stdev", "mean", mean);
        check("stdev", "zScore", RollingStd.zScore(C, 14, Deviation.POPULATION));
    }

    @Test
    void obv_matchesOracleWhenStartingAtZero() {
        check("obv", "obv", Obv.compute(C, V, ObvStart.ZERO));
        // TA-Lib's start adds bar 0's volume to every value.
        double[] taLib = Obv.compute(C, V, ObvStart.FIRST_VOLUME);
        double[] zero = Obv.compute(C, V, ObvStart.ZERO);
        for (int i = 0; i < C.length; i++) {
            assertEquals(zero[i] + V[0], taLib[i], 0, "row " + i);
        }
    }

    @Test
    void williamsR14_matchesOracle() {
        check("willr", "williamsR", WilliamsR.compute(H, L, C, 14));
    }

    @Test
    void roc14AndMomentum_matchOracle() {
        check("roc", "roc", RateOfChange.roc(C, 14));
        check("roc", "momentum", RateOfChange.momentum(C, 14));
    }

    @Test
    void cci20_matchesOracle() {
        check("cci", "cci", Cci.compute(H, L, C, 20));
    }

    @Test
    void mfi14_matchesOracle() {
        check("mfi", "mfi", Mfi.compute(H, L, C, V, 14));
    }

    @Test
    void stochastic14x3x3_matchesOracle() {
        double[] k = new double[C.length];
        double[] d = new double[C.length];
        Stochastic.into(H, L, C, 14, 3, 3, k, d);
        check("stoch", "k", k);
        check("stoch", "d", d);
        double[] j = new double[C.length];
        for (int i = 0; i < C.length; i++) {
            j[i] = 3 * k[i] - 2 * d[i];
        }
        check("stoch", "j", j);
        assertEquals(15, Stochastic.warmUpK(14, 3));
        assertEquals(17, Stochastic.warmUp(14, 3, 3));
    }

    @Test
    void featureSet_reproducesOracleColumns() {
        FeatureSet set =
                FeatureSet.of(
                        FeatureSpec.sma(20),
                        FeatureSpec.rsi(14),
                        new FeatureSpec.MacdSpec(12, 26, 9, MacdStart.INDEPENDENT),
                        FeatureSpec.bollinger(20, 2),
                        FeatureSpec.atr(14),
                        FeatureSpec.stochastic(14, 3, 3),
                        FeatureSpec.cci(20),
                        FeatureSpec.mfi(14),
                        new FeatureSpec.ObvSpec(ObvStart.ZERO));
        var frame = set.compute(BARS);
        check("sma", "sma", frame.column("sma_20"));
        check("rsi", "rsi", frame.column("rsi_14"));
        check("macd", "signal", frame.column("macd_12_26_9_independent.signal"));
        check("bb", "upperBand", frame.column("bb_20_2.upper"));
        check("atr", "atr", frame.column("atr_14"));
        check("stoch", "d", frame.column("stoch_14_3_3.d"));
        check("cci", "cci", frame.column("cci_20"));
        check("mfi", "mfi", frame.column("mfi_14"));
        check("obv", "obv", frame.column("obv_zero"));
        assertEquals(33, set.warmUp());
    }
}
