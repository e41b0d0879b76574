// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

/**
 * Reliability table of predicted probabilities: per equal-width bin of [0, 1], the row count, the
 * mean predicted probability and the observed rate of label 1.
 *
 * <p>Bin {@code b} of {@code B} covers {@code [b/B, (b+1)/B)}, the last bin also includes 1.0. An
 * empty bin has count 0 and {@code NaN} mean and rate (never 0). The record holds copies of its
 * arrays and is immutable and thread-safe.
 *
 * @param lowerEdges lower edge of each bin
 * @param counts rows per bin
 * @param meanPredicted mean predicted probability per bin, NaN when empty
 * @param observedRate share of label 1 per bin, NaN when empty
 */
public record CalibrationTable(
        double[] lowerEdges, long[] counts, double[] meanPredicted, double[] observedRate) {

    /**
     * Creates the table, copying the arrays.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public CalibrationTable {
        Checks.sameLength("lowerEdges", lowerEdges.length, "counts", counts.length);
        Checks.sameLength("lowerEdges", lowerEdges.length, "meanPredicted", meanPredicted.length);
        Checks.sameLength("lowerEdges", lowerEdges.length, "observedRate", observedRate.length);
        lowerEdges = lowerEdges.clone();
        counts = counts.clone();
        meanPredicted = meanPredicted.clone();
        observedRate = observedRate.clone();
    }

    /** Returns a copy of the lower bin edges. */
    @Override
    public double[] lowerEdges() {
        return lowerEdges.clone();
    }

    /** Returns a copy of the counts. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Returns a copy of the mean predicted probabilities. */
    @Override
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** Returns a copy of the observed rates. */
    @Override
    public double[] observedRate() {
        return observedRate.clone();
    }

    /** Returns the number of bins. */
    public int bins() {
        return counts.length;
    }
}
