// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.testutil;

import java.util.Random;

/** Seeded synthetic fixtures for model tests. */
public final class Synthetic {

    private Synthetic() {}

    /**
     * Normal rows of {@code width} features driven by two latent factors plus small noise, so an
     * autoencoder with a narrow code can reconstruct them well.
     */
    public static float[] lowRankRows(int n, int width, long seed) {
        Random r = new Random(seed);
        float[] loadings = new float[2 * width];
        Random lr = new Random(12345);
        for (int k = 0; k < loadings.length; k++) {
            loadings[k] = (float) lr.nextGaussian();
        }
        float[] rows = new float[n * width];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < width; j++) {
                double v = a * loadings[j] + b * loadings[width + j] + 0.05 * r.nextGaussian();
                rows[i * width + j] = (float) (v / 2);
            }
        }
        return rows;
    }

    /** Returns a copy of {@code rows} with {@code delta} added to feature {@code j} of each row. */
    public static float[] shifted(float[] rows, int width, int j, float delta) {
        float[] c = rows.clone();
        for (int i = j; i < c.length; i += width) {
            c[i] += delta;
        }
        return c;
    }
}
