// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature.image;

/**
 * Gramian angular summation and difference fields of one price window, as square images for a 2-D
 * CNN (Wang and Oates 2015; pyts {@code GramianAngularField} compatible).
 *
 * <p>Steps: (1) if the window is longer than the image side {@code size}, reduce it to {@code size}
 * points by piecewise aggregate approximation (segment {@code k} is the mean of inputs {@code
 * [floor(k n/size), floor((k+1) n/size))}; with {@code n} a multiple of {@code size} these are
 * equal blocks as in pyts); a window shorter than {@code size} is rejected. (2) Rescale per window
 * to [-1, 1] as {@code ((x - max) + (x - min)) / (max - min)}, which is exactly ±1 at the extremes,
 * then clip to [-1, 1]; the scaling uses only the window itself. (3) With {@code phi = arccos(x~)}:
 * GASF{@code [i][j] = cos(phi_i + phi_j) = x~_i x~_j - sqrt(1-x~_i^2) sqrt(1-x~_j^2)}, GADF{@code
 * [i][j] = sin(phi_i - phi_j) = sqrt(1-x~_i^2) x~_j - x~_i sqrt(1-x~_j^2)}, with the square-root
 * argument clipped at 0, so no value is {@code NaN}.
 *
 * <p>A constant window is pyts-compatible: every value scales to -1, so GASF is all 1.0 and GADF
 * all 0.0. Images are returned row-major in a {@code double[size * size]}.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class GramianAngularField {
    private GramianAngularField() {}

    /**
     * Returns the window rescaled to [-1, 1] (after PAA to {@code window.length}, i.e. none).
     *
     * @throws IllegalArgumentException if the window is empty or holds a non-finite value
     */
    public static double[] scale(double[] window) {
        Paa.checkSize(window, 1);
        return scaled(window);
    }

    /**
     * Returns the summation field (GASF), row-major {@code size x size}.
     *
     * @param window prices, oldest first, finite
     * @param size image side, {@code 1 <= size <= window.length}
     * @throws IllegalArgumentException if {@code size} is out of range or a value is not finite
     */
    public static double[] summation(double[] window, int size) {
        double[] x = prepare(window, size);
        double[] image = new double[size * size];
        for (int i = 0; i < size; i++) {
            double si = sine(x[i]);
            for (int j = 0; j < size; j++) {
                image[i * size + j] = x[i] * x[j] - si * sine(x[j]);
            }
        }
        return image;
    }

    /**
     * Returns the difference field (GADF), row-major {@code size x size}; antisymmetric with a zero
     * diagonal.
     *
     * @throws IllegalArgumentException if {@code size} is out of range or a value is not finite
     */
    public static double[] difference(double[] window, int size) {
        double[] x = prepare(window, size);
        double[] image = new double[size * size];
        for (int i = 0; i < size; i++) {
            double si = sine(x[i]);
            for (int j = 0; j < size; j++) {
                image[i * size + j] = si * x[j] - x[i] * sine(x[j]);
            }
        }
        return image;
    }

    private static double[] prepare(double[] window, int size) {
        Paa.checkSize(window, size);
        return scaled(Paa.reduce(window, size));
    }

    private static double[] scaled(double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = range == 0 ? -1 : ((x[i] - max) + (x[i] - min)) / range;
            out[i] = Math.max(-1, Math.min(1, s));
        }
        return out;
    }

    private static double sine(double cosine) {
        return Math.sqrt(Math.max(0, 1 - cosine * cosine));
    }
}
