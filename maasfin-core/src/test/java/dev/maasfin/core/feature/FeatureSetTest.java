// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.core.feature.FeatureSpec.VolatilityEstimator;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declarative feature set: names, JSON round trip, batch values and streaming equality. */
class FeatureSetTest {
    private static final BarSeries BARS = TestData.oracleBars();

    /** One of every feature kind, with some non-default options. */
    static FeatureSet everything() {
        return FeatureSet.builder()
                .add(FeatureSpec.returns(1))
                .add(FeatureSpec.logReturns(5))
                .add(FeatureSpec.sma(20))
                .add(FeatureSpec.ema(20))
                .add(FeatureSpec.ema(10, EmaSeed.FIRST_VALUE))
                .add(FeatureSpec.ema(10, EmaSeed.ADJUSTED))
                .add(FeatureSpec.wma(14))
                .add(FeatureSpec.rsi(14))
                .add(FeatureSpec.macd(12, 26, 9))
                .add(new FeatureSpec.MacdSpec(5, 35, 5, MacdStart.INDEPENDENT))
                .add(FeatureSpec.bollinger(20, 2))
                .add(new FeatureSpec.BollingerSpec(10, 1.5, Deviation.SAMPLE))
                .add(FeatureSpec.atr(14))
                .add(FeatureSpec.trueRange())
                .add(FeatureSpec.stochastic(14, 3, 3))
                .add(FeatureSpec.roc(10))
                .add(FeatureSpec.momentum(10))
                .add(FeatureSpec.obv())
                .add(FeatureSpec.rollingStd(20))
                .add(FeatureSpec.zScore(20))
                .add(FeatureSpec.volatility(VolatilityEstimator.CLOSE_TO_CLOSE, 20))
                .add(FeatureSpec.volatility(VolatilityEstimator.PARKINSON, 20))
                .add(new FeatureSpec.VolatilitySpec(VolatilityEstimator.GARMAN_KLASS, 10, 365))
                .add(FeatureSpec.maxDrawdown(30))
                .add(FeatureSpec.cci(20))
                .add(FeatureSpec.mfi(14))
                .add(FeatureSpec.williamsR(14))
                .add(FeatureSpec.dayOfWeek())
                .add(FeatureSpec.monthEnd())
                .build();
    }

    @Test
    void columnNames_areDeterministicFromKindsAndParameters() {
        FeatureSet set =
                FeatureSet.of(
                        FeatureSpec.rsi(14),
                        FeatureSpec.macd(12, 26, 9),
                        FeatureSpec.bollinger(20, 2),
                        FeatureSpec.ema(20, EmaSeed.FIRST_VALUE));
        assertEquals(
                List.of(
                        "rsi_14",
                        "macd_12_26_9.line",
                        "macd_12_26_9.signal",
                        "macd_12_26_9.histogram",
                        "bb_20_2.middle",
                        "bb_20_2.upper",
                        "bb_20_2.lower",
                        "bb_20_2.percentB",
                        "bb_20_2.bandwidth",
                        "ema_20_first"),
                set.columnNames());
        // MACD's signal needs 26 + 9 - 2 = 33 leading rows, the largest warm-up here.
        assertEquals(33, set.warmUp());
    }

    @Test
    void json_roundTripGivesAnEqualDefinitionAndSameColumns() {
        FeatureSet set = everything();
        FeatureSet loaded = FeatureSet.fromJson(set.toJson());
        assertEquals(set, loaded);
        assertEquals(set.columnNames(), loaded.columnNames());
        assertEquals(set.toJson(), loaded.toJson());
    }

    @Test
    void json_hasTheDocumentedShape() {
        assertEquals(
                "{\"formatVersion\":1,\"features\":[{\"type\":\"rsi\",\"period\":14}]}",
                FeatureSet.of(FeatureSpec.rsi(14)).toJson());
    }

    @Test
    void json_whenOptionOmitted_takesTheDocumentedDefault() {
        FeatureSet loaded =
                FeatureSet.fromJson(
                        "{\"features\":[{\"type\":\"ema\",\"period\":20},"
                                + "{\"type\":\"bollinger\",\"period\":20,\"k\":2}]}");
        assertEquals(FeatureSet.of(FeatureSpec.ema(20), FeatureSpec.bollinger(20, 2)), loaded);
    }

