// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealisedVolatilityStageTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Closes whose ratios are 1.1, 0.9, 1, 1.1, 0.9: returns a, b, 0, a, b. */
    private static final double[] SIX = {100, 110, 99, 99, 108.9, 98.01};

    static BarSeries series(double[] close) {
        long[] t = new long[close.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 86_400_000L * (i + 1);
        }
        return new BarSeries(
                "t", UTC, t, close, close, close, close, new double[close.length], null);
    }

    private static double[] streamRow(FeatureStage.Streaming s, long t, double close) {
        double[] row = new double[4];
        s.update(t, close, close, close, close, 0, row);
        return row;
    }

    @Test
    void compute_onSixBars_givesTheHandWorkedLinearValues() {
        Frame f =
                FeatureStages.realisedVolatility(2, 3, VolatilityScale.LINEAR, 1e-3)
                        .compute(series(SIX));

        // a = ln 1.1 = 0.09531017980432493, b = ln 0.9 = -0.10536051565782628 (closed forms);
        // sds from the definition sqrt(sum (r - mean)^2 / (n - 1)), worked in Python's math:
        // sd(a,b) = (a - b)/sqrt 2, sd(b,0) = |b|/sqrt 2, sd(0,a) = a/sqrt 2, sd(a,b,0) =
        // sd(b,0,a).
        assertEquals(List.of("log_return", "abs_return", "rv2", "rv3"), f.columnNames());
        assertEquals(0.09531017980432493, f.get(1, 0), 1e-15);
        assertEquals(-0.10536051565782628, f.get(2, 0), 1e-15);
        assertEquals(0.0, f.get(3, 0), 0.0);
        assertEquals(0.10536051565782628, f.get(5, 1), 1e-15);
        assertEquals(0.14189560954670769, f.get(2, 2), 1e-15);
        assertEquals(0.07450113509096037, f.get(3, 2), 1e-15);
        assertEquals(0.0673944744557473, f.get(4, 2), 1e-15);
        assertEquals(0.14189560954670769, f.get(5, 2), 1e-15);
        for (int t = 3; t < 6; t++) {
            assertEquals(0.10037728548770321, f.get(t, 3), 1e-15);
        }
    }

    @Test
    void compute_onSixBars_givesTheHandWorkedLogValues() {
        Frame f =
                FeatureStages.realisedVolatility(2, 3, VolatilityScale.LOG, 1e-3)
                        .compute(series(SIX));

        // the natural logs of the linear values above (|r| + 0.001 for the second column),
        // worked in Python's math: ln(0 + 0.001) = -6.907755278982137 on the flat day
        assertEquals(List.of("log_return", "ln_abs_return", "ln_rv2", "ln_rv3"), f.columnNames());
        assertEquals(-2.3401812564780267, f.get(1, 1), 1e-14);
        assertEquals(-6.907755278982137, f.get(3, 1), 1e-14);
        assertEquals(-1.95266363576903, f.get(2, 2), 1e-14);
        assertEquals(-2.596940917592418, f.get(3, 2), 1e-14);
        assertEquals(-2.298819337482993, f.get(5, 3), 1e-14);
    }

    @Test
    void compute_rowsBeforeTheirWindowAreNaN_andWarmUpIsTheLongWindow() {
        FeatureStage s = FeatureStages.realisedVolatility(2, 3, VolatilityScale.LINEAR, 1e-3);
        Frame f = s.compute(series(SIX));

        assertEquals(3, s.warmUp());
        for (int c = 0; c < 4; c++) {
            assertTrue(Double.isNaN(f.get(0, c)), "row 0 has no return, column " + c);
        }
        assertTrue(Double.isNaN(f.get(1, 2)), "rv2 needs 2 returns: row 2 on");
        assertTrue(Double.isFinite(f.get(2, 2)));
        assertTrue(Double.isNaN(f.get(2, 3)), "rv3 needs 3 returns: row 3 on");
        assertTrue(Double.isFinite(f.get(3, 3)));
    }

    @Test
    void compute_onFlatPricesOnTheLogScale_givesMinusInfinityInBatchAndStreaming() {
        FeatureStage s = FeatureStages.realisedVolatility(2, 3, VolatilityScale.LOG, 1e-3);
        double[] flat = {50, 50, 50, 50};

        Frame f = s.compute(series(flat));
        FeatureStage.Streaming st = s.streaming(UTC);
        double[] row = null;
        for (int t = 0; t < flat.length; t++) {
            row = streamRow(st, 86_400_000L * (t + 1), flat[t]);
        }

        // sd of identical returns is 0 and ln 0 = -infinity (the documented answer)
        assertEquals(Double.NEGATIVE_INFINITY, f.get(3, 3), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, row[3], 0.0);
    }

    @Test
    void streaming_equalsBatchBitForBit_onRandomPricePaths() {
        qt().withFixedSeed(42)
                .withExamples(500)
                .forAll(
                        lists().of(doubles().between(-0.2, 0.2)).ofSizeBetween(1, 70),
                        integers().between(2, 6),
                        integers().between(1, 25),
                        integers().between(0, 1))
                .checkAssert(
                        (moves, shortWindow, extra, log) -> {
                            FeatureStage s =
                                    FeatureStages.realisedVolatility(
                                            shortWindow,
                                            shortWindow + extra,
                                            log == 1 ? VolatilityScale.LOG : VolatilityScale.LINEAR,
                                            1e-3);
                            assertStreamingEqualsBatch(s, path(moves));
                        });
    }

    private static double[] path(List<Double> moves) {
        double[] close = new double[moves.size() + 1];
        close[0] = 100;
        for (int i = 0; i < moves.size(); i++) {
            close[i + 1] = close[i] * Math.exp(moves.get(i));
        }
        return close;
    }

    private static void assertStreamingEqualsBatch(FeatureStage s, double[] close) {
        BarSeries bars = series(close);
        Frame batch = s.compute(bars);
        FeatureStage.Streaming st = s.streaming(UTC);
        for (int t = 0; t < close.length; t++) {
            double[] row = streamRow(st, bars.epochMillis(t), close[t]);
            for (int c = 0; c < 4; c++) {
                assertEquals(
                        Double.doubleToLongBits(batch.get(t, c)),
                        Double.doubleToLongBits(row[c]),
                        "row " + t + " column " + c);
            }
        }
    }

    @Test
    void streaming_refusesANonPositiveClose_namingItAndKeepingTheState() {
        FeatureStage s = FeatureStages.realisedVolatility(2, 3, VolatilityScale.LINEAR, 1e-3);
        FeatureStage.Streaming st = s.streaming(UTC);
        streamRow(st, 1000, 100);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> streamRow(st, 2000, -5));

        assertEquals("bar 1: close -5.0 must be finite and > 0", e.getMessage());
        // the refused bar left no trace: the next bar's return is against 100
        assertEquals(Math.log(110.0 / 100.0), streamRow(st, 2000, 110)[0], 0.0);
    }

    @Test
    void streaming_refusesABarNotAfterThePrevious() {
        FeatureStage.Streaming st =
                FeatureStages.realisedVolatility(2, 3, VolatilityScale.LINEAR, 1e-3).streaming(UTC);
        streamRow(st, 1000, 100);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> streamRow(st, 1000, 101));

        assertEquals("bar 1: time 1000 is not after the previous 1000", e.getMessage());
    }

    @Test
    void realisedVolatility_refusesAShortWindowBelowTwo() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureStages.realisedVolatility(1, 20, VolatilityScale.LOG, 1e-3));

        assertEquals(
                "shortWindow must be >= 2 (a sample sd needs two returns) but was 1",
                e.getMessage());
    }

    @Test
    void realisedVolatility_refusesAShortWindowNotBelowTheLong() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureStages.realisedVolatility(20, 5, VolatilityScale.LOG, 1e-3));

        assertEquals("longWindow must be > shortWindow (20) but was 5", e.getMessage());
    }

    @Test
    void realisedVolatility_refusesANonPositiveOrInfiniteOffset() {
        for (double bad : new double[] {0.0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    FeatureStages.realisedVolatility(
                                            5, 20, VolatilityScale.LOG, bad));

            assertEquals("offset must be finite and > 0 but was " + bad, e.getMessage());
        }
    }

    @Test
    void fromJson_rebuildsAnEqualStageThatComputesTheSameValues() {
        FeatureStage s = FeatureStages.realisedVolatility(5, 20, VolatilityScale.LOG, 0.1 + 0.2);

        FeatureStage back = FeatureStages.fromJson(s.type(), s.toJson());

        assertEquals("realised-volatility", back.type());
        assertEquals(s, back);
        assertEquals(s.columnNames(), back.columnNames());
        assertEquals(0.1 + 0.2, ((RealisedVolatilityStage) back).offset(), 0.0);
    }

    @Test
    void fromJson_refusesAnUnknownScaleAndAMissingKey() {
        IllegalArgumentException scale =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FeatureStages.fromJson(
                                        "realised-volatility",
                                        "{\"shortWindow\":5,\"longWindow\":20,\"scale\":\"SQRT\","
                                                + "\"offset\":0.001}"));
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FeatureStages.fromJson(
                                        "realised-volatility",
                                        "{\"shortWindow\":5,\"scale\":\"LOG\",\"offset\":0.001}"));

        assertEquals(
                "realised-volatility scale must be LINEAR or LOG but was 'SQRT'",
                scale.getMessage());
        assertTrue(
                missing.getMessage().startsWith("realised-volatility JSON lacks 'longWindow'"),
                missing.getMessage());
    }
}
