// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.DenseRegressorSpec;
import dev.maasfin.djl.model.NetworkSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.pipeline.PipelineFixtures;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The scorer's choice of forward path: AUTO serves the pure-Java kernel for supported models on the
 * CPU, agreeing with DJL to the kernel's stated 1e-5 relative tolerance ({@code KernelExporter}),
 * also after a hot swap and from several threads; DJL can be forced; forcing the kernel on an
 * architecture without one fails naming it.
 */
class ScoringPathTest {

    /** KernelExporter's stated equivalence: 1e-5 relative, or 1e-6 absolute near zero. */
    private static void assertClose(float djl, float kernel, String what) {
        assertEquals(djl, kernel, Math.max(1e-5 * Math.abs(djl), 1e-6), what);
    }

    private static void assertSamePredictions(BatchPrediction djl, BatchPrediction kernel) {
        assertEquals(djl.rows(), kernel.rows());
        assertEquals(djl.values().length, kernel.values().length);
        for (int k = 0; k < djl.values().length; k++) {
            assertClose(djl.values()[k], kernel.values()[k], "value " + k);
        }
        assertArrayEquals(djl.flags(), kernel.flags());
    }

    private static BatchPrediction scoreAll(Path saved, ScoringPath path, BarSeries bars)
            throws Exception {
        try (Scorer s = Scorer.of(Pipeline.load(saved), path)) {
            assertEquals(path, s.path());
            return s.scoreAll(bars);
        }
    }

    @Test
    void auto_onCpu_servesTheKernel_andAgreesWithDjl_onTheTrainedLstmFixtures() throws Exception {
        BarSeries bars = PipelineFixtures.spxBars(260);
        for (var stage : List.of(PipelineFixtures.stage(), PipelineFixtures.featureSetStage())) {
            Path dir = PipelineFixtures.freshDir("path-lstm");
            try (Pipeline p = PipelineFixtures.trainedLstm(bars, stage)) {
                p.save(dir);
            }
            try (Scorer auto = Scorer.of(Pipeline.load(dir))) {
                assertEquals(ScoringPath.AUTO, auto.requestedPath());
                assertEquals(ScoringPath.KERNEL, auto.path());
            }
            assertSamePredictions(
                    scoreAll(dir, ScoringPath.DJL, bars), scoreAll(dir, ScoringPath.KERNEL, bars));
        }
    }

    @Test
    void kernel_onAConstantDenseModel_givesTheBiasExactly() {
        // all weights 0 and output bias 2.5 (PipelineFixtures.constant): the output is 2.5 exactly
        try (Scorer s = Scorer.of(PipelineFixtures.constant(2.5f), ScoringPath.KERNEL)) {
            assertEquals(2.5f, s.score(new double[][] {{4200.0}}).value());
        }
    }

    @Test
    void kernel_onAnAutoencoder_givesDjlsScoresAndFlags() {
        try (Scorer djl = Scorer.of(autoencoder(0.5), ScoringPath.DJL);
                Scorer kernel = Scorer.of(autoencoder(0.5), ScoringPath.KERNEL)) {
            double[][][] rows = {{{0.1, -0.3, 2.0}}, {{1.5, 0.0, -1.0}}, {{-2.0, 0.7, 0.2}}};
            BatchPrediction a = djl.scoreBatch(rows);
            BatchPrediction b = kernel.scoreBatch(rows);
            assertEquals(ModelKind.ANOMALY_DETECTOR, b.kind());
            assertSamePredictions(a, b);
        }
    }

