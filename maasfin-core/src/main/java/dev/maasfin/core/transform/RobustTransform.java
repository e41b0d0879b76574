// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Robust scaling {@code (x - median) / IQR}, fitted per column on the training frame only.
 *
 * <p>Quantiles use linear interpolation between order statistics (Hyndman-Fan type 7, the default
 * of NumPy and R, Commons Math {@code Percentile.EstimationType.R_7}): for sorted {@code x} of
 * length n and probability p, {@code h = (n - 1) p} and {@code Q = x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h])}. IQR = Q(0.75) - Q(0.25). A zero IQR (most values identical) gives
 * scale 1, as scikit-learn's {@code RobustScaler} does: the median is still subtracted and no tiny
 * floor inflates outliers. Thread-safe: immutable.
 */
public final class RobustTransform extends ScalerConfig {
    /** Registered type name of the fitted transform. */
    public static final String TYPE = "robust";

    private RobustTransform(List<String> columns, boolean skipNaN) {
        super(columns, skipNaN);
    }

    /**
     * Returns a median/IQR transform of the given columns that rejects NaN.
     *
     * @throws IllegalArgumentException if no column is given, or one is blank or repeated
     */
    public static RobustTransform of(String... columns) {
        return new RobustTransform(List.of(columns), false);
    }

    /** Returns a copy that ignores NaN when fitting and passes NaN through when applying. */
    public RobustTransform withNaNSkipped() {
        return new RobustTransform(columns(), true);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    Map<String, String> extraParams() {
        return Map.of("quantile", "linear");
    }

    @Override
    double[] centerAndScale(String column, double[] x) {
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(x);
        double iqr = p.evaluate(75) - p.evaluate(25);
        if (!Double.isFinite(iqr)) {
            throw new IllegalArgumentException(
                    "column '" + column + "': the interquartile range overflows a double");
        }
        return new double[] {p.evaluate(50), nonZeroScale(iqr)};
    }

    @Override
    FittedTransform restore(TransformState state) {
        return new FittedRobust(state);
    }

    /**
     * A fitted robust scaler: {@code centers()} are the training medians, {@code scales()} the IQRs
     * (1 where the IQR is 0). Thread-safe: immutable.
     */
    public static final class FittedRobust extends AffineScaler {
        /**
         * Rebuilds a fitted robust scaler from its state.
         *
         * @throws IllegalArgumentException if the state is not a valid {@value #TYPE} state
         */
        public FittedRobust(TransformState state) {
            super(state, TYPE);
        }
    }
}
