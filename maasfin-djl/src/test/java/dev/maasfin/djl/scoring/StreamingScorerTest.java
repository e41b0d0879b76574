// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.pipeline.PipelineFixtures;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bar-by-bar scoring equals batch scoring of the same windows, on S&P 500 bars. */
class StreamingScorerTest {

    @Test
    void barByBar_givesTheBatchPredictionOfEachWindow_bitForBit() {
        BarSeries bars = PipelineFixtures.spxBars(200);
        Pipeline p = PipelineFixtures.trainedLstm(bars);
        Frame features = p.features(bars);
        // the DJL path, compared with the pipeline's own DJL call (the kernel path:
        // ScoringPathTest)
        try (Scorer scorer = Scorer.of(p, ScoringPath.DJL)) {
            StreamingScorer stream = scorer.streaming(ZoneId.of("UTC"));
            int first = p.firstScorableRow();
            for (int t = 0; t < bars.size(); t++) {
                Optional<Prediction> got =
                        stream.onBar(
                                bars.epochMillis(t),
                                bars.open(t),
                                bars.high(t),
                                bars.low(t),
                                bars.close(t),
                                bars.volume(t));
                if (t < first) {
                    assertTrue(got.isEmpty(), "bar " + t + " is inside warm-up + window");
                    continue;
                }
                // the batch path on the same window, in a batch of one like the stream
                BatchPrediction batch = p.scoreWindows(features, new int[] {t});
                assertEquals(
                        Float.floatToIntBits(batch.value(0, 0)),
                        Float.floatToIntBits(got.orElseThrow().value()),
                        "bar " + t);
            }
            assertEquals(bars.size(), stream.count());
            assertEquals(bars.size() - first, scorer.stats().windows());
        }
    }

    @Test
    void barByBar_agreesWithScoreAllToFloatRounding() {
        BarSeries bars = PipelineFixtures.spxBars(120);
        Pipeline p = PipelineFixtures.trainedLstm(bars);
        try (Scorer scorer = Scorer.of(p)) {
            BatchPrediction all = scorer.scoreAll(bars);
            StreamingScorer stream = scorer.streaming(ZoneId.of("UTC"));
            int k = 0;
            for (int t = 0; t < bars.size(); t++) {
                Optional<Prediction> got =
                        stream.onBar(
                                bars.epochMillis(t),
                                bars.open(t),
                                bars.high(t),
                                bars.low(t),
                                bars.close(t),
                                bars.volume(t));
                if (got.isPresent()) {
                    // batch size changes PyTorch's blocking: agreement to float rounding
                    assertEquals(all.value(k++, 0), got.get().value(), 1e-6);
                }
            }
            assertEquals(all.rows(), k);
        }
    }

    @Test
    void onBar_withATimeNotAfterThePrevious_isRefusedAndKeepsState() {
        try (Scorer scorer = Scorer.of(PipelineFixtures.constant(3f))) {
            StreamingScorer stream = scorer.streaming(ZoneId.of("UTC"));
            assertTrue(stream.isReady());
            assertEquals(3f, stream.onBar(1000, 10, 11, 9, 10, 5).orElseThrow().value());
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> stream.onBar(1000, 10, 11, 9, 10, 5));
            assertEquals("bar 1: time 1000 is not after the previous 1000", e.getMessage());
            assertEquals(1, stream.count());
        }
    }

    @Test
    void onBar_afterASwapToOtherFeatures_isRefused() {
        BarSeries bars = PipelineFixtures.spxBars(60);
        try (Scorer scorer = Scorer.of(PipelineFixtures.constant(3f))) {
            StreamingScorer stream = scorer.streaming(ZoneId.of("UTC"));
            scorer.swap(PipelineFixtures.trainedLstm(bars));
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> stream.onBar(1000, 10, 11, 9, 10, 5));
            assertTrue(
                    e.getMessage().startsWith("version 0 computes other features"), e.getMessage());
            assertEquals(1, stream.count(), "the bar is kept; only its scoring failed");
        }
    }
}
