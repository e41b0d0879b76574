// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.model;

/**
 * Batch scoring over primitive arrays: {@code batch} samples in, {@code batch * outputWidth()}
 * values out.
 *
 * <p>Input layout: the samples one after another, each in row-major order of {@link #inputShape()}
 * (for a sequence model {@code [window, features]}: time outer, feature inner; the same layout as
 * {@code WindowedDataset.copySample}). Output layout: sample-major, {@link #outputWidth()} values
 * per sample. Predictions carry no state from one call to the next.
 *
 * <p>Thread safety is stated by each implementation.
 */
public interface Predictor {

    /** Returns what the outputs mean. */
    ModelKind kind();

    /** Returns the shape of one sample, e.g. {@code [30]} or {@code [window, features]}. */
    int[] inputShape();

    /** Returns the number of output values per sample. */
    int outputWidth();

    /**
     * Scores {@code batch} samples.
     *
     * @param input {@code batch} samples in row-major order of {@link #inputShape()}
     * @param batch number of samples, at least 1
     * @return {@code batch * outputWidth()} values, sample-major
     * @throws IllegalArgumentException if {@code batch < 1}, if {@code input.length} is not {@code
     *     batch} times the sample size, or if a value is NaN or infinite (the message names the
     *     sample and position)
     * @throws IllegalStateException if the predictor was closed
     */
    float[] predict(float[] input, int batch);

    /**
     * Scores samples whose declared shape is checked first: {@code shape} must be {@code [batch]}
     * followed by {@link #inputShape()}, so that for example a {@code [5, 1, 4]} input to a model
     * expecting {@code [N, 4, 1]} is rejected although it holds the same number of values.
     *
     * @param input the samples, row-major in {@code shape}
     * @param shape the input's shape, batch first
     * @return as {@link #predict(float[], int)}
     * @throws IllegalArgumentException if {@code shape} does not match (the message names the
     *     expected and the actual shape) or as {@link #predict(float[], int)}
     */
    default float[] predictShaped(float[] input, int[] shape) {
        int[] expected = inputShape();
        boolean ok = shape.length == expected.length + 1;
        for (int k = 0; ok && k < expected.length; k++) {
            ok = shape[k + 1] == expected[k];
        }
        if (!ok) {
            StringBuilder want = new StringBuilder("(N");
            for (int d : expected) {
                want.append(", ").append(d);
            }
            throw new IllegalArgumentException(
                    "input shape "
                            + java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')')
                            + " does not match the model's input shape "
                            + want
                            + ")");
        }
        return predict(input, shape[0]);
    }
}
