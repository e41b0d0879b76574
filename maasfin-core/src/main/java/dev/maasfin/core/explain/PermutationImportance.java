// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Permutation importance: how much a model's loss rises when one feature, or one group of features,
 * is shuffled across rows, breaking its link to the target.
 *
 * <p>Importance of a feature set {@code S} = {@code loss(model(X with S's columns permuted), y) -
 * loss(model(X), y)}; all columns of a group get the same row permutation, so their joint
 * distribution survives and only their link to the target and to the other features breaks. With
 * {@code repeats} random permutations the result carries the mean and the sample standard deviation
 * across repeats.
 *
 * <p>Correlated features share credit: shuffling one of two near-copies costs little because the
 * other still carries the signal, so each looks unimportant while the pair is not. Report groups
 * for such features (for example short- and long-window volatilities); see reference case 18.
 *
 * <p>The model is never refitted. Thread-safe: immutable; each call draws its own permutations from
 * the configured seed, so the same call gives the same result.
 */
public final class PermutationImportance {
    private final BatchModel model;
    private final Loss loss;
    private final int repeats;
    private final long seed;

    private PermutationImportance(BatchModel model, Loss loss, int repeats, long seed) {
        this.model = model;
        this.loss = loss;
        this.repeats = repeats;
        this.seed = seed;
    }

    /**
     * Creates an explainer.
     *
     * @param model the fitted model
     * @param loss the loss whose increase measures importance, e.g. {@link Loss#MSE}
     * @param repeats random permutations per feature set, {@code >= 1}
     * @param seed seed of the permutations
     * @throws IllegalArgumentException if {@code repeats < 1}
     */
    public static PermutationImportance of(BatchModel model, Loss loss, int repeats, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1 but was " + repeats);
        }
        return new PermutationImportance(model, loss, repeats, seed);
    }

    /** The importance of one feature set. */
    public record Importance(String name, int[] columns, double mean, double sd, double[] values) {
        /** Copies the arrays. */
        public Importance {
            columns = columns.clone();
            values = values.clone();
        }

        @Override
        public int[] columns() {
            return columns.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * Computes the importance of every single feature, then of each named group.
     *
     * @param x rows of features, {@code x[i].length == names.size()} for all rows
     * @param y targets, one per row
     * @param names feature names
     * @param groups group name to the column indices shuffled together (may be empty)
     * @return one entry per feature, then one per group, in that order
     * @throws IllegalArgumentException if shapes disagree, a value is not finite, or a group names
     *     a column out of range
     */
    public List<Importance> compute(
            double[][] x, double[] y, List<String> names, Map<String, int[]> groups) {
        int p = checkShapes(x, y, names);
        Map<String, int[]> sets = featureSets(names, groups, p);
        double base = loss.loss(y, model.predict(x));
        List<Importance> out = new ArrayList<>(sets.size());
        SplittableRandom root = new SplittableRandom(seed);
        for (Map.Entry<String, int[]> e : sets.entrySet()) {
            SplittableRandom rng = root.split();
            double[] values = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                values[r] = increase(x, y, e.getValue(), randomPermutation(x.length, rng), base);
            }
            out.add(summarise(e.getKey(), e.getValue(), values));
        }
        return out;
    }

    /**
     * Computes the loss increase for one given permutation, for deterministic checks: permuted row
     * {@code i} takes the values of row {@code permutation[i]} in the given columns.
     *
     * @throws IllegalArgumentException if {@code permutation} is not a permutation of the rows
     */
    public double increase(double[][] x, double[] y, int[] columns, int[] permutation) {
        checkPermutation(permutation, x.length);
        return increase(x, y, columns, permutation, loss.loss(y, model.predict(x)));
    }

    private double increase(double[][] x, double[] y, int[] columns, int[] perm, double base) {
        double[][] shuffled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            shuffled[i] = x[i].clone();
            for (int c : columns) {
                shuffled[i][c] = x[perm[i]][c];
            }
        }
        return loss.loss(y, model.predict(shuffled)) - base;
    }

    private static Importance summarise(String name, int[] columns, double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sd = values.length > 1 ? new StandardDeviation(true).evaluate(values) : 0.0;
        return new Importance(name, columns, mean, sd, values);
    }

    private static int[] randomPermutation(int n, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private static Map<String, int[]> featureSets(
            List<String> names, Map<String, int[]> groups, int p) {
        Map<String, int[]> sets = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            sets.put(names.get(j), new int[] {j});
        }
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            for (int c : g.getValue()) {
                if (c < 0 || c >= p) {
                    throw new IllegalArgumentException(
                            "group " + g.getKey() + " names column " + c + " but there are " + p);
                }
            }
            sets.put(g.getKey(), g.getValue().clone());
        }
        return sets;
    }

    private static int checkShapes(double[][] x, double[] y, List<String> names) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(
                    "x has "
                            + x.length
                            + " rows and y has "
                            + y.length
                            + "; both must be equal and > 0");
        }
        int p = names.size();
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + " has "
                                + x[i].length
                                + " values but there are "
                                + p
                                + " feature names");
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(
                            "row "
                                    + i
                                    + ", feature "
                                    + names.get(j)
                                    + ": value "
                                    + x[i][j]
                                    + " is not finite");
                }
            }
        }
        return p;
    }

    private static void checkPermutation(int[] perm, int n) {
        if (perm.length != n) {
            throw new IllegalArgumentException(
                    "permutation has " + perm.length + " entries but there are " + n + " rows");
        }
        boolean[] seen = new boolean[n];
        for (int v : perm) {
            if (v < 0 || v >= n || seen[v]) {
                throw new IllegalArgumentException(
                        "not a permutation of 0.." + (n - 1) + ": entry " + v);
            }
            seen[v] = true;
        }
    }
}
