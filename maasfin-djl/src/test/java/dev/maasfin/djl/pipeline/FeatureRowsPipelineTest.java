// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.scoring.Scorer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tabular pipeline (feature-rows stage) scores feature rows, saves, loads and refuses bars. */
class FeatureRowsPipelineTest {

    private static final String REFUSAL =
            "this pipeline takes feature rows with columns [amount, v1], not bars: score a Frame"
                    + " or windows of one row instead";

    /** All weights 0, so the reconstruction is 0 and the score is mean(x^2); threshold 1. */
    private static Pipeline zeroAutoencoderOnRows() {
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder().setInputWidth(2).optHiddenWidths(1).build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        for (String name : m.parameterShapes().keySet()) {
            m.setParameter(name, new float[m.parameter(name).length]);
        }
        m.state().put(AutoencoderDetector.THRESHOLD_KEY, 1.0);
        return Pipeline.builder()
                .setFeatures(FeatureStages.featureRows("amount", "v1"))
                .setSchema(
                        InputSchema.of(
                                List.of(
                                        new ColumnSpec(
                                                "amount",
                                                Double.NEGATIVE_INFINITY,
                                                Double.POSITIVE_INFINITY,
                                                true),
                                        ColumnSpec.unbounded("v1"))))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "2".repeat(64), Map.of(), Map.of()))
                .build();
    }

    private static Frame rows() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("amount", new double[] {1.0, 2.0});
        m.put("v1", new double[] {1.0, 0.0});
        return Frame.of(m);
    }

    @Test
    void savedAndLoaded_keepsTheFeatureRowsStage_andScoresEachRowAlone() throws Exception {
        Path dir = PipelineFixtures.freshDir("feature-rows");
        try (Pipeline p = zeroAutoencoderOnRows()) {
            p.save(dir);
        }
        try (Pipeline p = Pipeline.load(dir)) {
            assertEquals(FeatureStages.FEATURE_ROWS, p.features().type());
            assertEquals(List.of("amount", "v1"), p.features().columnNames());
            assertEquals(1, p.window());
            assertEquals(0, p.firstScorableRow());
            // by hand: row 0 (1 + 1) / 2 = 1, not above 1; row 1 (4 + 0) / 2 = 2, flagged
            BatchPrediction b = p.scoreWindows(rows(), new int[] {0, 1});
            assertArrayEquals(new float[] {1.0f, 2.0f}, b.values());
            assertArrayEquals(new boolean[] {false, true}, b.flags());
        }
    }

    @Test
    void bars_areRefusedByThePipelineAndByAScorer_sayingItTakesFeatureRows() {
        BarSeries bars =
                new BarSeries(
                        "t",
                        ZoneId.of("UTC"),
                        new long[] {1000, 2000},
                        new double[] {1, 1},
                        new double[] {1, 1},
                        new double[] {1, 1},
                        new double[] {1, 1},
                        new double[] {1, 1},
                        null);
        try (Scorer s = Scorer.of(zeroAutoencoderOnRows())) {
            assertEquals(
                    REFUSAL,
                    assertThrows(IllegalArgumentException.class, () -> s.scoreAll(bars))
                            .getMessage());
            assertEquals(
                    REFUSAL,
                    assertThrows(IllegalArgumentException.class, () -> s.score(bars)).getMessage());
            assertEquals(
                    REFUSAL,
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> s.streaming(ZoneId.of("UTC")))
                            .getMessage());
            // the two scoring calls count as failures; streaming() makes no scoring call
            assertEquals(2, s.stats().failures());
        }
    }
}
