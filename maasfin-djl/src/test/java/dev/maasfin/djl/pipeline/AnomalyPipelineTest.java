// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An autoencoder pipeline scores mean squared reconstruction error and flags above threshold. */
class AnomalyPipelineTest {

    /** All weights and biases 0: the reconstruction is 0, so the score is mean(x^2). */
    static Pipeline zeroAutoencoder(double threshold) {
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder().setInputWidth(2).optHiddenWidths(1).build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        for (String name : m.parameterShapes().keySet()) {
            m.setParameter(name, new float[m.parameter(name).length]);
        }
        m.state().put(AutoencoderDetector.THRESHOLD_KEY, threshold);
        return Pipeline.builder()
                .setFeatures(FeatureStages.barColumns("open", "close"))
                .setSchema(
                        InputSchema.of(
                                List.of(
                                        ColumnSpec.unbounded("open"),
                                        ColumnSpec.unbounded("close"))))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "1".repeat(64), Map.of(), Map.of()))
                .build();
    }

    @Test
    void scoreBatch_givesMeanSquaredErrorAndFlagsStrictlyAboveTheThreshold() throws Exception {
        Path dir = PipelineFixtures.freshDir("anomaly");
        try (Pipeline p = zeroAutoencoder(1.0)) {
            p.save(dir);
        }
        try (Pipeline p = Pipeline.load(dir)) {
            BatchPrediction b =
                    p.scoreBatch(new double[][][] {{{1.0, 1.0}}, {{2.0, 0.0}}, {{0.0, 0.5}}});

            // by hand: (1 + 1) / 2 = 1 (not above 1), (4 + 0) / 2 = 2, (0 + 0.25) / 2 = 0.125
            assertEquals(ModelKind.ANOMALY_DETECTOR, b.kind());
            assertArrayEquals(new float[] {1.0f, 2.0f, 0.125f}, b.values());
            assertArrayEquals(new boolean[] {false, true, false}, b.flags());
            assertEquals(1.0, p.threshold());
        }
    }
}
