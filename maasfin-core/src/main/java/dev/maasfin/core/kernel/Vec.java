// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** Dot products and matrix-vector products of float data accumulated in double. */
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

    /** Transposes a row-major [rows, cols] matrix to row-major [cols, rows]. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * Adds W·x to acc[ao, ao + rows), W given transposed as wT [cols, rows]: column after column,
     * acc[r] += wT[c][r]·x[xo + c] in double. The inner loop runs over contiguous rows with no
     * reduction, so the JIT can vectorise it; the summation order per output (c = 0, 1, …) is
     * fixed, so results are reproducible.
     */
    static void addMatVec(float[] wT, int rows, int cols, float[] x, int xo, double[] acc, int ao) {
        for (int c = 0; c < cols; c++) {
            double xc = x[xo + c];
            int wo = c * rows;
            for (int r = 0; r < rows; r++) {
                acc[ao + r] += wT[wo + r] * xc;
            }
        }
    }
}
