// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Missing-value handling for columns where {@code NaN} marks a missing value.
 *
 * <p>Nothing is filled unless the caller asks: a missing price never silently becomes a repeat of
 * the previous one. {@link #forwardFill(double[], int)} uses only earlier values, so it adds no
 * look-ahead. {@link #interpolateLinear(double[])} uses the next observed value and therefore
 * <b>looks ahead</b>: use it for offline cleaning of a training set, never on data a live model
 * sees bar by bar. Infinite values are treated as values, not as missing. The frame methods keep
 * column order and the time index.
 *
 * <p>Thread-safe: stateless; inputs are never modified.
 */
public final class MissingValues {
    private MissingValues() {}

    /**
     * Replaces each {@code NaN} by the last value before it, for at most {@code limit} consecutive
     * {@code NaN}s; further ones in the same run stay {@code NaN}, as do leading ones.
     *
     * @param values the column; not modified
     * @param limit the most consecutive fills per run, {@code >= 1}
     * @return a new array
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public static double[] forwardFill(double[] values, int limit) {
        Objects.requireNonNull(values, "values");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
        }
        double[] out = values.clone();
        double last = Double.NaN;
        int run = 0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                last = out[i];
                run = 0;
            } else if (!Double.isNaN(last) && run < limit) {
                out[i] = last;
                run++;
            }
        }
        return out;
    }

    /**
     * Fills interior runs of {@code NaN} on the straight line between the values around them, by
     * row position (equal spacing assumed); leading and trailing {@code NaN}s stay {@code NaN}.
     * Looks ahead (see the class comment).
     *
     * @param values the column; not modified
     * @return a new array
     */
    public static double[] interpolateLinear(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] out = values.clone();
        int prev = -1;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                continue;
            }
            if (prev >= 0 && i - prev > 1) {
                fillLine(out, prev, i);
            }
            prev = i;
        }
        return out;
    }

    private static void fillLine(double[] a, int from, int to) {
        double step = (a[to] - a[from]) / (to - from);
        for (int k = from + 1; k < to; k++) {
            a[k] = a[from] + step * (k - from);
        }
    }

    /**
     * Applies {@link #forwardFill(double[], int)} to every column of a frame.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public static Frame forwardFill(Frame frame, int limit) {
        Objects.requireNonNull(frame, "frame");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        frame.toMap().forEach((name, col) -> m.put(name, forwardFill(col, limit)));
        return frame.withColumns(m);
    }

    /** Applies {@link #interpolateLinear(double[])} to every column of a frame. */
    public static Frame interpolateLinear(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        Map<String, double[]> m = new LinkedHashMap<>();
        frame.toMap().forEach((name, col) -> m.put(name, interpolateLinear(col)));
        return frame.withColumns(m);
    }

    /**
     * Returns the frame without the rows that hold a {@code NaN} in any column.
     *
     * @return a new frame, time-indexed if the input was
     */
    public static Frame dropRowsWithNaN(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        int[] keep = new int[frame.rows()];
        int n = 0;
        for (int r = 0; r < frame.rows(); r++) {
            if (!rowHasNaN(frame, r)) {
                keep[n++] = r;
            }
        }
        return frame.selectRows(java.util.Arrays.copyOf(keep, n));
    }

    private static boolean rowHasNaN(Frame frame, int r) {
        for (int c = 0; c < frame.columnCount(); c++) {
            if (Double.isNaN(frame.get(r, c))) {
                return true;
            }
        }
        return false;
    }
}
