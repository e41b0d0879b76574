// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import java.util.Arrays;

/**
 * Cuts forward log returns into classes: two classes are the direction (down: {@code r <= 0}, up:
 * {@code r > 0}); {@code k >= 3} classes are cut at the training part's {@code j / k} quantiles
 * (linear interpolation between order statistics), so each class holds about {@code 1 / k} of the
 * training samples. Class {@code c} is the number of edges strictly below the return.
 *
 * <p>The edges come from training labels only. Thread-safe: immutable.
 */
final class ReturnBuckets {
    private final double[] edges;

    private ReturnBuckets(double[] edges) {
        this.edges = edges;
    }

    /**
     * Fits the edges for {@code classes} buckets on the training returns.
     *
     * @throws IllegalArgumentException if {@code classes} is outside 2..10 or there are fewer
     *     training returns than classes
     */
    static ReturnBuckets fit(double[] trainingReturns, int classes) {
        if (classes < 2 || classes > 10) {
            throw new IllegalArgumentException("buckets must be in 2..10 but was " + classes);
        }
        if (trainingReturns.length < classes) {
            throw new IllegalArgumentException(
                    "the training part must hold at least "
                            + classes
                            + " windows but held "
                            + trainingReturns.length);
        }
        if (classes == 2) {
            return new ReturnBuckets(new double[] {0.0});
        }
        double[] sorted = trainingReturns.clone();
        Arrays.sort(sorted);
        double[] edges = new double[classes - 1];
        for (int j = 1; j < classes; j++) {
            edges[j - 1] = quantile(sorted, (double) j / classes);
        }
        return new ReturnBuckets(edges);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Returns the number of classes. */
    int classes() {
        return edges.length + 1;
    }

    /** Returns the edges between classes, ascending. */
    double[] edges() {
        return edges.clone();
    }

    /** Returns the class of one return. */
    int classOf(double logReturn) {
        int c = 0;
        while (c < edges.length && edges[c] < logReturn) {
            c++;
        }
        return c;
    }

    /** Returns a short name per class: down/up, down/flat/up, or q1..qk. */
    String[] names() {
        if (classes() == 2) {
            return new String[] {"down", "up"};
        }
        if (classes() == 3) {
            return new String[] {"down", "flat", "up"};
        }
        String[] names = new String[classes()];
        for (int c = 0; c < names.length; c++) {
            names[c] = "q" + (c + 1);
        }
        return names;
    }
}
