// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Arrays;

/**
 * Cumulative true- and false-positive counts at each distinct score, in descending order.
 *
 * <p>Built in O(n log n) by sorting the positives' and the negatives' scores separately and merging
 * them from the top; all rows with the same score form one threshold, so the result does not depend
 * on the input order (Case 13).
 */
final class ThresholdTable {
    final double[] thresholds;
    final long[] truePositives;
    final long[] falsePositives;
    final long positives;
    final long negatives;

    private ThresholdTable(double[] t, long[] tp, long[] fp, long positives, long negatives) {
        this.thresholds = t;
        this.truePositives = tp;
        this.falsePositives = fp;
        this.positives = positives;
        this.negatives = negatives;
    }

    /** Builds the table; labels and scores are assumed already validated. */
    static ThresholdTable of(int[] labels, double[] scores) {
        double[][] byClass = splitByClass(labels, scores);
        double[] pos = byClass[1];
        double[] neg = byClass[0];
        Arrays.sort(pos);
        Arrays.sort(neg);
        int i = pos.length - 1;
        int j = neg.length - 1;
        int cap = pos.length + neg.length;
        double[] t = new double[cap];
        long[] tp = new long[cap];
        long[] fp = new long[cap];
        int m = 0;
        long cumTp = 0;
        long cumFp = 0;
        while (i >= 0 || j >= 0) {
            double s =
                    Math.max(
                            i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY,
                            j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            while (i >= 0 && pos[i] == s) {
                cumTp++;
                i--;
            }
            while (j >= 0 && neg[j] == s) {
                cumFp++;
                j--;
            }
            t[m] = s;
            tp[m] = cumTp;
            fp[m] = cumFp;
            m++;
        }
        return new ThresholdTable(
                Arrays.copyOf(t, m),
                Arrays.copyOf(tp, m),
                Arrays.copyOf(fp, m),
                pos.length,
                neg.length);
    }

    private static double[][] splitByClass(int[] labels, double[] scores) {
        int p = 0;
        for (int label : labels) {
            p += label;
        }
        double[] pos = new double[p];
        double[] neg = new double[labels.length - p];
        int a = 0;
        int b = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == 1) {
                pos[a++] = scores[k];
            } else {
                neg[b++] = scores[k];
            }
        }
        return new double[][] {neg, pos};
    }

    /** Throws the "only one class" error for {@code metric} unless both classes are present. */
    void requireBothClasses(String metric) {
        if (positives == 0 || negatives == 0) {
            String present = positives == 0 ? "0 (negative)" : "1 (positive)";
            throw new UndefinedMetricException(
                    metric,
                    "only one class is present (every label is "
                            + present
                            + "), so "
                            + metric
                            + " has no value");
        }
    }

    int size() {
        return thresholds.length;
    }
}
