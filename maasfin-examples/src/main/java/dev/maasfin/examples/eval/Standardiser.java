// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import java.util.Arrays;

/**
 * Column-wise z-scoring with the mean and population standard deviation of the rows it was fitted
 * on, as the evaluation protocol prescribes (a constant column keeps sd 1 so it maps to 0).
 *
 * <p>Immutable and thread-safe.
 */
public final class Standardiser {
    private final double[] mean;
    private final double[] sd;

    private Standardiser(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * Fits means and population sds on the given rows of {@code x}.
     *
     * @param x rows of inputs, rectangular and finite
     * @param rows the rows to fit on (e.g. the training part's genuine rows)
     * @throws IllegalArgumentException if {@code rows} is empty
     */
    public static Standardiser fit(double[][] x, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        int d = x[rows[0]].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double e = x[r][j] - mean[j];
                sd[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / rows.length);
            if (sd[j] == 0) {
                sd[j] = 1;
            }
        }
        return new Standardiser(mean, sd);
    }

    /** Returns z-scored copies of the given rows of {@code x}, in the order given. */
    public double[][] apply(double[][] x, int[] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                z[i][j] = (x[rows[i]][j] - mean[j]) / sd[j];
            }
        }
        return z;
    }

    /** Returns a copy of the fitted means. */
    public double[] mean() {
        return mean.clone();
    }

    /** Returns a copy of the fitted population standard deviations (1 for constant columns). */
    public double[] sd() {
        return sd.clone();
    }

    /** Flattens rows into one row-major float array, the layout the DJL models take. */
    public static float[] flatten(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) rows[i][j];
            }
        }
        return out;
    }

    /** Returns the rows of {@code x} selected by {@code rows}, not copied. */
    public static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    /** Returns the labels selected by {@code rows}. */
    public static int[] select(int[] labels, int[] rows) {
        return Arrays.stream(rows).map(r -> labels[r]).toArray();
    }
}
