// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** Dot products of float vectors accumulated in double. */
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
}
