// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.window;

/**
 * Samples of shape {@code [window, features]} with a label vector each, for sequence models.
 *
 * <p>Sample {@code i} covers source rows {@code [end(i) - window + 1, end(i)]}; its label comes
 * only from rows after {@code end(i)} (rows {@code end(i)+1 .. end(i)+horizon}), so no input value
 * is later than the time at which the label starts. Implementations may be views over one shared
 * feature matrix rather than copies per window. Thread-safe for reads: implementations are
 * immutable.
 */
public interface WindowedDataset {

    /** Returns the number of samples. */
    int size();

    /** Returns the number of time steps in each sample. */
    int window();

    /** Returns the number of features per time step. */
    int features();

    /** Returns the number of label values per sample (0 for inference windows). */
    int labelWidth();

    /** Returns the source row index of sample {@code i}'s last time step. */
    int end(int i);

    /** Returns the time (epoch milliseconds) of sample {@code i}'s last time step. */
    long endTime(int i);

    /** Returns the value at time step {@code t} and feature {@code f} of sample {@code i}. */
    double value(int i, int t, int f);

    /** Returns label component {@code j} of sample {@code i}. */
    double label(int i, int j);

    /** Returns the feature names, in feature order. */
    java.util.List<String> featureNames();

    /**
     * Copies sample {@code i} into {@code dst} at {@code offset} in row-major {@code [window,
     * features]} order (time outer, feature inner), as {@code float}.
     */
    default void copySample(int i, float[] dst, int offset) {
        int k = offset;
        for (int t = 0; t < window(); t++) {
            for (int f = 0; f < features(); f++) {
                dst[k++] = (float) value(i, t, f);
            }
        }
    }
}
