// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/**
 * Dot products accumulated in double, and float matrix-vector products in a loop shape the JIT
 * vectorises.
 */
final class Vec {
    private Vec() {}

    /**
     * Returns Σ a[ao + i]·b[bo + i] for i in [0, n), each product exact in double and summed in
     * four interleaved double accumulators (a fixed order, so results are reproducible).
     */
    static double dot(float[] a, int ao, float[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += (double) a[ao + i] * b[bo + i];
            s1 += (double) a[ao + i + 1] * b[bo + i + 1];
            s2 += (double) a[ao + i + 2] * b[bo + i + 2];
            s3 += (double) a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += (double) a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Splits a row-major [rows, cols] matrix into its columns, one array of {@code rows} floats per
     * column: the layout {@link #addMatVec} needs.
     */
    static float[][] columns(float[] m, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * Adds W·x[0, cols) to acc[0, rows) in float, W given as its first {@code cols} columns. Four
     * columns are combined per pass, acc[r] += ((w0·x0 + w1·x1) + w2·x2) + w3·x3, then single
     * columns; the order is fixed, so results are reproducible bit for bit.
     *
     * <p>Why this shape: the inner loops run over contiguous rows with no reduction, and every
     * array is indexed from 0, which is what JDK 17's C2 needs to emit SIMD code (an invariant
     * offset into one of two float arrays made it fall back to scalar code: 0.31 versus 0.05 ns per
     * multiply-add measured for a 128×32 product).
     */
    static void addMatVec(float[][] columns, int rows, int cols, float[] x, float[] acc) {
        int c = 0;
        for (; c + 3 < cols; c += 4) {
            float[] w0 = columns[c];
            float[] w1 = columns[c + 1];
            float[] w2 = columns[c + 2];
            float[] w3 = columns[c + 3];
            float x0 = x[c];
            float x1 = x[c + 1];
            float x2 = x[c + 2];
            float x3 = x[c + 3];
            for (int r = 0; r < rows; r++) {
                acc[r] += w0[r] * x0 + w1[r] * x1 + w2[r] * x2 + w3[r] * x3;
            }
        }
        for (; c < cols; c++) {
            float[] w = columns[c];
            float xc = x[c];
            for (int r = 0; r < rows; r++) {
                acc[r] += w[r] * xc;
            }
        }
    }
}
