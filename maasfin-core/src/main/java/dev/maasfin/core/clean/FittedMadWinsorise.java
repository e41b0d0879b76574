// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link MadWinsorise} fitted on training data: clips each column to {@code median ± k · scale ·
 * MAD}, leaving columns with MAD 0 unchanged.
 *
 * <p>Thread-safe: immutable.
 */
public final class FittedMadWinsorise implements FittedTransform {
    private final double k;
    private final double scale;
    private final List<String> columns;
    private final double[] median;
    private final double[] mad;
    private final double[] lower;
    private final double[] upper;

    FittedMadWinsorise(
            double k, double scale, List<String> columns, double[] median, double[] mad) {
        this.k = k;
        this.scale = scale;
        this.columns = List.copyOf(columns);
        this.median = median.clone();
        this.mad = mad.clone();
        this.lower = new double[median.length];
        this.upper = new double[median.length];
        for (int i = 0; i < median.length; i++) {
            double half = mad[i] == 0 ? Double.POSITIVE_INFINITY : k * scale * mad[i];
            lower[i] = median[i] - half;
            upper[i] = median[i] + half;
        }
    }

    /**
     * Rebuilds the fitted transform from its saved state, bit for bit.
     *
     * @throws IllegalArgumentException if the type is not {@value MadWinsorise#TYPE}, a parameter
     *     or array is missing or has the wrong length, or a MAD is negative or not finite
     */
    public static FittedMadWinsorise fromState(TransformState state) {
        Objects.requireNonNull(state, "state");
        Clipping.checkState(state, MadWinsorise.TYPE, "median", "mad");
        double[] m = state.array("mad");
        for (int i = 0; i < m.length; i++) {
            if (!(m[i] >= 0 && Double.isFinite(m[i]))) {
                throw new IllegalArgumentException(
                        "column "
                                + state.columns().get(i)
                                + ": mad must be finite and >= 0 but was "
                                + m[i]);
            }
        }
        return new FittedMadWinsorise(
                Clipping.param(state, "k"),
                Clipping.param(state, "scale"),
                state.columns(),
                state.array("median"),
                m);
    }

    /**
     * Clips the fitted columns; {@code NaN} stays {@code NaN}.
     *
     * @throws IllegalArgumentException if a fitted column is missing from {@code input}
     */
    @Override
    public Frame apply(Frame input) {
        return Clipping.apply(Objects.requireNonNull(input, "input"), columns, lower, upper);
    }

    @Override
    public TransformState state() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("k", Double.toString(k));
        params.put("scale", Double.toString(scale));
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("median", median);
        arrays.put("mad", mad);
        return new TransformState(MadWinsorise.TYPE, columns, params, arrays);
    }

    /** Returns the lower bounds in column order ({@code -Infinity} where MAD is 0). */
    public double[] lower() {
        return lower.clone();
    }

    /** Returns the upper bounds in column order ({@code +Infinity} where MAD is 0). */
    public double[] upper() {
        return upper.clone();
    }

    /** Returns the winsorised columns in order. */
    public List<String> columns() {
        return columns;
    }
}