    /** A dense autoencoder 3-2-3 with seeded random weights and a stored threshold. */
    private static Pipeline autoencoder(double threshold) {
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder().setInputWidth(3).optHiddenWidths(2).build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 11);
        m.state().put(AutoencoderDetector.THRESHOLD_KEY, threshold);
        return Pipeline.builder()
                .setFeatures(FeatureStages.barColumns("open", "high", "low"))
                .setSchema(
                        InputSchema.of(
                                List.of(
                                        ColumnSpec.unbounded("open"),
                                        ColumnSpec.unbounded("high"),
                                        ColumnSpec.unbounded("low"))))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "2".repeat(64), Map.of(), Map.of()))
                .build();
    }

    @Test
    void kernelStream_equalsKernelBatch_bitForBit() {
        BarSeries bars = PipelineFixtures.spxBars(120);
        try (Scorer s =
                Scorer.of(
                        PipelineFixtures.trainedLstm(bars, PipelineFixtures.featureSetStage()),
                        ScoringPath.KERNEL)) {
            BatchPrediction batch = s.scoreAll(bars);
            StreamingScorer stream = s.streaming(ZoneId.of("UTC"));
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
                    // the kernel computes each sample alone, whatever the batch (Kernel contract);
                    // streaming feature rows equal batch rows (FeatureSet contract, 1e-9) and
                    // survive the float cast here
                    assertEquals(batch.value(k, 0), p.get().value(), 0f, "window " + k);
                    k++;
                }
            }
            assertEquals(batch.rows(), k);
        }
    }

    @Test
    void hotSwap_loadsTheNewVersionOnTheKernelPathToo() throws Exception {
        ModelRegistry r = HotSwapTest.registry();
        HotSwapTest.publish(r, 1f);
        HotSwapTest.publish(r, 2f);
        r.promote("const", 1, "production", "test", "first");
        try (Scorer s = Scorer.fromRegistry(r, "const", "production")) {
            assertEquals(ScoringPath.KERNEL, s.path());
            assertEquals(1f, s.score(new double[][] {{10.0}}).value());

            s.swapTo(2);

            assertEquals(ScoringPath.KERNEL, s.path());
            Prediction p = s.score(new double[][] {{10.0}});
            assertEquals(2, p.version());
            assertEquals(2f, p.value());
        }
    }

    @Test
    void djlForced_staysOnDjlAcrossASwap() throws Exception {
        ModelRegistry r = HotSwapTest.registry();
        HotSwapTest.publish(r, 1f);
        HotSwapTest.publish(r, 2f);
        r.promote("const", 1, "production", "test", "first");
        try (Scorer s =
                Scorer.builder()
                        .setRegistry(r)
                        .setName("const")
                        .setStage("production")
                        .optPath(ScoringPath.DJL)
                        .build()) {
            assertEquals(ScoringPath.DJL, s.path());
            s.swapTo(2);
            assertEquals(ScoringPath.DJL, s.path());
            assertEquals(2f, s.score(new double[][] {{10.0}}).value());
        }
    }

    @Test
    void optVersion_servesThatVersionInsteadOfTheStageHolder() throws Exception {
        ModelRegistry r = HotSwapTest.registry();
        HotSwapTest.publish(r, 1f);
        HotSwapTest.publish(r, 2f);
        r.promote("const", 1, "production", "test", "first");
        try (Scorer s =
                Scorer.builder()
                        .setRegistry(r)
                        .setName("const")
                        .setStage("production")
                        .optVersion(2)
                        .build()) {
            assertEquals(2, s.version());
            assertEquals(2f, s.score(new double[][] {{10.0}}).value());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Scorer.builder().optVersion(0));
        assertEquals("version must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void kernelForced_onAnArchitectureWithoutKernel_failsNamingIt_andAutoFallsBackToDjl() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Scorer.of(unsupported(), ScoringPath.KERNEL));
        assertTrue(
                e.getMessage().startsWith("scoring path KERNEL was forced but version 0"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("cannot export architecture 'test-no-kernel'"),
                e.getMessage());

        try (Scorer auto = Scorer.of(unsupported())) {
            assertEquals(ScoringPath.DJL, auto.path());
            assertEquals(0f, auto.score(new double[][] {{1.0}}).value(), 1e-6f);
        }
    }

    /**
     * A pipeline over a dense regressor whose spec reports another architecture name, standing for
     * an architecture the exporter does not know (all such built-in ones, like image CNNs, need
     * inputs a bar pipeline cannot feed). Weights 0, so the output is 0.
     */
    private static Pipeline unsupported() {
        NetworkSpec inner = DenseRegressorSpec.builder().setInputWidth(1).build();
        NetworkSpec spec = new RenamedSpec(inner);
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        for (String name : m.parameterShapes().keySet()) {
            m.setParameter(name, new float[m.parameter(name).length]);
        }
        return Pipeline.builder()
                .setFeatures(FeatureStages.barColumns("close"))
                .setSchema(InputSchema.of(List.of(ColumnSpec.unbounded("close"))))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "3".repeat(64), Map.of(), Map.of()))
                .build();
    }

    private record RenamedSpec(NetworkSpec inner) implements NetworkSpec {
        @Override
        public String type() {
            return "test-no-kernel";
        }

        @Override
        public ModelKind kind() {
            return inner.kind();
        }

        @Override
        public int[] inputShape() {
            return inner.inputShape();
        }

        @Override
        public int outputWidth() {
            return inner.outputWidth();
        }

        @Override
        public int labelWidth() {
            return inner.labelWidth();
        }

        @Override
        public Map<String, Object> hyperParameters() {
            return inner.hyperParameters();
        }

        @Override
        public Block newBlock() {
            return inner.newBlock();
        }

        @Override
        public Loss newLoss() {
            return inner.newLoss();
        }
    }

    @Test
    void kernelPath_fromFourThreads_givesTheSequentialResults() throws Exception {
        BarSeries bars = PipelineFixtures.spxBars(200);
        try (Scorer s = Scorer.of(PipelineFixtures.trainedLstm(bars), ScoringPath.KERNEL)) {
            float[] sequential = s.scoreAll(bars).values();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> runs =
                        pool.invokeAll(
                                List.of(
                                        () -> s.scoreAll(bars).values(),
                                        () -> s.scoreAll(bars).values(),
                                        () -> s.scoreAll(bars).values(),
                                        () -> s.scoreAll(bars).values()));
                for (Future<float[]> f : runs) {
                    // the kernel is deterministic and keeps per-thread scratch (SequentialKernel)
                    assertArrayEquals(sequential, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertFalse(s.stats().failures() > 0);
        }
    }
}
