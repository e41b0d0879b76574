// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.djl.scoring.StreamingScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pipeline whose feature stage is a FeatureSet (log return, RSI 14, rolling sd 10). */
class FeatureSetPipelineTest {

    @Test
    void savedAndLoaded_predictsBitForBitOnRawBars_andStreamsTheSameWindows() throws Exception {
        BarSeries bars = PipelineFixtures.spxBars(260);
        Pipeline trained = PipelineFixtures.trainedLstm(bars, PipelineFixtures.featureSetStage());
        Path dir = PipelineFixtures.freshDir("featureset");
        trained.save(dir);
        BatchPrediction before = trained.scoreAll(bars);
        trained.close();

        // the DJL path: bit for bit with the saved pipeline's own DJL call
        try (Scorer scorer = Scorer.of(Pipeline.load(dir), ScoringPath.DJL)) {
            BatchPrediction after = scorer.scoreAll(bars);
            assertEquals(before.rows(), after.rows());
            for (int k = 0; k < before.values().length; k++) {
                assertEquals(
                        Float.floatToIntBits(before.values()[k]),
                        Float.floatToIntBits(after.values()[k]),
                        "window " + k);
            }
            assertTrue(Files.readString(dir.resolve("features.json")).contains("\"rsi\""));
            assertEquals(
                    List.of("logreturn_1", "rsi_14", "sd_10"),
                    PipelineFixtures.featureSetStage().columnNames());
            streamsLikeBatch(scorer, bars, before);
        }
    }

    private static void streamsLikeBatch(Scorer scorer, BarSeries bars, BatchPrediction batch) {
        StreamingScorer stream = scorer.streaming(ZoneId.of("UTC"));
        int k = 0;
        for (int t = 0; t < bars.size(); t++) {
            Optional<Prediction> p =
                    stream.onBar(
                            bars.epochMillis(t),
                            bars.open(t),
                            bars.high(t),
                            bars.low(t),
                            bars.close(t),
                            bars.volume(t));
            if (p.isPresent()) {
                // streaming features equal batch ones to 1e-9 relative (FeatureSet's contract),
                // and the batch here has 237 windows, the stream one: agreement to float rounding
                assertEquals(batch.value(k, 0), p.get().value(), 1e-5, "window " + k);
                k++;
            }
        }
        assertEquals(batch.rows(), k);
    }
}
