// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.scoring;

import dev.maasfin.api.model.ModelKind;
import java.util.Arrays;
import java.util.Objects;

/**
 * Predictions for a batch of windows from one pipeline version, stored flat: row {@code i} holds
 * {@code values[i * width .. (i + 1) * width)}.
 *
 * <p>Meaning of the values and flags as in {@link Prediction}. Thread-safe as long as nobody writes
 * into the arrays, which are not copied.
 *
 * @param version the registry version of the pipeline that scored
 * @param kind what the model predicts
 * @param rows the number of windows
 * @param width outputs per window
 * @param values {@code rows * width} outputs, row-major
 * @param flags per window, whether the anomaly score exceeds the threshold (all false for other
 *     kinds)
 */
public record BatchPrediction(
        int version, ModelKind kind, int rows, int width, float[] values, boolean[] flags) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code rows < 1}, {@code width < 1}, or the array lengths
     *     are not {@code rows * width} and {@code rows}
     */
    public BatchPrediction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(flags, "flags");
        if (rows < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "rows and width must be >= 1 but were " + rows + " and " + width);
        }
        if (values.length != (long) rows * width || flags.length != rows) {
            throw new IllegalArgumentException(
                    "values length must be rows * width = "
                            + (long) rows * width
                            + " and flags length rows = "
                            + rows
                            + " but were "
                            + values.length
                            + " and "
                            + flags.length);
        }
    }

    /**
     * Returns the prediction of one window (a copy of its values).
     *
     * @param row the window index
     * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, rows)}
     */
    public Prediction row(int row) {
        Objects.checkIndex(row, rows);
        float[] v = Arrays.copyOfRange(values, row * width, (row + 1) * width);
        return new Prediction(version, kind, v, flags[row]);
    }

    /**
     * Returns output {@code k} of window {@code row}.
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public float value(int row, int k) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(k, width);
        return values[row * width + k];
    }
}
