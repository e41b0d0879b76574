// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import dev.maasfin.api.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link SlidingWindowDataset}s: {@code setFrame}, {@code setWindow} and {@code setTarget}
 * are required; {@code optFeatures}, {@code optStride} and {@code optAllowNaN} are optional.
 *
 * <p>The number of samples is {@code floor((N - L - h) / stride) + 1} for N rows, window L and
 * horizon h (so {@code N - L} pairs for the next value and {@code N - L + 1} inference windows at
 * stride 1). The builder copies the chosen feature columns once into a row-major matrix; samples
 * are views over it. Not thread-safe (a builder); the built dataset is immutable.
 */
public final class SlidingWindows {
    private Frame frame;
    private int window;
    private boolean windowSet;
    private WindowTarget target;
    private List<String> features;
    private int stride = 1;
    private boolean allowNaN;

    private SlidingWindows() {}

    /** Returns a new builder. */
    public static SlidingWindows builder() {
        return new SlidingWindows();
    }

    /** Sets the source frame (required); rows are time steps in order. */
    public SlidingWindows setFrame(Frame frame) {
        this.frame = frame;
        return this;
    }

    /** Sets the window length L in rows (required, {@code >= 1}). */
    public SlidingWindows setWindow(int window) {
        this.window = window;
        this.windowSet = true;
        return this;
    }

    /** Sets the label definition (required; {@link WindowTarget#none()} for inference). */
    public SlidingWindows setTarget(WindowTarget target) {
        this.target = target;
        return this;
    }

    /** Sets the feature columns in order (optional; default all columns of the frame). */
    public SlidingWindows optFeatures(String... columns) {
        this.features = List.of(columns);
        return this;
    }

    /**
     * Sets the step between consecutive window ends (optional; default 1, must be {@code >= 1}).
     */
    public SlidingWindows optStride(int stride) {
        this.stride = stride;
        return this;
    }

    /** Allows NaN inside used windows and labels (optional; default false: NaN is rejected). */
    public SlidingWindows optAllowNaN(boolean allowNaN) {
        this.allowNaN = allowNaN;
        return this;
    }

    /**
     * Validates everything and builds the dataset.
     *
     * @throws IllegalArgumentException naming every missing or invalid setting (frame, window,
     *     target, stride, unknown column); if the series is shorter than window + horizon (naming
     *     window, horizon and length); if a used window or label holds NaN or infinity (naming row
     *     and column) unless NaN is allowed; if a price used by a return target is not {@code > 0}
     */
    public SlidingWindowDataset build() {
        validateSettings();
        List<String> names = features == null ? frame.columnNames() : features;
        int n = frame.rows();
        int h = target.horizon();
        if (n < window + h) {
            throw new IllegalArgumentException(
                    "series of length "
                            + n
                            + " is too short for window "
                            + window
                            + " and horizon "
                            + h
                            + ": need at least "
                            + (window + h)
                            + " rows");
        }
        int size = (n - window - h) / stride + 1;
        double[] data = rowMajor(names);
        checkWindows(data, names, size);
        double[] labels = WindowLabels.compute(frame, target, window, stride, size, allowNaN);
        long[] times = frame.epochMillis().orElse(null);
        return new SlidingWindowDataset(data, names, times, window, stride, size, target, labels);
    }

    private void validateSettings() {
        List<String> problems = new ArrayList<>();
        if (frame == null) {
            problems.add("frame is required (setFrame)");
        }
        if (!windowSet) {
            problems.add("window is required (setWindow)");
        } else if (window < 1) {
            problems.add("window must be >= 1 but was " + window);
        }
        if (target == null) {
            problems.add("target is required (setTarget; WindowTarget.none() for inference)");
        }
        if (stride < 1) {
            problems.add("stride must be >= 1 but was " + stride);
        }
        if (frame != null) {
            checkColumns(problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private void checkColumns(List<String> problems) {
        List<String> wanted = new ArrayList<>();
        if (features != null) {
            if (features.isEmpty()) {
                problems.add("features must name at least one column");
            }
            wanted.addAll(features);
        } else if (frame.columnCount() == 0) {
            problems.add("frame has no columns to use as features");
        }
        if (target != null && target.column() != null) {
            wanted.add(target.column());
        }
        for (String c : wanted) {
            if (!frame.hasColumn(c)) {
                problems.add("column '" + c + "' is not in the frame " + frame.columnNames());
            }
        }
    }

    private double[] rowMajor(List<String> names) {
        int n = frame.rows();
        int f = names.size();
        double[] data = new double[n * f];
        for (int c = 0; c < f; c++) {
            int col = frame.columnIndex(names.get(c));
            for (int r = 0; r < n; r++) {
                data[r * f + c] = frame.get(r, col);
            }
        }
        return data;
    }

    private void checkWindows(double[] data, List<String> names, int size) {
        int f = names.size();
        int checkedTo = -1;
        for (int i = 0; i < size; i++) {
            int end = window - 1 + i * stride;
            for (int r = Math.max(end - window + 1, checkedTo + 1); r <= end; r++) {
                for (int c = 0; c < f; c++) {
                    double v = data[r * f + c];
                    if (Double.isInfinite(v) || (Double.isNaN(v) && !allowNaN)) {
                        throw new IllegalArgumentException(
                                "row "
                                        + r
                                        + ", column '"
                                        + names.get(c)
                                        + "': value "
                                        + v
                                        + " inside window "
                                        + i
                                        + " must be finite"
                                        + (allowNaN ? "" : " (optAllowNaN permits NaN)"));
                    }
                }
            }
            checkedTo = end;
        }
    }
}
