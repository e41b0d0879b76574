// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.scoring.ScorerStats;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.pipeline.PipelineFixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scorer input validation, counters and percentiles, on the LSTM fixture over S&P 500 bars. */
class ScorerTest {

    static BarSeries bars;
    static Scorer scorer;

    @BeforeAll
    static void open() {
        bars = PipelineFixtures.spxBars(120);
        scorer = Scorer.of(PipelineFixtures.trainedLstm(bars));
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    static double[][] goodWindow() {
        double[][] w = new double[PipelineFixtures.WINDOW][];
        for (int r = 0; r < w.length; r++) {
            w[r] = new double[] {0.001 * r, bars.close(bars.size() - 1)};
        }
        return w;
    }

    @Test
    void score_ofAWindowWithTooFewRows_namesTheCounts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> scorer.score(new double[][] {{0.0, 4000.0}}));
        assertEquals("window 0: must have 8 rows but had 1", e.getMessage());
    }

    @Test
    void score_ofARowWithAMissingColumn_namesTheColumns() {
        double[][] w = goodWindow();
        w[3] = new double[] {0.01};
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> scorer.score(w));
        assertEquals(
                "window 0: row 3 must have 2 values [log_return, close] but had 1", e.getMessage());
    }

    @Test
    void score_ofNaN_namesColumnRowAndValue() {
        double[][] w = goodWindow();
        w[5][0] = Double.NaN;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> scorer.score(w));
        assertEquals(
                "window 0: column 'log_return' row 5: value NaN must be finite", e.getMessage());
    }

    @Test
    void score_ofAnOutOfRangeValue_namesTheRange() {
        double[][] w = goodWindow();
        w[2][1] = 1e9;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> scorer.score(w));
        assertTrue(
                e.getMessage()
                        .startsWith("window 0: column 'close' row 2: value 1.0E9 must lie in ["),
                e.getMessage());
    }

    @Test
    void score_ofAFrameWithColumnsInTheWrongOrder_namesExpectedOrder() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("close", new double[8]);
        cols.put("log_return", new double[8]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> scorer.score(Frame.of(cols)));
        assertEquals(
                "input column 0 must be 'log_return' but was 'close' (expected columns in order:"
                        + " [log_return, close])",
                e.getMessage());
    }

    @Test
    void score_ofTooFewBars_namesTheMinimum() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> scorer.score(bars.slice(0, 5)));
        assertEquals("bars must number at least warm-up + window = 9 but were 5", e.getMessage());
    }

    @Test
    void stats_countCallsWindowsAndFailures_withOrderedPercentiles() {
        try (Scorer s = Scorer.of(PipelineFixtures.trainedLstm(bars))) {
            for (int i = 0; i < 50; i++) {
                s.score(goodWindow());
            }
            BatchPrediction b = s.scoreBatch(new double[][][] {goodWindow(), goodWindow()});
            Prediction p = s.score(bars);
            assertThrows(IllegalArgumentException.class, () -> s.score(new double[0][]));

            ScorerStats st = s.stats();
            assertEquals(53, st.calls());
            assertEquals(50 + 2 + 1, st.windows());
            assertEquals(1, st.failures());
            assertEquals(0, st.swaps());
            assertEquals(1, st.liveModels());
            assertTrue(st.p50Nanos() > 0, st.toString());
            assertTrue(st.p50Nanos() <= st.p90Nanos(), st.toString());
            assertTrue(st.p90Nanos() <= st.p99Nanos(), st.toString());
            assertTrue(st.p99Nanos() <= st.p999Nanos(), st.toString());
            assertTrue(st.p999Nanos() <= st.maxNanos(), st.toString());
            assertTrue(st.maxNanos() < 10_000_000_000L, st.toString());
            assertEquals(2, b.rows());
            assertEquals(Float.floatToIntBits(b.value(0, 0)), Float.floatToIntBits(b.value(1, 0)));
            assertEquals(0, p.version());
        }
    }

    @Test
    void score_afterClose_isRefused() {
        Scorer s = Scorer.of(PipelineFixtures.constant(1f));
        s.close();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> s.score(new double[][] {{1.0}}));
        assertEquals("scorer (in-memory) is closed", e.getMessage());
        assertEquals(0, s.stats().liveModels());
    }

    @Test
    void swapTo_withoutARegistry_isRefused() {
        try (Scorer s = Scorer.of(PipelineFixtures.constant(1f))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.swapTo(2));
            assertEquals(
                    "scorer serves an in-memory pipeline; swapTo and refresh need a registry",
                    e.getMessage());
        }
    }

    @Test
    void swap_closesTheOldNetworkAndServesTheNewOne() {
        Pipeline one = PipelineFixtures.constant(1f);
        try (Scorer s = Scorer.of(one)) {
            s.swap(PipelineFixtures.constant(2f));

            assertEquals(2f, s.score(new double[][] {{5.0}}).value());
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class, () -> one.score(new double[][] {{5.0}}));
            assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
            assertEquals(1, s.stats().liveModels());
            assertEquals(1, s.stats().swaps());
        }
    }
}
