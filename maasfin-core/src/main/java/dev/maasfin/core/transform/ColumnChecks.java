// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Shared argument checks for column transforms. Stateless and thread-safe. */
final class ColumnChecks {
    private ColumnChecks() {}

    /** Validates a column list: non-empty, no blank names, no duplicates; returns a copy. */
    static List<String> columnList(String parameter, List<String> columns) {
        Objects.requireNonNull(columns, parameter);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must name at least one column");
        }
        List<String> copy = new ArrayList<>(columns.size());
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException(
                        parameter + " must not contain a blank or null name but was " + columns);
            }
            copy.add(c);
        }
        if (new LinkedHashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(
                    parameter + " must not repeat a column but was " + columns);
        }
        return List.copyOf(copy);
    }

    /** Throws naming the missing column and the frame's columns. */
    static void requireColumns(Frame frame, List<String> columns) {
        Objects.requireNonNull(frame, "frame");
        for (String c : columns) {
            if (!frame.hasColumn(c)) {
                throw new IllegalArgumentException(
                        "column '" + c + "' is missing; the frame has " + frame.columnNames());
            }
        }
    }

    /** Throws if the training frame has no rows. */
    static void requireRows(Frame train) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("training frame must have at least one row");
        }
    }

    /**
     * Checks that every value is finite, or NaN when {@code allowNaN}; names column, row, value.
     */
    static void requireFinite(String column, double[] values, boolean allowNaN) {
        for (int r = 0; r < values.length; r++) {
            double v = values[r];
            if (Double.isNaN(v) && allowNaN) {
                continue;
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "', row "
                                + r
                                + ": value "
                                + v
                                + " must be finite"
                                + (allowNaN ? " (NaN is skipped, infinity is not)" : ""));
            }
        }
    }

    /** Returns the non-NaN values, failing if none are left. */
    static double[] withoutNaN(String column, double[] values) {
        int n = 0;
        double[] out = new double[values.length];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(
                    "column '" + column + "' has no non-NaN training values to fit on");
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
