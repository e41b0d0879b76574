// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import dev.maasfin.core.pipeline.OutputDecoder;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.djl.scoring.StreamingScorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The output decoder on every scoring entry point, both forward paths, and through save/load. */
class DecodedPipelineTest {

    /** z-score of close with centre 1 and scale 10: the model sees (close - 1) / 10. */
    private static FittedTransform shiftScale() {
        return new ZScoreTransform.FittedZScore(
                new TransformState(
                        "zscore",
                        List.of("close"),
                        Map.of(),
                        Map.of("center", new double[] {1.0}, "scale", new double[] {10.0})));
    }

    /** A constant-output (0.5) pipeline over close, decoded as close * exp(y) * 1.5. */
    private static Pipeline decodedConstant() {
        return PipelineFixtures.constantBuilder(0.5f)
                .optTransform(shiftScale())
                .optDecoder(OutputDecoder.logRatioToFeature("close", 1.5, 1e-4))
                .build();
    }

    @Test
    void score_logRatioDecoder_isTheRawAnchorTimesExpOutputTimesFactor() {
        try (Pipeline p = decodedConstant()) {
            Prediction got = p.score(new double[][] {{2.0}});

            // by hand: 2 * e^0.5 * 1.5 = 2 * 1.6487212707 * 1.5 = 4.9461638121; the anchor is the
            // raw close 2, not its transformed (2 - 1) / 10 = 0.1 (which would give 0.247)
            assertEquals(4.9461638121, got.value(), 1e-6);
        }
    }

    @Test
    void everyEntryPointAndBothPaths_decodeEachWindowWithItsOwnLastRawClose() {
        BarSeries bars = PipelineFixtures.spxBars(30);
        try (Scorer djl = Scorer.of(decodedConstant(), ScoringPath.DJL);
                Scorer kernel = Scorer.of(decodedConstant(), ScoringPath.KERNEL)) {
            for (Scorer s : List.of(djl, kernel)) {
                BatchPrediction all = s.scoreAll(bars);
                StreamingScorer stream = s.streaming(ZoneId.of("UTC"));
                for (int t = 0; t < bars.size(); t++) {
                    // the definition, in the decoder's order of operations, rounded to float once
                    float expected = (float) (bars.close(t) * Math.exp(0.5f) * 1.5);
                    Optional<Prediction> one =
                            stream.onBar(
                                    bars.epochMillis(t),
                                    bars.open(t),
                                    bars.high(t),
                                    bars.low(t),
                                    bars.close(t),
                                    bars.volume(t));
                    assertEquals(expected, all.value(t, 0), 0.0f, s.path() + " batch bar " + t);
                    assertEquals(expected, one.orElseThrow().value(), 0.0f, s.path() + " bar " + t);
                    assertEquals(
                            expected,
                            s.score(new double[][] {{bars.close(t)}}).value(),
                            0.0f,
                            s.path() + " window " + t);
                }
            }
        }
    }

    @Test
    void decoder_onATrainedLstm_equalsTheIdentityOutputDecodedByHand_onBothPaths() {
        BarSeries bars = PipelineFixtures.spxBars(120);
        Pipeline plain = PipelineFixtures.trainedLstm(bars);
        OutputDecoder d = OutputDecoder.logRatioToFeature("close", 0.9, Double.NEGATIVE_INFINITY);
        Pipeline decoded = rebuild(plain, d);
        try (plain) {
            Frame f = plain.features(bars);
            int[] ends = {8, 50, 119};
            for (Pipeline p : List.of(plain, plain.withKernel())) {
                Pipeline q = p.usesKernel() ? decoded.withKernel() : decoded;
                BatchPrediction y = p.scoreWindows(f, ends);
                BatchPrediction v = q.scoreWindows(f, ends);
                for (int i = 0; i < ends.length; i++) {
                    double anchor = f.get(ends[i], f.columnIndex("close"));
                    assertEquals(
                            Float.floatToIntBits(d.decode(y.value(i, 0), anchor)),
                            Float.floatToIntBits(v.value(i, 0)),
                            "kernel " + p.usesKernel() + " window ending " + ends[i]);
                }
            }
        }
    }

    /** The same parts and network (not owned twice: close only the original). */
    private static Pipeline rebuild(Pipeline p, OutputDecoder d) {
        Pipeline.Builder b =
                Pipeline.builder()
                        .setFeatures(p.features())
                        .setSchema(p.schema())
                        .setModel(p.model())
                        .setMetadata(p.metadata())
                        .optDecoder(d);
        p.transforms().forEach(b::optTransform);
        return b.build();
    }

    @Test
    void savedAndLoaded_decodedValuesAreBitIdentical_andTheDecoderIsInPipelineJson()
            throws Exception {
        BarSeries bars = PipelineFixtures.spxBars(120);
        Path dir = PipelineFixtures.freshDir("decoded");
        Pipeline trained = rebuild(PipelineFixtures.trainedLstm(bars), decoderOfLstm());
        try (trained) {
            trained.save(dir);
            BatchPrediction before = trained.scoreAll(bars);
            try (Pipeline loaded = Pipeline.load(dir)) {
                BatchPrediction after = loaded.scoreAll(bars);

                assertEquals(decoderOfLstm(), loaded.decoder());
                for (int k = 0; k < before.values().length; k++) {
                    assertEquals(
                            Float.floatToIntBits(before.values()[k]),
                            Float.floatToIntBits(after.values()[k]),
                            "window " + k);
                }
            }
        }
        String json = Files.readString(dir.resolve("pipeline.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"kind\" : \"LOG_RATIO_TO_FEATURE\""), json);
    }

    private static OutputDecoder decoderOfLstm() {
        return OutputDecoder.logRatioToFeature("close", 1.0 / 3, 1e-4);
    }

    @Test
    void load_withATamperedDecoder_isRefusedByTheManifest() throws Exception {
        Path dir = PipelineFixtures.freshDir("tampered-decoder");
        try (Pipeline p = decodedConstant()) {
            p.save(dir);
        }
        Path json = dir.resolve("pipeline.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("1.5"), text);
        Files.writeString(json, text.replace("1.5", "2.5"), StandardCharsets.UTF_8);

        ArtifactException e = assertThrows(ArtifactException.class, () -> Pipeline.load(dir));

        assertTrue(
                e.getMessage().startsWith("artifact file pipeline.json was altered"),
                e.getMessage());
    }

    @Test
    void identityPipeline_savesNoDecoderKey_andLoadsAsIdentity() throws Exception {
        Path dir = PipelineFixtures.freshDir("identity");
        try (Pipeline p = PipelineFixtures.constant(0.25f)) {
            p.save(dir);
        }
        String json = Files.readString(dir.resolve("pipeline.json"), StandardCharsets.UTF_8);

        try (Pipeline loaded = Pipeline.load(dir)) {
            assertFalse(json.contains("decoder"), json);
            assertTrue(loaded.decoder().isIdentity());
            // the output bias 0.25 comes back unchanged
            assertEquals(0.25f, loaded.score(new double[][] {{7.0}}).value(), 0.0f);
        }
    }

    @Test
    void builder_refusesAnAnchorThatIsNotASchemaColumn() {
        // the refused build owns no network: the valid pipeline closes the one they share
        try (Pipeline valid = PipelineFixtures.constant(0.5f)) {
            OutputDecoder bad = OutputDecoder.logRatioToFeature("rv20", 1.0, 1e-4);

            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> rebuild(valid, bad));

            assertEquals(
                    "decoder anchor column 'rv20' must be one of the schema columns [close]",
                    e.getMessage());
        }
    }
}