    @Test
    void json_whenParameterInvalid_namesIt() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FeatureSet.fromJson(
                                        "{\"features\":[{\"type\":\"rsi\",\"period\":0}]}"));
        assertTrue(e.getMessage().contains("period must be >= 1 but was 0"), e.getMessage());
    }

    @Test
    void json_whenTypeUnknown_namesIt() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FeatureSet.fromJson(
                                        "{\"features\":[{\"type\":\"kama\",\"period\":3}]}"));
        assertTrue(e.getMessage().contains("kama"), e.getMessage());
    }

    @Test
    void build_whenTwoFeaturesShareAColumn_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureSet.of(FeatureSpec.rsi(14), FeatureSpec.rsi(14)));
        assertEquals("column 'rsi_14' appears twice; each feature must be unique", e.getMessage());
    }

    @Test
    void build_whenEmpty_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FeatureSet.builder().build());
        assertTrue(e.getMessage().startsWith("features is empty"), e.getMessage());
    }

    @Test
    void compute_givesTimeIndexedFrameEqualToTheIndicatorFunctions() {
        FeatureSet set =
                FeatureSet.of(
                        FeatureSpec.rsi(14), FeatureSpec.macd(12, 26, 9), FeatureSpec.atr(14));
        Frame f = set.compute(BARS);
        assertEquals(set.columnNames(), f.columnNames());
        assertArrayEquals(BARS.epochMillis(), f.epochMillis().orElseThrow());
        double[] c = BARS.closes();
        assertArrayEquals(Rsi.compute(c, 14), f.column("rsi_14"));
        assertArrayEquals(Macd.compute(c, 12, 26, 9).signal(), f.column("macd_12_26_9.signal"));
        assertArrayEquals(Atr.compute(BARS.highs(), BARS.lows(), c, 14), f.column("atr_14"));
    }

    @Test
    void compute_hasNaNExactlyDuringEachFeaturesWarmUp() {
        FeatureSet set = everything();
        Frame f = set.compute(BARS);
        int col = 0;
        for (FeatureSpec spec : set.features()) {
            int w = spec.warmUp();
            for (int r = 0; r < f.rows(); r++) {
                boolean anyNaN = false;
                for (int c = col; c < col + spec.columnCount(); c++) {
                    anyNaN |= Double.isNaN(f.get(r, c));
                    assertTrue(
                            r < w || Double.isFinite(f.get(r, c)),
                            f.columnNames().get(c) + " row " + r + " is " + f.get(r, c));
                }
                assertTrue(r >= w || anyNaN, spec.baseName() + " row " + r + " has no NaN");
            }
            col += spec.columnCount();
        }
        assertEquals(35 + 5 - 2, set.warmUp());
    }

    @Test
    void streaming_equalsBatchForEveryFeature() {
        FeatureSet set = everything();
        Frame batch = set.compute(BARS);
        StreamingFeatureSet s = set.streaming(ZoneOffset.UTC);
        double[] row = new double[set.columnCount()];
        for (int r = 0; r < BARS.size(); r++) {
            s.update(
                    BARS.epochMillis(r),
                    BARS.open(r),
                    BARS.high(r),
                    BARS.low(r),
                    BARS.close(r),
                    BARS.volume(r),
                    row);
            for (int c = 0; c < row.length; c++) {
                double b = batch.get(r, c);
                String where = set.columnNames().get(c) + " row " + r;
                if (Double.isNaN(b)) {
                    assertTrue(Double.isNaN(row[c]), where + " expected NaN but was " + row[c]);
                } else {
                    assertEquals(b, row[c], 1e-9 * Math.max(Math.abs(b), 1e-6), where);
                }
            }
        }
        assertTrue(s.isWarmedUp());
    }

    @Test
    void streaming_allocatesNothingPerBar() {
        FeatureSet set =
                FeatureSet.of(
                        FeatureSpec.sma(20),
                        FeatureSpec.ema(20),
                        FeatureSpec.rsi(14),
                        FeatureSpec.macd(12, 26, 9),
                        FeatureSpec.bollinger(20, 2),
                        FeatureSpec.atr(14),
                        FeatureSpec.stochastic(14, 3, 3),
                        FeatureSpec.cci(20));
        StreamingFeatureSet s = set.streaming();
        double[] row = new double[set.columnCount()];
        feed(s, row, 0, 50_000);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        feed(s, row, 50_000, 150_000);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        // 100,000 bars; a per-bar object of even 16 bytes would add 1.6 MB.
        assertTrue(bytes < 100_000, "allocated " + bytes + " bytes over 100,000 bars");
    }

    private static void feed(StreamingFeatureSet s, double[] row, int from, int to) {
        for (int i = from; i < to; i++) {
            double c = 100 + 10 * Math.sin(i * 0.01) + (i % 7) * 0.1;
            s.update(i * 60_000L, c, c + 0.5, c - 0.5, c, 1000 + i % 13, row);
        }
    }

    @Test
    void streaming_withCalendarFeatureAndNoZone_isRejected() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> FeatureSet.of(FeatureSpec.dayOfWeek()).streaming());
        assertEquals(
                "feature day_of_week needs a time zone; call streaming(ZoneId) instead",
                e.getMessage());
    }

    @Test
    void streaming_rejectsBadBarsNamingThem() {
        StreamingFeatureSet s = FeatureSet.of(FeatureSpec.obv()).streaming();
        double[] row = new double[1];
        s.update(1000, 10, 11, 9, 10, 5, row);
        IllegalArgumentException time =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.update(1000, 10, 11, 9, 10, 5, row));
        assertTrue(
                time.getMessage().startsWith("bar 1: time 1970-01-01T00:00:01Z is not after"),
                time.getMessage());
        IllegalArgumentException vol =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.update(2000, 10, 11, 9, 10, Double.NaN, row));
        assertEquals(
                "bar 1: feature obv needs volume but it is NaN (not reported)", vol.getMessage());
        IllegalArgumentException price =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.update(2000, 10, 11, 9, Double.NaN, 5, row));
        assertEquals("bar 1: close NaN must be finite and > 0", price.getMessage());
        IllegalArgumentException shortRow =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.update(2000, 10, 11, 9, 10, 5, new double[0]));
        assertEquals("row length must be >= 1 but was 0", shortRow.getMessage());
        assertEquals(1, s.count());
        assertFalse(s.featureSet().columnNames().isEmpty());
    }

    @Test
    void compute_whenVolumeMissingForObv_namesTheRow() {
        BarSeries spx = TestData.spx();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureSet.of(FeatureSpec.obv()).compute(spx));
        assertTrue(
                e.getMessage().startsWith("feature obv needs volume but spx-daily/spx.csv row 0"),
                e.getMessage());
    }
}
