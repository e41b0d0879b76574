// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.util.Objects;

/**
 * A pure-Java inference function from a fixed-size float input to a fixed-size float output.
 *
 * <p>One sample is {@link #inputSize()} consecutive floats; for a sequence model that is a window
 * of {@code timeSteps × features} values in batch-first, time-major order (row {@code t} holds the
 * features of time step {@code t}), the layout of a PyTorch {@code batch_first=True} tensor without
 * its batch axis. The output is {@link #outputSize()} consecutive floats.
 *
 * <p>Implementations are immutable and thread-safe: weights never change after construction and
 * each calling thread works in its own scratch space, so one instance may be shared by any number
 * of threads. Once a thread has made its first call, further calls allocate nothing on the heap.
 */
public interface Kernel {
    /**
     * Returns the number of floats in one input sample.
     *
     * @return the input size, at least 1
     */
    int inputSize();

    /**
     * Returns the number of floats in one output sample.
     *
     * @return the output size, at least 1
     */
    int outputSize();

    /**
     * Computes the output of one sample, reading {@code in[inOffset .. inOffset + inputSize())} and
     * writing {@code out[outOffset .. outOffset + outputSize())}; allocates nothing once warmed up.
     *
     * <p>No state is kept between calls (recurrent layers start from zero state every call).
     *
     * @param in the input array
     * @param inOffset index of the first input float
     * @param out the output array
     * @param outOffset index of the first output float
     * @throws NullPointerException if {@code in} or {@code out} is null
     * @throws IllegalArgumentException if an offset is negative, an array is too short for its
     *     offset plus the sample size, or (under the default {@link NonFiniteInput#REJECT} policy)
     *     an input value is NaN or infinite; the message names the index and value
     */
    void predict(float[] in, int inOffset, float[] out, int outOffset);

    /**
     * Computes the outputs of {@code batch} samples stored one after another; each output is bit
     * for bit the one {@link #predict(float[], int, float[], int)} gives for that sample alone.
     *
     * @param in {@code batch × inputSize()} floats, sample after sample
     * @param batch the number of samples, at least 1
     * @param out receives {@code batch × outputSize()} floats, sample after sample
     * @throws NullPointerException if {@code in} or {@code out} is null
     * @throws IllegalArgumentException if {@code batch < 1}, if {@code in.length} is not {@code
     *     batch × inputSize()} or {@code out.length} is not {@code batch × outputSize()}, or if an
     *     input value is rejected as in {@link #predict(float[], int, float[], int)}
     */
    default void predictBatch(float[] in, int batch, float[] out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1 but was " + batch);
        }
        checkBatchLength("in", in.length, batch, inputSize());
        checkBatchLength("out", out.length, batch, outputSize());
        for (int s = 0; s < batch; s++) {
            predict(in, s * inputSize(), out, s * outputSize());
        }
    }

    /**
     * Computes the output of one sample into a new array; a convenience that allocates the result.
     *
     * @param in exactly {@link #inputSize()} floats
     * @return a new array of {@link #outputSize()} floats
     * @throws NullPointerException if {@code in} is null
     * @throws IllegalArgumentException if {@code in.length != inputSize()} or an input value is
     *     rejected as in {@link #predict(float[], int, float[], int)}
     */
    default float[] predict(float[] in) {
        Objects.requireNonNull(in, "in");
        if (in.length != inputSize()) {
            throw new IllegalArgumentException(
                    "in must have inputSize = " + inputSize() + " floats but has " + in.length);
        }
        float[] out = new float[outputSize()];
        predict(in, 0, out, 0);
        return out;
    }

    private static void checkBatchLength(String name, int length, int batch, int size) {
        if ((long) batch * size != length) {
            throw new IllegalArgumentException(
                    name
                            + " must have batch × size = "
                            + batch
                            + " × "
                            + size
                            + " = "
                            + (long) batch * size
                            + " floats but has "
                            + length);
        }
    }
}
