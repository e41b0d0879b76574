// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Binary-classification metrics over primitive arrays, as defined by maasfin's evaluation protocol
 * ({@code shared/data/evaluation/README.md}; scikit-learn 1.2 semantics).
 *
 * <p>Conventions: labels are 0 or 1 and the positive class is always label 1, never inferred from
 * the data. Scores rank rows (higher = more likely positive). A NaN score is rejected with an error
 * naming its row; infinite scores are ranked normally. Tied scores form one threshold (Case 13), so
 * results do not depend on the input order. ROC-AUC, average precision and KS are undefined when
 * only one class is present and all three then throw {@link UndefinedMetricException} with a
 * message naming the metric and saying "only one class" (Case 14). All methods are static,
 * stateless and thread-safe; inputs are never modified.
 */
public final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /**
     * Share of rows whose predicted label equals the true label.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double accuracy(int[] labels, int[] predicted) {
        checkLabelPair(labels, predicted);
        long hit = 0;
        for (int i = 0; i < labels.length; i++) {
            hit += labels[i] == predicted[i] ? 1 : 0;
        }
        return (double) hit / labels.length;
    }

    /**
     * Mean over the classes present in {@code labels} of the per-class recall (scikit-learn's
     * {@code balanced_accuracy_score} without adjustment); any integer labels are allowed.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static double balancedAccuracy(int[] labels, int[] predicted) {
        checkLabelPair(labels, predicted);
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        double sum = 0;
        for (int c : classes) {
            long total = 0;
            long hit = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    total++;
                    hit += predicted[i] == c ? 1 : 0;
                }
            }
            sum += (double) hit / total;
        }
        return sum / classes.length;
    }

    /**
     * ROC-AUC as the Mann–Whitney statistic P(score_pos &gt; score_neg) + ½·P(tie), computed in O(n
     * log n) by grouping tied scores.
     *
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException if lengths differ, input is empty, a label is not 0/1 or a
     *     score is NaN (the message names the row)
     */
    public static double rocAuc(int[] labels, double[] scores) {
        Checks.binaryInput(labels, scores);
        ThresholdTable t = ThresholdTable.of(labels, scores);
        t.requireBothClasses("ROC-AUC");
        double won = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int k = 0; k < t.size(); k++) {
            long dp = t.truePositives[k] - prevTp;
            long dn = t.falsePositives[k] - prevFp;
            won += dp * (double) (t.negatives - t.falsePositives[k]) + 0.5 * dp * (double) dn;
            prevTp = t.truePositives[k];
            prevFp = t.falsePositives[k];
        }
        return won / ((double) t.positives * t.negatives);
    }

    /**
     * Average precision (PR-AUC): Σ_k (R_k − R_{k−1})·P_k over the distinct score thresholds in
     * descending order, with no interpolation and no trapezoid; all scores tied gives the
     * prevalence.
     *
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException on invalid input as for {@link #rocAuc}
     */
    public static double averagePrecision(int[] labels, double[] scores) {
        Checks.binaryInput(labels, scores);
        ThresholdTable t = ThresholdTable.of(labels, scores);
        t.requireBothClasses("average precision");
        double ap = 0;
        long prevTp = 0;
        for (int k = 0; k < t.size(); k++) {
            long tp = t.truePositives[k];
            double precision = (double) tp / (tp + t.falsePositives[k]);
            ap += (double) (tp - prevTp) / t.positives * precision;
            prevTp = tp;
        }
        return ap;
    }

    /**
     * Kolmogorov–Smirnov statistic: the maximum over distinct thresholds of TPR − FPR (the
     * two-sample KS distance between the classes' score distributions); 0 when all scores tie.
     *
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException on invalid input as for {@link #rocAuc}
     */
    public static double ks(int[] labels, double[] scores) {
        Checks.binaryInput(labels, scores);
        ThresholdTable t = ThresholdTable.of(labels, scores);
        t.requireBothClasses("KS");
        double best = 0;
        for (int k = 0; k < t.size(); k++) {
            double d =
                    (double) t.truePositives[k] / t.positives
                            - (double) t.falsePositives[k] / t.negatives;
            best = Math.max(best, d);
        }
        return best;
    }

    /**
     * ROC curve with one point per distinct threshold (see {@link RocCurve}).
     *
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException on invalid input as for {@link #rocAuc}
     */
    public static RocCurve rocCurve(int[] labels, double[] scores) {
        Checks.binaryInput(labels, scores);
        ThresholdTable t = ThresholdTable.of(labels, scores);
        t.requireBothClasses("ROC curve");
        double[] fpr = new double[t.size()];
        double[] tpr = new double[t.size()];
        for (int k = 0; k < t.size(); k++) {
            fpr[k] = (double) t.falsePositives[k] / t.negatives;
            tpr[k] = (double) t.truePositives[k] / t.positives;
        }
        return new RocCurve(t.thresholds, fpr, tpr);
    }

    /**
     * Precision when rows with {@code score >= threshold} are flagged.
     *
     * @throws UndefinedMetricException if no row is flagged
     * @throws IllegalArgumentException on invalid input as for {@link #rocAuc} or a NaN threshold
     */
    public static double precisionAt(int[] labels, double[] scores, double threshold) {
        long[] c = confusionAt(labels, scores, threshold);
        if (c[0] + c[1] == 0) {
            throw new UndefinedMetricException(
                    "precision", "no row has score >= " + threshold + ", so nothing is flagged");
        }
        return (double) c[0] / (c[0] + c[1]);
    }

    /**
     * Recall (TPR) when rows with {@code score >= threshold} are flagged.
     *
     * @throws UndefinedMetricException if there is no positive row
     * @throws IllegalArgumentException on invalid input as for {@link #rocAuc} or a NaN threshold
     */
    public static double recallAt(int[] labels, double[] scores, double threshold) {
        long[] c = confusionAt(labels, scores, threshold);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            throw new UndefinedMetricException("recall", "only one class is present (no label 1)");
        }
        return (double) c[0] / positives;
    }

    /**
     * Recall at a fixed false-positive rate, exactly as the protocol defines it: at most {@code k =
     * floor(fpr·n_neg)} negatives may be flagged, {@code t} is the (k+1)-th largest negative score,
     * rows with score strictly greater than {@code t} are flagged, and the result is the share of
     * positives flagged. With few negatives the metric is coarse (n_neg = 246 and fpr = 0.01 give k
     * = 2).
     *
     * @param fpr the allowed false-positive rate, in [0, 1)
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException if {@code fpr} is outside [0, 1) or on invalid input as for
     *     {@link #rocAuc}
     */
    public static double recallAtFpr(int[] labels, double[] scores, double fpr) {
        if (!(fpr >= 0 && fpr < 1)) {
            throw new IllegalArgumentException("fpr must be in [0, 1) but was " + fpr);
        }
        Checks.binaryInput(labels, scores);
        ThresholdTable.of(labels, scores).requireBothClasses("recall at FPR");
        double[] neg = scoresOfClass(labels, scores, 0);
        Arrays.sort(neg);
        int k = (int) Math.floor(fpr * neg.length);
        double t = neg[neg.length - 1 - k];
        double[] pos = scoresOfClass(labels, scores, 1);
        long flagged = Arrays.stream(pos).filter(s -> s > t).count();
        return (double) flagged / pos.length;
    }

    /**
     * Brier score mean((p − y)²) with y = 1 for the positive (bad, default, fraud) class; defined
     * for a single class (Case 14 B: all labels 1 and all p = 1 gives 0).
     *
     * @throws IllegalArgumentException if lengths differ, input is empty, a label is not 0/1 or a
     *     probability is outside [0, 1] or NaN (the message names the row)
     */
    public static double brier(int[] labels, double[] probabilities) {
        checkProbabilities(labels, probabilities);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double e = probabilities[i] - labels[i];
            sum += e * e;
        }
        return sum / labels.length;
    }

    /**
     * Calibration (reliability) table over {@code bins} equal-width bins of the predicted
     * probability (see {@link CalibrationTable}).
     *
     * @throws IllegalArgumentException if {@code bins < 1} or on invalid input as for {@link
     *     #brier}
     */
    public static CalibrationTable calibrationTable(
            int[] labels, double[] probabilities, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1 but was " + bins);
        }
        checkProbabilities(labels, probabilities);
        long[] count = new long[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < labels.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(probabilities[i] * bins));
            count[b]++;
            sumP[b] += probabilities[i];
            sumY[b] += labels[i];
        }
        double[] edges = new double[bins];
        for (int b = 0; b < bins; b++) {
            edges[b] = (double) b / bins;
            sumP[b] = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
            sumY[b] = count[b] == 0 ? Double.NaN : sumY[b] / count[b];
        }
        return new CalibrationTable(edges, count, sumP, sumY);
    }

    private static long[] confusionAt(int[] labels, double[] scores, double threshold) {
        Checks.binaryInput(labels, scores);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < labels.length; i++) {
            if (scores[i] >= threshold) {
                tp += labels[i];
                fp += 1 - labels[i];
            }
        }
        return new long[] {tp, fp};
    }

    private static double[] scoresOfClass(int[] labels, double[] scores, int label) {
        int n = 0;
        for (int l : labels) {
            n += l == label ? 1 : 0;
        }
        double[] out = new double[n];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                out[j++] = scores[i];
            }
        }
        return out;
    }

    private static void checkProbabilities(int[] labels, double[] p) {
        Checks.binaryLabels(labels);
        Objects.requireNonNull(p, "probabilities");
        Checks.sameLength("labels", labels.length, "probabilities", p.length);
        Checks.notEmpty("labels", labels.length);
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(
                        "probabilities must be in [0, 1] but row " + i + " is " + p[i]);
            }
        }
    }

    private static void checkLabelPair(int[] labels, int[] predicted) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(predicted, "predicted");
        Checks.sameLength("labels", labels.length, "predicted", predicted.length);
        Checks.notEmpty("labels", labels.length);
    }
}
