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
 * A {@link QuantileClip} fitted on training data: clips each column to learned bounds.
 *
 * <p>Thread-safe: immutable.
 */
public final class FittedQuantileClip implements FittedTransform {
    private final double lowerQuantile;
    private final double upperQuantile;
    private final List<String> columns;
    private final double[] lower;
    private final double[] upper;

    FittedQuantileClip(
            double lowerQuantile,
            double upperQuantile,
            List<String> columns,
            double[] lower,
            double[] upper) {
        this.lowerQuantile = lowerQuantile;
        this.upperQuantile = upperQuantile;
        this.columns = List.copyOf(columns);
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /**
     * Rebuilds the fitted transform from its saved state, bit for bit.
     *
     * @throws IllegalArgumentException if the type is not {@value QuantileClip#TYPE}, a parameter
     *     or array is missing or has the wrong length, or a lower bound exceeds its upper bound
     */
    public static FittedQuantileClip fromState(TransformState state) {
        Objects.requireNonNull(state, "state");
        Clipping.checkState(state, QuantileClip.TYPE, "lower", "upper");
        double[] lo = state.array("lower");
        double[] hi = state.array("upper");
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] <= hi[i])) {
                throw new IllegalArgumentException(
                        "column "
                                + state.columns().get(i)
                                + ": lower bound "
                                + lo[i]
                                + " must be <= upper bound "
                                + hi[i]);
            }
        }
        return new FittedQuantileClip(
                Clipping.param(state, "lowerQuantile"),
                Clipping.param(state, "upperQuantile"),
                state.columns(),
                lo,
                hi);
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
        params.put("lowerQuantile", Double.toString(lowerQuantile));
        params.put("upperQuantile", Double.toString(upperQuantile));
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("lower", lower);
        arrays.put("upper", upper);
        return new TransformState(QuantileClip.TYPE, columns, params, arrays);
    }

    /** Returns the learned lower bounds, one per column, in column order. */
    public double[] lower() {
        return lower.clone();
    }

    /** Returns the learned upper bounds, one per column, in column order. */
    public double[] upper() {
        return upper.clone();
    }

    /** Returns the clipped columns in order. */
    public List<String> columns() {
        return columns;
    }
}
