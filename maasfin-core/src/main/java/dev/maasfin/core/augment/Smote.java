// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * SMOTE-style minority oversampling of the <b>training rows only</b> (Chawla et al., 2002).
 *
 * <p>{@link #resampleTraining} takes the full data and a {@link Split}; it reads only the training
 * rows, interpolates new minority rows between training minority rows, and returns the resampled
 * training part alone. Validation and test rows are never read, resampled or returned, so no
 * synthetic row can sit in an evaluation fold or come from one (reference case 16).
 *
 * <p>Algorithm: features are every column except the label; labels must be 0 or 1. With {@code m}
 * training minority rows and {@code M} training majority rows, {@code M - m} synthetic rows are
 * made (none if {@code m >= M}), so the classes balance. Synthetic row {@code j} starts from base
 * {@code minority[j mod m]} (minority rows in row order, round robin), picks a neighbour among the
 * base's {@code k} nearest other training minority rows (Euclidean distance over the features; ties
 * go to the lower row index) and returns {@code base + lambda * (neighbour - base)}. In random mode
 * the neighbour is uniform among the k and {@code lambda ~ U[0, 1)}, drawn from {@code
 * SplittableRandom(seed)}; in midpoint mode (k = 1, lambda = 0.5) everything is deterministic.
 * Neighbour search is brute force, {@code O(m^2 d)}. Thread-safe: immutable.
 */
public final class Smote {
    private final int k;
    private final long seed;
    private final boolean midpoint;
    private final double minorityLabel;

    private Smote(int k, long seed, boolean midpoint, double minorityLabel) {
        this.k = k;
        this.seed = seed;
        this.midpoint = midpoint;
        this.minorityLabel = minorityLabel;
    }

    /**
     * Returns random-lambda SMOTE with {@code k} neighbours, minority label 1.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Smote random(int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 but was " + k);
        }
        return new Smote(k, seed, false, 1.0);
    }

    /** Returns the deterministic variant: nearest neighbour (k = 1), lambda = 0.5. */
    public static Smote midpoint() {
        return new Smote(1, 0L, true, 1.0);
    }

    /**
     * Returns a copy that treats label {@code label} as the minority class.
     *
     * @throws IllegalArgumentException if {@code label} is not 0 or 1
     */
    public Smote withMinorityLabel(double label) {
        if (label != 0.0 && label != 1.0) {
            throw new IllegalArgumentException("minority label must be 0 or 1 but was " + label);
        }
        return new Smote(k, seed, midpoint, label);
    }

    /**
     * Resamples the training rows of {@code data} selected by {@code split}.
     *
     * @param data all rows (only {@code split.train()} rows are read)
     * @param labelColumn the 0/1 class column
     * @param split row-index split of {@code data}
     * @return the training rows in order followed by the synthetic rows
     * @throws IllegalArgumentException if the label column is missing, there is no feature column,
     *     a training index is outside the data, a training label is not 0 or 1, a training feature
     *     is not finite (message names column and row), or synthetic rows are needed but there are
     *     not more than k training minority rows
     */
    public ResampledTraining resampleTraining(Frame data, String labelColumn, Split split) {
        Objects.requireNonNull(data, "data");
        int label = data.columnIndex(Objects.requireNonNull(labelColumn, "labelColumn"));
        int[] train = Objects.requireNonNull(split, "split").train();
        if (data.columnCount() < 2) {
            throw new IllegalArgumentException(
                    "data needs at least one feature column besides '" + labelColumn + "'");
        }
        if (train.length > 0 && train[train.length - 1] >= data.rows()) {
            throw new IllegalArgumentException(
                    "training row "
                            + train[train.length - 1]
                            + " is outside the data of "
                            + data.rows()
                            + " rows");
        }
        int[] features = featureColumns(data, label);
        int[] minority = minorityRows(data, label, labelColumn, features, train);
        int synthetic = Math.max(0, train.length - 2 * minority.length);
        if (synthetic > 0 && minority.length <= k) {
            throw new IllegalArgumentException(
                    "k must be < the number of training minority rows ("
                            + minority.length
                            + ") but was "
                            + k);
        }
        return build(data, label, features, train, minority, synthetic);
    }

