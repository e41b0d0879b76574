// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;

/**
 * Min-max scaling {@code (x - min) / (max - min)} to [0, 1] over the training frame only.
 *
 * <p>Follows scikit-learn's {@code MinMaxScaler} with feature range [0, 1]: a zero range (a
 * constant training column) is treated as 1, so that column maps to {@code x - min} (0 on the
 * training data) instead of NaN; values outside the training range are <b>not</b> clipped (a test
 * value above the training maximum maps above 1). The subtraction form makes the training maximum
 * map to exactly 1. Thread-safe: immutable.
 */
public final class MinMaxTransform extends ScalerConfig {
    /** Registered type name of the fitted transform. */
    public static final String TYPE = "minmax";

    private MinMaxTransform(List<String> columns, boolean skipNaN) {
        super(columns, skipNaN);
    }

    /**
     * Returns a min-max transform of the given columns that rejects NaN.
     *
     * @throws IllegalArgumentException if no column is given, or one is blank or repeated
     */
    public static MinMaxTransform of(String... columns) {
        return new MinMaxTransform(List.of(columns), false);
    }

    /** Returns a copy that ignores NaN when fitting and passes NaN through when applying. */
    public MinMaxTransform withNaNSkipped() {
        return new MinMaxTransform(columns(), true);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    Map<String, String> extraParams() {
        return Map.of();
    }

    @Override
    double[] centerAndScale(String column, double[] x) {
        double min = x[0];
        double max = x[0];
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException(
                    "column '" + column + "': range " + max + " - " + min + " overflows a double");
        }
        return new double[] {min, nonZeroScale(range)};
    }

    @Override
    FittedTransform restore(TransformState state) {
        return new FittedMinMax(state);
    }

    /**
     * A fitted min-max scaler: {@code centers()} are the training minima, {@code scales()} the
     * ranges (1 for a constant column). Thread-safe: immutable.
     */
    public static final class FittedMinMax extends AffineScaler {
        /**
         * Rebuilds a fitted min-max scaler from its state.
         *
         * @throws IllegalArgumentException if the state is not a valid {@value #TYPE} state
         */
        public FittedMinMax(TransformState state) {
            super(state, TYPE);
        }
    }
}
