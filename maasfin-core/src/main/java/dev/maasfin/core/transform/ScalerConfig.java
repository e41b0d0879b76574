// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import dev.maasfin.api.transform.TransformState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitting steps shared by the affine scalers: check the training frame, then learn one centre and
 * one scale per column from that frame alone. Thread-safe: immutable.
 */
abstract class ScalerConfig implements Transform {
    private final List<String> columns;
    private final boolean skipNaN;

    ScalerConfig(List<String> columns, boolean skipNaN) {
        this.columns = ColumnChecks.columnList("columns", columns);
        this.skipNaN = skipNaN;
    }

    /** Returns the columns this transform acts on, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Returns whether NaN training values are skipped rather than rejected. */
    public boolean skipsNaN() {
        return skipNaN;
    }

    /** The registered type name of the fitted transform. */
    abstract String type();

    /** Type-specific params stored in the state (besides the NaN policy). */
    abstract Map<String, String> extraParams();

    /** Learns {centre, scale} of one column from its non-NaN, finite values (length >= 1). */
    abstract double[] centerAndScale(String column, double[] values);

    /** Wraps a state in the fitted type. */
    abstract FittedTransform restore(TransformState state);

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code train} is empty, lacks a column, or holds
     *     infinity, or NaN unless NaN is skipped (message names column, row and value)
     */
    @Override
    public FittedTransform fit(Frame train) {
        ColumnChecks.requireColumns(train, columns);
        ColumnChecks.requireRows(train);
        double[] center = new double[columns.size()];
        double[] scale = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            double[] x = train.column(name);
            ColumnChecks.requireFinite(name, x, skipNaN);
            double[] cs = centerAndScale(name, skipNaN ? ColumnChecks.withoutNaN(name, x) : x);
            center[c] = cs[0];
            scale[c] = cs[1];
        }
        Map<String, String> params = new LinkedHashMap<>(extraParams());
        params.put(AffineScaler.NAN_PARAM, skipNaN ? "skip" : "reject");
        return restore(AffineScaler.stateOf(type(), columns, params, center, scale));
    }

    /** Returns {@code divisor}, or 1 when it is 0 (a constant column), as scikit-learn does. */
    static double nonZeroScale(double divisor) {
        return divisor == 0.0 ? 1.0 : divisor;
    }

    /** Returns whether all values are identical (the definition of a constant column). */
    static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return type() + columns + (skipNaN ? " skipping NaN" : "");
    }
}