    private static int[] featureColumns(Frame data, int label) {
        int[] f = new int[data.columnCount() - 1];
        for (int c = 0, n = 0; c < data.columnCount(); c++) {
            if (c != label) {
                f[n++] = c;
            }
        }
        return f;
    }

    private int[] minorityRows(
            Frame data, int label, String labelColumn, int[] features, int[] train) {
        int[] minority = new int[train.length];
        int m = 0;
        for (int r : train) {
            double y = data.get(r, label);
            if (y != 0.0 && y != 1.0) {
                throw new IllegalArgumentException(
                        "label column '"
                                + labelColumn
                                + "', row "
                                + r
                                + ": value "
                                + y
                                + " must be 0 or 1");
            }
            for (int c : features) {
                if (!Double.isFinite(data.get(r, c))) {
                    throw new IllegalArgumentException(
                            "column '"
                                    + data.columnNames().get(c)
                                    + "', row "
                                    + r
                                    + ": value "
                                    + data.get(r, c)
                                    + " must be finite");
                }
            }
            if (y == minorityLabel) {
                minority[m++] = r;
            }
        }
        return Arrays.copyOf(minority, m);
    }

    private ResampledTraining build(
            Frame data, int label, int[] features, int[] train, int[] minority, int synthetic) {
        int cols = data.columnCount();
        int rows = train.length + synthetic;
        double[][] out = new double[cols][rows];
        for (int k2 = 0; k2 < train.length; k2++) {
            for (int c = 0; c < cols; c++) {
                out[c][k2] = data.get(train[k2], c);
            }
        }
        int[] base = new int[synthetic];
        int[] neighbour = new int[synthetic];
        double[] lambda = new double[synthetic];
        int[][] nearest =
                synthetic == 0 ? new int[0][] : nearestNeighbours(data, features, minority);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = 0; j < synthetic; j++) {
            int b = j % minority.length;
            int choice = midpoint ? 0 : rng.nextInt(k);
            base[j] = minority[b];
            neighbour[j] = minority[nearest[b][choice]];
            lambda[j] = midpoint ? 0.5 : rng.nextDouble();
            int row = train.length + j;
            for (int c : features) {
                double a = data.get(base[j], c);
                out[c][row] = a + lambda[j] * (data.get(neighbour[j], c) - a);
            }
            out[label][row] = minorityLabel;
        }
        java.util.Map<String, double[]> columns = new java.util.LinkedHashMap<>();
        for (int c = 0; c < cols; c++) {
            columns.put(data.columnNames().get(c), out[c]);
        }
        return new ResampledTraining(Frame.of(columns), train, base, neighbour, lambda);
    }

    /** For each minority row (by position), positions of its k nearest other minority rows. */
    private int[][] nearestNeighbours(Frame data, int[] features, int[] minority) {
        int m = minority.length;
        int[][] result = new int[m][k];
        double[] dist = new double[m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                dist[b] =
                        b == a
                                ? Double.POSITIVE_INFINITY
                                : squaredDistance(data, features, minority[a], minority[b]);
            }
            for (int n = 0; n < k; n++) {
                int best = -1;
                for (int b = 0; b < m; b++) {
                    if (b != a && !Double.isNaN(dist[b]) && (best < 0 || dist[b] < dist[best])) {
                        best = b;
                    }
                }
                result[a][n] = best;
                dist[best] = Double.NaN; // taken; strict < above keeps the lower index on ties
            }
        }
        return result;
    }

    private static double squaredDistance(Frame data, int[] features, int r1, int r2) {
        double s = 0;
        for (int c : features) {
            double d = data.get(r1, c) - data.get(r2, c);
            s += d * d;
        }
        return s;
    }

    @Override
    public String toString() {
        return midpoint ? "Smote[midpoint, k=1]" : "Smote[k=" + k + ", seed=" + seed + "]";
    }
}
