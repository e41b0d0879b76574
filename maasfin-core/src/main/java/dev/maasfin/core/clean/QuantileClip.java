// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.Transform;
import java.util.List;

/**
 * Clips columns to quantiles learned from the training rows only (outlier capping).
 *
 * <p>Quantile convention: linear interpolation between order statistics, {@code h = (n - 1) p},
 * Hyndman and Fan type 7 (the default of R, NumPy and pandas). {@code NaN} training values are
 * skipped; an infinite training value fails the fit, naming column and row. Applying clips every
 * later value to the learned {@code [lower, upper]}; {@code NaN} stays {@code NaN}; columns not
 * listed are left unchanged. State type {@value #TYPE}: params {@code lowerQuantile,
 * upperQuantile}, arrays {@code lower, upper}.
 *
 * <p>Thread-safe: immutable.
 */
public final class QuantileClip implements Transform {
    /** The state type name. */
    public static final String TYPE = "quantile-clip";

    private final double lowerQuantile;
    private final double upperQuantile;
    private final List<String> columns;

    private QuantileClip(double lowerQuantile, double upperQuantile, List<String> columns) {
        this.lowerQuantile = lowerQuantile;
        this.upperQuantile = upperQuantile;
        this.columns = columns;
    }

    /**
     * Creates the transform.
     *
     * @param lowerQuantile lower probability, e.g. 0.01
     * @param upperQuantile upper probability, e.g. 0.99
     * @param columns the columns to clip; none means every column of the training frame
     * @throws IllegalArgumentException unless {@code 0 <= lowerQuantile < upperQuantile <= 1}
     */
    public static QuantileClip of(double lowerQuantile, double upperQuantile, String... columns) {
        if (!(lowerQuantile >= 0 && lowerQuantile < upperQuantile && upperQuantile <= 1)) {
            throw new IllegalArgumentException(
                    "quantiles must satisfy 0 <= lower < upper <= 1 but were lower="
                            + lowerQuantile
                            + ", upper="
                            + upperQuantile);
        }
        return new QuantileClip(lowerQuantile, upperQuantile, List.of(columns));
    }

    /**
     * Learns each column's lower and upper quantile from {@code train}.
     *
     * @throws IllegalArgumentException if {@code train} has no rows, lacks a column, or a column
     *     holds an infinite value or only {@code NaN}s (named in the message)
     */
    @Override
    public FittedQuantileClip fit(Frame train) {
        List<String> cols = Clipping.columnsToFit(columns, train);
        double[] lower = new double[cols.size()];
        double[] upper = new double[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            double[] sorted = Quantiles.sortedFinite(train, cols.get(i));
            lower[i] = Quantiles.linear(sorted, lowerQuantile);
            upper[i] = Quantiles.linear(sorted, upperQuantile);
        }
        return new FittedQuantileClip(lowerQuantile, upperQuantile, cols, lower, upper);
    }
}
