// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common body of the fitted scalers: {@code y = (x - center) / scale} per column and its inverse
 * {@code x = y * scale + center}. Columns not named pass through unchanged.
 *
 * <p>Thread-safe: immutable (arrays are copied in and out).
 */
abstract class AffineScaler implements FittedTransform {
    /** Param key for the NaN policy: {@code "reject"} or {@code "skip"}. */
    static final String NAN_PARAM = "nan";

    private final String type;
    private final List<String> columns;
    private final double[] center;
    private final double[] scale;
    private final Map<String, String> params;
    private final boolean allowNaN;

    AffineScaler(TransformState state, String expectedType) {
        if (!expectedType.equals(state.type())) {
            throw new IllegalArgumentException(
                    "state type must be '" + expectedType + "' but was '" + state.type() + "'");
        }
        this.type = state.type();
        this.columns = ColumnChecks.columnList("columns", state.columns());
        this.center = checkedArray(state, "center");
        this.scale = checkedArray(state, "scale");
        this.params = state.params();
        this.allowNaN = nanPolicy(state.params());
        for (int c = 0; c < scale.length; c++) {
            if (scale[c] <= 0) {
                throw new IllegalArgumentException(
                        type
                                + " scale of column '"
                                + columns.get(c)
                                + "' must be > 0 but was "
                                + scale[c]);
            }
        }
    }

    /** Reads the NaN policy from params; absent means reject. */
    static boolean nanPolicy(Map<String, String> params) {
        String policy = params.getOrDefault(NAN_PARAM, "reject");
        switch (policy) {
            case "reject":
                return false;
            case "skip":
                return true;
            default:
                throw new IllegalArgumentException(
                        "param '"
                                + NAN_PARAM
                                + "' must be 'reject' or 'skip' but was '"
                                + policy
                                + "'");
        }
    }

    private double[] checkedArray(TransformState state, String name) {
        double[] a = state.array(name);
        if (a.length != state.columns().size()) {
            throw new IllegalArgumentException(
                    state.type()
                            + " array '"
                            + name
                            + "' has "
                            + a.length
                            + " values but there are "
                            + state.columns().size()
                            + " columns");
        }
        for (int c = 0; c < a.length; c++) {
            if (!Double.isFinite(a[c])) {
                throw new IllegalArgumentException(
                        state.type()
                                + " array '"
                                + name
                                + "' value "
                                + a[c]
                                + " for column '"
                                + state.columns().get(c)
                                + "' must be finite");
            }
        }
        return a;
    }

    /** Builds the state map for a fitted scaler. */
    static TransformState stateOf(
            String type,
            List<String> columns,
            Map<String, String> params,
            double[] center,
            double[] scale) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("center", center);
        arrays.put("scale", scale);
        return new TransformState(type, columns, params, arrays);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a column is missing, or holds a non-finite value (NaN
     *     passes through as NaN when the transform was configured to skip NaN)
     */
    @Override
    public Frame apply(Frame input) {
        return map(input, false);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a column is missing or holds a non-finite value
     */
    @Override
    public Frame inverse(Frame transformed) {
        return map(transformed, true);
    }

    private Frame map(Frame input, boolean inverse) {
        ColumnChecks.requireColumns(input, columns);
        Map<String, double[]> data = input.toMap();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            double[] x = data.get(name);
            ColumnChecks.requireFinite(name, x, allowNaN);
            for (int r = 0; r < x.length; r++) {
                x[r] = inverse ? x[r] * scale[c] + center[c] : (x[r] - center[c]) / scale[c];
            }
        }
        return input.withColumns(data);
    }

    @Override
    public TransformState state() {
        return stateOf(type, columns, params, center, scale);
    }

    /** Returns the columns this scaler acts on, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Returns a copy of the per-column centres subtracted before scaling. */
    public double[] centers() {
        return center.clone();
    }

    /** Returns a copy of the per-column divisors, each {@code > 0}. */
    public double[] scales() {
        return scale.clone();
    }

    @Override
    public String toString() {
        return type + columns;
    }
}
