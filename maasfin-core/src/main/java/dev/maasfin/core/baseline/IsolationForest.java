// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import java.util.Arrays;
import java.util.Random;

/**
 * A fitted isolation forest anomaly scorer (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008).
 *
 * <p>Each of {@code trees} isolation trees is grown on a subsample of ψ = min({@code subsample}, n)
 * rows drawn without replacement, to the height limit ceil(log₂ ψ). A node splits on a feature
 * drawn uniformly among those not constant in the node (a node where every feature is constant
 * becomes a leaf) at a value drawn uniformly in [min, max). The path length of x in a tree is the
 * depth of its leaf plus c(size), where c(m) = 2H(m − 1) − 2(m − 1)/m, H(i) ≈ ln i + 0.5772156649,
 * c(2) = 1, c(1) = 0. The score is s(x) = 2^(−E[h(x)] / c(ψ)) in (0, 1], larger = more anomalous.
 * All randomness comes from one {@code java.util.Random(seed)}, so a seed gives the same forest.
 * The defaults are 100 trees and ψ = 256 as in the paper. Immutable and thread-safe.
 */
public final class IsolationForest {
    /** Default number of trees (Liu et al.). */
    public static final int DEFAULT_TREES = 100;

    /** Default subsample size ψ (Liu et al.). */
    public static final int DEFAULT_SUBSAMPLE = 256;

    private static final double EULER_GAMMA = 0.5772156649015329;

    private final Tree[] trees;
    private final int features;
    private final double normaliser;

    private IsolationForest(Tree[] trees, int features, int psi) {
        this.trees = trees;
        this.features = features;
        this.normaliser = averagePathLength(psi);
    }

    /**
     * Fits a forest with the paper's defaults (100 trees, ψ = 256).
     *
     * @throws IllegalArgumentException as for {@link #fit(double[][], int, int, long)}
     */
    public static IsolationForest fit(double[][] x, long seed) {
        return fit(x, DEFAULT_TREES, DEFAULT_SUBSAMPLE, seed);
    }

    /**
     * Fits a forest.
     *
     * @param x training rows, finite, rectangular, at least 2 rows
     * @param trees number of trees, &gt;= 1
     * @param subsample ψ, rows per tree, &gt;= 2 (capped at the row count)
     * @param seed seed of the single random generator
     * @throws IllegalArgumentException if a setting is out of range or the data is invalid
     */
    public static IsolationForest fit(double[][] x, int trees, int subsample, long seed) {
        int d = Checks.matrix("x", x);
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1 but was " + trees);
        }
        if (subsample < 2) {
            throw new IllegalArgumentException("subsample must be >= 2 but was " + subsample);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("x must have at least 2 rows but has " + x.length);
        }
        int psi = Math.min(subsample, x.length);
        int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        Random rng = new Random(seed);
        Tree[] forest = new Tree[trees];
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int t = 0; t < trees; t++) {
            int[] rows = sampleWithoutReplacement(all, psi, rng);
            forest[t] = Tree.grow(x, rows, d, heightLimit, rng);
        }
        return new IsolationForest(forest, d, psi);
    }

    private static int[] sampleWithoutReplacement(int[] all, int k, Random rng) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(all.length - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, k);
    }

    /** c(m): the average path length of an unsuccessful search in a binary search tree. */
    static double averagePathLength(int m) {
        if (m <= 1) {
            return 0;
        }
        if (m == 2) {
            return 1;
        }
        double harmonic = Math.log(m - 1.0) + EULER_GAMMA;
        return 2 * harmonic - 2.0 * (m - 1) / m;
    }

    /**
     * Returns the anomaly score s(x) of one row.
     *
     * @throws IllegalArgumentException if the row length differs from the fitted data or a value is
     *     not finite
     */
    public double score(double[] row) {
        Checks.columns("row", new double[][] {row}, features);
        double sum = 0;
        for (Tree t : trees) {
            sum += t.pathLength(row);
        }
        return Math.pow(2, -(sum / trees.length) / normaliser);
    }

    /**
     * Returns the score of each row.
     *
     * @throws IllegalArgumentException as for {@link #score}
     */
    public double[] scores(double[][] x) {
        Checks.columns("x", x, features);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = score(x[i]);
        }
        return out;
    }

    /** One isolation tree in flat arrays; feature −1 marks a leaf. */
    private static final class Tree {
        private int[] feature = new int[16];
        private double[] split = new double[16];
        private int[] left = new int[16];
        private int[] right = new int[16];
        private int[] size = new int[16];
        private int nodes;

        static Tree grow(double[][] x, int[] rows, int d, int heightLimit, Random rng) {
            Tree t = new Tree();
            t.build(x, rows, 0, rows.length, 0, d, heightLimit, rng);
            return t;
        }

        private int build(
                double[][] x,
                int[] rows,
                int from,
                int to,
                int depth,
                int d,
                int heightLimit,
                Random rng) {
            int node = newNode(to - from);
            if (depth >= heightLimit || to - from <= 1) {
                return node;
            }
            int q = pickFeature(x, rows, from, to, d, rng);
            if (q < 0) {
                return node;
            }
            double[] range = range(x, rows, from, to, q);
            double p = range[0] + rng.nextDouble() * (range[1] - range[0]);
            int mid = partition(x, rows, from, to, q, p);
            feature[node] = q;
            split[node] = p;
            int l = build(x, rows, from, mid, depth + 1, d, heightLimit, rng);
            left[node] = l;
            int r = build(x, rows, mid, to, depth + 1, d, heightLimit, rng);
            right[node] = r;
            return node;
        }

        private static int pickFeature(
                double[][] x, int[] rows, int from, int to, int d, Random rng) {
            int[] order = new int[d];
            for (int j = 0; j < d; j++) {
                order[j] = j;
            }
            for (int k = 0; k < d; k++) {
                int j = k + rng.nextInt(d - k);
                int q = order[j];
                order[j] = order[k];
                order[k] = q;
                double[] r = range(x, rows, from, to, q);
                if (r[1] > r[0]) {
                    return q;
                }
            }
            return -1;
        }

        private static double[] range(double[][] x, int[] rows, int from, int to, int q) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = x[rows[i]][q];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new double[] {lo, hi};
        }

        /** Moves rows with value &lt; p before the others; returns the first "right" position. */
        private static int partition(double[][] x, int[] rows, int from, int to, int q, double p) {
            int i = from;
            for (int k = from; k < to; k++) {
                if (x[rows[k]][q] < p) {
                    int tmp = rows[i];
                    rows[i] = rows[k];
                    rows[k] = tmp;
                    i++;
                }
            }
            return i;
        }

        private int newNode(int count) {
            if (nodes == feature.length) {
                int cap = nodes * 2;
                feature = Arrays.copyOf(feature, cap);
                split = Arrays.copyOf(split, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                size = Arrays.copyOf(size, cap);
            }
            feature[nodes] = -1;
            size[nodes] = count;
            return nodes++;
        }

        double pathLength(double[] row) {
            int node = 0;
            int depth = 0;
            while (feature[node] >= 0) {
                node = row[feature[node]] < split[node] ? left[node] : right[node];
                depth++;
            }
            return depth + averagePathLength(size[node]);
        }
    }
}
