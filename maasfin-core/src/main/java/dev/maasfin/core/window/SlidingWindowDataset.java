// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import dev.maasfin.api.window.WindowedDataset;
import java.util.List;

/**
 * Sliding windows as a view over one row-major feature matrix: sample {@code i} ends at row {@code
 * end(i) = window - 1 + i * stride} and reads rows {@code end(i) - window + 1 .. end(i)} in place;
 * no sample is copied until {@link #copySample} is called. Labels are computed once at build time
 * (small: {@code size * labelWidth} doubles).
 *
 * <p>Windows are anchored at the first row; with {@code stride > 1} the last rows may belong to no
 * window. Built by {@link SlidingWindows}. Thread-safe: immutable.
 */
public final class SlidingWindowDataset implements WindowedDataset {
    private final double[] data;
    private final int featureCount;
    private final List<String> featureNames;
    private final long[] times;
    private final int window;
    private final int stride;
    private final int size;
    private final WindowTarget target;
    private final double[] labels;

    SlidingWindowDataset(
            double[] data,
            List<String> featureNames,
            long[] times,
            int window,
            int stride,
            int size,
            WindowTarget target,
            double[] labels) {
        this.data = data;
        this.featureCount = featureNames.size();
        this.featureNames = List.copyOf(featureNames);
        this.times = times;
        this.window = window;
        this.stride = stride;
        this.size = size;
        this.target = target;
        this.labels = labels;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public int features() {
        return featureCount;
    }

    @Override
    public int labelWidth() {
        return target.labelWidth();
    }

    /** Returns the stride between consecutive window ends, in rows. */
    public int stride() {
        return stride;
    }

    /** Returns the label horizon: labels use rows {@code end(i)+1 .. end(i)+horizon}. */
    public int horizon() {
        return target.horizon();
    }

    /** Returns the label definition. */
    public WindowTarget target() {
        return target;
    }

    @Override
    public int end(int i) {
        return window - 1 + checkSample(i) * stride;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the source frame had no time index
     */
    @Override
    public long endTime(int i) {
        if (times == null) {
            throw new IllegalStateException(
                    "the source frame has no time index; use end(i) for the row instead");
        }
        return times[end(i)];
    }

    @Override
    public double value(int i, int t, int f) {
        if (t < 0 || t >= window || f < 0 || f >= featureCount) {
            throw new IndexOutOfBoundsException(
                    "time step "
                            + t
                            + " / feature "
                            + f
                            + " outside ["
                            + window
                            + ", "
                            + featureCount
                            + "]");
        }
        int row = end(i) - window + 1 + t;
        return data[row * featureCount + f];
    }

    @Override
    public double label(int i, int j) {
        int w = labelWidth();
        if (j < 0 || j >= w) {
            throw new IndexOutOfBoundsException("label index " + j + " outside [0, " + w + ")");
        }
        return labels[checkSample(i) * w + j];
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    /** Copies one contiguous block of the matrix, casting to float. */
    @Override
    public void copySample(int i, float[] dst, int offset) {
        int from = (end(i) - window + 1) * featureCount;
        int n = window * featureCount;
        if (offset < 0 || offset + n > dst.length) {
            throw new IndexOutOfBoundsException(
                    "dst of length " + dst.length + " cannot hold " + n + " values at " + offset);
        }
        for (int k = 0; k < n; k++) {
            dst[offset + k] = (float) data[from + k];
        }
    }

    private int checkSample(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " outside [0, " + size + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return "SlidingWindowDataset["
                + size
                + " samples, window "
                + window
                + ", stride "
                + stride
                + ", "
                + featureNames
                + " -> "
                + target
                + "]";
    }
}
