// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import dev.maasfin.core.metrics.ClassificationMetrics;
import dev.maasfin.core.metrics.RocCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Curve points for the reports' plots: ROC as {false-positive rate, true-positive rate} and the
 * precision-recall step curve as {recall, precision} over distinct score thresholds (tied scores
 * form one step, as in the protocol's average precision). Thread-safe: stateless.
 */
public final class Curves {
    private Curves() {}

    /** Returns {@code {fpr[], tpr[]}} of the ROC curve. */
    public static double[][] roc(int[] labels, double[] scores) {
        RocCurve c = ClassificationMetrics.rocCurve(labels, scores);
        return new double[][] {c.falsePositiveRates(), c.truePositiveRates()};
    }

    /** Returns {@code {recall[], precision[]}} at each distinct threshold, highest first. */
    public static double[][] precisionRecall(int[] labels, double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        List<double[]> points = new ArrayList<>();
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            tp += labels[order[k]];
            boolean stepEnds = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (stepEnds) {
                points.add(new double[] {(double) tp / positives, (double) tp / (k + 1)});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /** Returns {@code {epoch[], value[]}} for a per-epoch series (epochs numbered from 1). */
    public static double[][] perEpoch(double[] values) {
        double[] epochs = new double[values.length];
        Arrays.setAll(epochs, i -> i + 1);
        return new double[][] {epochs, values.clone()};
    }
}
