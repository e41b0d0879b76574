// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.Transform;
import java.util.List;

/**
 * Winsorises columns at {@code median ± k · 1.4826 · MAD}, with median and MAD learned from the
 * training rows only.
 *
 * <p>MAD is the median of {@code |x - median|}; the factor 1.4826 (about {@code 1 / Φ⁻¹(0.75)})
 * makes {@code 1.4826 · MAD} estimate the standard deviation of normal data, so {@code k = 3} caps
 * at about three standard deviations. Medians are the 0.5 linear-interpolation quantile (mean of
 * the two middle values for an even count). {@code NaN} training values are skipped; an infinite
 * one fails the fit. Edge case, one documented answer: a column whose MAD is 0 (more than half its
 * training values equal) is left unchanged, because clipping it would erase every other value.
 * State type {@value #TYPE}: params {@code k, scale}, arrays {@code median, mad}.
 *
 * <p>Thread-safe: immutable.
 */
public final class MadWinsorise implements Transform {
    /** The state type name. */
    public static final String TYPE = "mad-winsorise";

    /** The factor that makes the MAD a consistent estimate of a normal standard deviation. */
    public static final double NORMAL_SCALE = 1.4826;

    private final double k;
    private final List<String> columns;

    private MadWinsorise(double k, List<String> columns) {
        this.k = k;
        this.columns = columns;
    }

    /**
     * Creates the transform.
     *
     * @param k the half-width in scaled MADs, e.g. 3
     * @param columns the columns; none means every column of the training frame
     * @throws IllegalArgumentException if {@code k} is not finite and {@code > 0}
     */
    public static MadWinsorise of(double k, String... columns) {
        if (!(k > 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("k must be finite and > 0 but was " + k);
        }
        return new MadWinsorise(k, List.of(columns));
    }

    /**
     * Learns each column's median and MAD from {@code train}.
     *
     * @throws IllegalArgumentException if {@code train} has no rows, lacks a column, or a column
     *     holds an infinite value or only {@code NaN}s (named in the message)
     */
    @Override
    public FittedMadWinsorise fit(Frame train) {
        List<String> cols = Clipping.columnsToFit(columns, train);
        double[] median = new double[cols.size()];
        double[] mad = new double[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            double[] sorted = Quantiles.sortedFinite(train, cols.get(i));
            median[i] = Quantiles.median(sorted);
            mad[i] = Quantiles.mad(sorted, median[i]);
        }
        return new FittedMadWinsorise(k, NORMAL_SCALE, cols, median, mad);
    }
}
