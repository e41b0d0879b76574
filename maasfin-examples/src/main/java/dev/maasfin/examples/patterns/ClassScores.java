// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Confusion matrix, accuracy, balanced accuracy (mean per-class recall, scikit-learn's {@code
 * balanced_accuracy_score} over the classes present) and per-class recall of predicted classes.
 *
 * <p>Thread-safe: immutable (arrays copied out).
 */
final class ClassScores {
    private final int[][] confusion;
    private final int n;

    private ClassScores(int[][] confusion, int n) {
        this.confusion = confusion;
        this.n = n;
    }

    /**
     * Scores predictions against true classes.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a class
     *     outside {@code 0..classes-1}
     */
    static ClassScores of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException(
                    "truth and predicted must have the same positive length but had "
                            + truth.length
                            + " and "
                            + predicted.length);
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0
                    || truth[i] >= classes
                    || predicted[i] < 0
                    || predicted[i] >= classes) {
                throw new IllegalArgumentException(
                        "classes must be in 0.."
                                + (classes - 1)
                                + " but sample "
                                + i
                                + " had "
                                + truth[i]
                                + " -> "
                                + predicted[i]);
            }
            m[truth[i]][predicted[i]]++;
        }
        return new ClassScores(m, truth.length);
    }

    /** Returns rows = true class, columns = predicted class. */
    int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Returns the number of samples scored. */
    int count() {
        return n;
    }

    /** Returns the number of correct predictions. */
    int correct() {
        int c = 0;
        for (int i = 0; i < confusion.length; i++) {
            c += confusion[i][i];
        }
        return c;
    }

    /** Returns correct / n. */
    double accuracy() {
        return (double) correct() / n;
    }

    /** Returns each class's recall, NaN for a class absent from the truth. */
    double[] recall() {
        double[] r = new double[confusion.length];
        for (int i = 0; i < r.length; i++) {
            int row = 0;
            for (int v : confusion[i]) {
                row += v;
            }
            r[i] = row == 0 ? Double.NaN : (double) confusion[i][i] / row;
        }
        return r;
    }

    /** Returns the mean recall over the classes present in the truth. */
    double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (double r : recall()) {
            if (!Double.isNaN(r)) {
                sum += r;
                present++;
            }
        }
        return sum / present;
    }

    /**
     * Returns the one-sided exact binomial p-value P(X >= correct) for X ~ Binomial(n, p0): the
     * chance of at least this many hits if each prediction were right with probability {@code p0}
     * independently (e.g. the majority baseline's rate).
     */
    static double binomialPValue(int correct, int n, double p0) {
        if (correct <= 0) {
            return 1.0;
        }
        return 1.0 - new BinomialDistribution(null, n, p0).cumulativeProbability(correct - 1);
    }
}
