// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.testutil;

import java.util.Arrays;

/**
 * ROC-AUC as the Mann-Whitney statistic P(score_pos > score_neg) + 0.5 P(tie), from mid-ranks (the
 * evaluation protocol's definition; a local helper while dev.maasfin.core.metrics is written
 * elsewhere).
 */
public final class RocAuc {

    private RocAuc() {}

    /** Returns the ROC-AUC of {@code scores} against {@code positive} labels. */
    public static double of(float[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long nPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += midRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = n - nPos;
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
