// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.Frame;
import java.util.Arrays;

/** Column statistics shared by the outlier transforms. Thread-safe: stateless. */
final class Quantiles {
    private Quantiles() {}

    /** Returns the column's non-NaN values sorted, failing on infinity or an all-NaN column. */
    static double[] sortedFinite(Frame train, String column) {
        int c = train.columnIndex(column);
        double[] out = new double[train.rows()];
        int n = 0;
        for (int r = 0; r < train.rows(); r++) {
            double x = train.get(r, c);
            if (Double.isInfinite(x)) {
                throw new IllegalArgumentException(
                        "column "
                                + column
                                + ", row "
                                + r
                                + ": value "
                                + x
                                + " is infinite; cannot fit on it");
            }
            if (!Double.isNaN(x)) {
                out[n++] = x;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(
                    "column "
                            + column
                            + " has no non-NaN value in the "
                            + train.rows()
                            + " training rows; cannot fit on it");
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Returns the {@code p}-quantile of sorted values by linear interpolation between order
     * statistics: {@code h = (n - 1) p}, {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor
     * h])} (Hyndman and Fan type 7, the default of R, NumPy and pandas).
     */
    static double linear(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Returns the median of sorted values (the 0.5 linear quantile). */
    static double median(double[] sorted) {
        return linear(sorted, 0.5);
    }

    /** Returns the unscaled median absolute deviation from {@code median}. */
    static double mad(double[] sorted, double median) {
        double[] dev = new double[sorted.length];
        for (int i = 0; i < dev.length; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(dev);
        return median(dev);
    }
}
