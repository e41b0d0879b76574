// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.maasfin.core.kernel.Kernel;
import dev.maasfin.core.kernel.SequentialKernel;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.export.KernelExporter;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.PyTorchImport;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Pure-Java kernel versus DJL/PyTorch on the same models and inputs in one JMH run (issue 10): the
 * 30-16-8-16-30 ReLU autoencoder and the LSTM (window 32, 8 features, hidden 32, dense head to 1)
 * of {@link BenchModels}, seeded weights loaded into DJL blocks of the same architecture.
 *
 * <p>Implementations ({@code impl}):
 *
 * <ul>
 *   <li>{@code kernel}: {@link KernelExporter#export} of the DJL model (so the kernel scores the
 *       very parameters DJL holds), {@link Kernel#predict(float[], int, float[], int)};
 *   <li>{@code djl}: {@link NeuralModel#predict(float[], int)}, maasfin's DJL path (input checks,
 *       NDArray creation in a per-call scope, forward, copy out);
 *   <li>{@code djlRaw}: a DJL {@link Predictor} with a {@link NoopTranslator} on an {@link NDList}
 *       prepared in setup, copying the output to a float array: the floor of what any DJL path
 *       costs.
 * </ul>
 *
 * <p>Setup checks that kernel and DJL outputs agree to 1e-5 relative on the benchmark input, so the
 * comparison is between equal functions. Run PyTorch single-threaded ({@code
 * -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}) for a like-for-like
 * single-thread comparison; the command is in {@code BENCHMARKS.md}.
 */
@State(Scope.Thread)
public class KernelVsDjlBenchmark {
    private static final int BATCH = 64;

    /** Which model: {@code autoencoder} or {@code lstm}. */
    @Param({"autoencoder", "lstm"})
    public String model;

    /** Which implementation: {@code kernel}, {@code djl} or {@code djlRaw}. */
    @Param({"kernel", "djl", "djlRaw"})
    public String impl;

    private NeuralModel djl;
    private SequentialKernel kernel;
    private Predictor<NDList, NDList> raw;
    private NDList rawOne;
    private NDList rawBatch;
    private float[] one;
    private float[] oneOut;
    private float[] batch;
    private float[] batchOut;

    /**
     * Builds the DJL model from the seeded weights, exports the kernel, prepares the inputs and
     * checks that both agree.
     */
    @Setup(Level.Trial)
    public void setUp() {
        djl = "lstm".equals(model) ? lstmModel() : autoencoderModel();
        kernel = KernelExporter.export(djl);
        one = BenchModels.inputs(KernelBenchmark.SEED + 1, kernel.inputSize());
        oneOut = new float[kernel.outputSize()];
        batch = BenchModels.inputs(KernelBenchmark.SEED + 2, BATCH * kernel.inputSize());
        batchOut = new float[BATCH * kernel.outputSize()];
        raw = djl.djlModel().newPredictor(new NoopTranslator());
        rawOne = new NDList(ndarray(one, 1));
        rawBatch = new NDList(ndarray(batch, BATCH));
        checkAgreement();
    }

    /** Releases the predictor, the prepared arrays and the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        rawOne.close();
        rawBatch.close();
        raw.close();
        djl.close();
    }

    /**
     * One sample: the latency a scoring host sees.
     *
     * @return the output, so the JIT cannot discard the work
     * @throws TranslateException if DJL fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] single() throws TranslateException {
        return run(one, rawOne, 1, oneOut);
    }

    /**
     * A batch of 64 samples; the score is samples per second.
     *
     * @return the output
     * @throws TranslateException if DJL fails
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public float[] batch64() throws TranslateException {
        return run(batch, rawBatch, BATCH, batchOut);
    }

    private float[] run(float[] x, NDList prepared, int n, float[] out) throws TranslateException {
        switch (impl) {
            case "kernel":
                if (n == 1) {
                    kernel.predict(x, 0, out, 0);
                } else {
                    kernel.predictBatch(x, n, out);
                }
                return out;
            case "djl":
                return djl.predict(x, n);
            default:
                try (NDList y = raw.predict(prepared)) {
                    return y.head().toFloatArray();
                }
        }
    }

    private NDArray ndarray(float[] x, int n) {
        int[] shape = djl.inputShape();
        long[] dims = new long[shape.length + 1];
        dims[0] = n;
        for (int k = 0; k < shape.length; k++) {
            dims[k + 1] = shape[k];
        }
        return djl.djlModel().getNDManager().create(x, new Shape(dims));
    }

    private void checkAgreement() {
        float[] d = djl.predict(batch, BATCH);
        float[] k = new float[d.length];
        kernel.predictBatch(batch, BATCH, k);
        for (int i = 0; i < d.length; i++) {
            if (Math.abs(d[i] - k[i]) > 1e-5 * Math.abs(d[i]) + 1e-6) {
                throw new IllegalStateException(
                        model + " output " + i + ": kernel " + k[i] + " but DJL " + d[i]);
            }
        }
    }

    /** The autoencoder with {@link BenchModels#autoencoderWeights} in DJL's Linear blocks. */
    static NeuralModel autoencoderModel() {
        int[] w = BenchModels.AUTOENCODER;
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(w[0])
                        .optHiddenWidths(w[1], w[2], w[3])
                        .optActivation(Activation.RELU)
                        .build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        Map<String, float[]> values = BenchModels.autoencoderWeights(KernelBenchmark.SEED);
        List<String> linears = new ArrayList<>();
        for (String name : m.parameterShapes().keySet()) {
            String block = name.substring(0, name.indexOf('_'));
            if (block.endsWith("Linear") && !linears.contains(block)) {
                linears.add(block);
            }
        }
        for (int i = 0; i < linears.size(); i++) {
            m.setParameter(linears.get(i) + "_weight", values.get(i + ".weight"));
            m.setParameter(linears.get(i) + "_bias", values.get(i + ".bias"));
        }
        return m;
    }

    /** The LSTM forecaster with {@link BenchModels#lstmWeights} imported by PyTorch name. */
    static NeuralModel lstmModel() {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(BenchModels.LSTM_WINDOW)
                        .setFeatures(BenchModels.LSTM_FEATURES)
                        .optHidden(BenchModels.LSTM_HIDDEN)
                        .optLayers(1)
                        .optHorizons(1)
                        .build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        Map<String, float[]> stateDict = new LinkedHashMap<>();
        BenchModels.lstmWeights(KernelBenchmark.SEED)
                .forEach((name, v) -> stateDict.put(name.replace("lstm.", ""), v));
        PyTorchImport.importRecurrent(m, stateDict);
        return m;
    }
}
