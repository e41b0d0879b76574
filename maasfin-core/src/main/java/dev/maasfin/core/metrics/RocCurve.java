// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

/**
 * Points of a ROC curve, one per distinct score threshold in descending order.
 *
 * <p>Point {@code k} is reached by flagging every row whose score is {@code >= thresholds[k]}. The
 * implicit origin (0, 0) above the highest score is not included; the last point is always (1, 1).
 * Tied scores form a single point, so no vertex lies inside a tie block (Case 13). The record holds
 * copies of its arrays and is immutable and thread-safe.
 *
 * @param thresholds distinct scores, strictly decreasing
 * @param falsePositiveRates FPR at each threshold
 * @param truePositiveRates TPR (recall) at each threshold
 */
public record RocCurve(
        double[] thresholds, double[] falsePositiveRates, double[] truePositiveRates) {

    /**
     * Creates the curve, copying the arrays.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public RocCurve {
        Checks.sameLength(
                "thresholds", thresholds.length, "falsePositiveRates", falsePositiveRates.length);
        Checks.sameLength(
                "thresholds", thresholds.length, "truePositiveRates", truePositiveRates.length);
        thresholds = thresholds.clone();
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
    }

    /** Returns a copy of the thresholds. */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Returns a copy of the false-positive rates. */
    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /** Returns a copy of the true-positive rates. */
    @Override
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /** Returns the number of points. */
    public int size() {
        return thresholds.length;
    }
}
