// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.core.kernel.Kernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency and throughput of the pure-Java kernels on issue 10's two shapes: the 30-16-8-16-30 dense
 * autoencoder and an LSTM (window 32, 8 features, hidden 32) with a dense head, both with seeded
 * random weights from {@link BenchModels}.
 *
 * <p>{@code single} is one {@link Kernel#predict(float[], int, float[], int)} call measured in
 * {@link Mode#SampleTime} (p50/p99 latency); {@code batch64} is one {@link Kernel#predictBatch}
 * over 64 samples in {@link Mode#Throughput}, reported per sample. Add {@code -prof gc} for the
 * bytes allocated per operation. {@link KernelVsDjlBenchmark} runs the same models against DJL in
 * one JMH invocation.
 *
 * <p>JMH state objects are per thread; the kernels themselves are thread-safe.
 */
@State(Scope.Thread)
public class KernelBenchmark {
    /** Model seed shared with any DJL comparison. */
    public static final long SEED = 20260310L;

    private static final int BATCH = 64;

    /** Which model: {@code autoencoder} or {@code lstm}. */
    @Param({"autoencoder", "lstm"})
    public String model;

    private Kernel kernel;
    private float[] one;
    private float[] oneOut;
    private float[] batch;
    private float[] batchOut;

    /** Builds the kernel and the inputs. */
    @Setup
    public void setUp() {
        kernel =
                "lstm".equals(model)
                        ? BenchModels.lstmKernel(SEED)
                        : BenchModels.autoencoderKernel(SEED);
        one = BenchModels.inputs(SEED + 1, kernel.inputSize());
        oneOut = new float[kernel.outputSize()];
        batch = BenchModels.inputs(SEED + 2, BATCH * kernel.inputSize());
        batchOut = new float[BATCH * kernel.outputSize()];
    }

    /**
     * One sample: the latency a trading host sees per score.
     *
     * @return the output array, so the JIT cannot discard the work
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] single() {
        kernel.predict(one, 0, oneOut, 0);
        return oneOut;
    }

    /**
     * A batch of 64 samples; the score is samples per second.
     *
     * @return the output array
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public float[] batch64() {
        kernel.predictBatch(batch, BATCH, batchOut);
        return batchOut;
    }
}
