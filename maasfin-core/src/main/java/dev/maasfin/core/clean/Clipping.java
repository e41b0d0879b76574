// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;

/** Shared steps of the clipping transforms. Thread-safe: stateless. */
final class Clipping {
    private Clipping() {}

    /**
     * Clips each listed column to {@code [lower[i], upper[i]]}; NaN stays NaN, other columns and
     * the time index are unchanged.
     */
    static Frame apply(Frame input, List<String> columns, double[] lower, double[] upper) {
        Map<String, double[]> m = input.toMap();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException(
                        "column " + name + " is missing; the frame has " + input.columnNames());
            }
            double[] x = m.get(name);
            for (int r = 0; r < x.length; r++) {
                if (x[r] < lower[i]) {
                    x[r] = lower[i];
                } else if (x[r] > upper[i]) {
                    x[r] = upper[i];
                }
            }
        }
        return input.withColumns(m);
    }

    /** Returns the columns to fit: the configured ones, or every column of {@code train}. */
    static List<String> columnsToFit(List<String> configured, Frame train) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("train must have rows but has 0");
        }
        return configured.isEmpty() ? train.columnNames() : configured;
    }

    /** Checks a state's type and that each named array has one value per column. */
    static void checkState(TransformState state, String type, String... arrays) {
        if (!type.equals(state.type())) {
            throw new IllegalArgumentException(
                    "state type must be " + type + " but was " + state.type());
        }
        for (String a : arrays) {
            int n = state.array(a).length;
            if (n != state.columns().size()) {
                throw new IllegalArgumentException(
                        type
                                + " state array "
                                + a
                                + " has "
                                + n
                                + " values but there are "
                                + state.columns().size()
                                + " columns");
            }
        }
    }

    /** Reads a numeric parameter of a state, naming it when absent or malformed. */
    static double param(TransformState state, String name) {
        String text = state.params().get(name);
        if (text == null) {
            throw new IllegalArgumentException(
                    state.type()
                            + " state has no parameter "
                            + name
                            + "; it has "
                            + state.params().keySet());
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    state.type() + " state parameter " + name + " is not a number: '" + text + "'",
                    e);
        }
    }
}
