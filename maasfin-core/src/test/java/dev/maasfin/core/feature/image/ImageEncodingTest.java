// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reference case 17 (GAF and MTF encodings) and the image-size rules. */
class ImageEncodingTest {
    // Case 17 GAF window; 28.82 is where x*scale + offset rounds to 1.0000000000000009.
    private static final double[] GAF = {24.82, 28.82, 23.93, 22.16, 22.77, 22.01};
    private static final double[] MTF = {101.2, 101.8, 101.5, 102.6, 102.1, 101.0, 101.9};

    private static double[] row(double[] image, int size, int r) {
        return Arrays.copyOfRange(image, r * size, (r + 1) * size);
    }

    @Test
    void scale_case17_isWithinMinusOneAndOneAndExactAtExtremes() {
        double[] expected = {-0.174743, 1, -0.436123, -0.955947, -0.776799, -1};
        double[] scaled = GramianAngularField.scale(GAF);
        assertArrayEquals(expected, scaled, 1e-6);
        assertEquals(1.0, scaled[1], 0);
        assertEquals(-1.0, scaled[5], 0);
    }

    @Test
    void gasf_case17_matchesDiagonalAndRowOne() {
        double[] gasf = GramianAngularField.summation(GAF, 6);
        double[] diagonal = new double[6];
        for (int i = 0; i < 6; i++) {
            diagonal[i] = gasf[i * 6 + i];
        }
        assertArrayEquals(
                new double[] {-0.938930, 1, -0.619593, 0.827670, 0.206833, 1}, diagonal, 1e-6);
        assertArrayEquals(
                new double[] {-0.174743, 1, -0.436123, -0.955947, -0.776799, -1},
                row(gasf, 6, 1),
                1e-6);
        assertTrue(Arrays.stream(gasf).noneMatch(Double::isNaN), "no NaN");
    }

    @Test
    void gadf_case17_matchesRowZeroAndIsAntisymmetric() {
        double[] gadf = GramianAngularField.difference(GAF, 6);
        assertArrayEquals(
                new double[] {0, 0.984614, -0.272164, -0.889945, -0.654803, -0.984614},
                row(gadf, 6, 0),
                1e-6);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, gadf[i * 6 + i], 1e-15);
            for (int j = 0; j < 6; j++) {
                assertEquals(-gadf[j * 6 + i], gadf[i * 6 + j], 1e-15);
            }
        }
    }

    @Test
    void gaf_case17_constantWindow_isPytsCompatible() {
        // Case 17: every value scales to -1, so GASF is all 1 and GADF all 0.
        double[] flat = new double[5];
        Arrays.fill(flat, 25.4);
        double[] ones = new double[25];
        Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, GramianAngularField.summation(flat, 5), 1e-15);
        assertArrayEquals(new double[25], GramianAngularField.difference(flat, 5), 1e-15);
    }

    @Test
    void mtf_case17_usesRightClosedPerWindowQuantileBins() {
        assertArrayEquals(new double[] {101.5, 101.9}, MarkovTransitionField.edges(MTF, 3), 1e-12);
        assertArrayEquals(
                new int[] {0, 1, 0, 2, 2, 0, 1}, MarkovTransitionField.bins(MTF, 3, "case 17"));
        double[][] w = MarkovTransitionField.transitions(new int[] {0, 1, 0, 2, 2, 0, 1}, 3);
        assertArrayEquals(new double[] {0, 2.0 / 3, 1.0 / 3}, w[0], 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, w[1], 1e-12);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, w[2], 1e-12);
        double[] mtf = MarkovTransitionField.compute(MTF, 3, 7);
        assertArrayEquals(
                new double[] {0, 2.0 / 3, 0, 1.0 / 3, 1.0 / 3, 0, 2.0 / 3}, row(mtf, 7, 0), 1e-12);
    }

    @Test
    void mtf_case17_constantWindow_isAnErrorNamingTheWindow() {
        double[] flat = new double[5];
        Arrays.fill(flat, 25.4);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MarkovTransitionField.compute(
                                        flat, 3, 5, "SPX window ending 2020-03-16"));
        assertEquals(
                "SPX window ending 2020-03-16 is constant (5 values all equal to 25.4); its"
                        + " quantile bins, and so its Markov transition field, are undefined",
                e.getMessage());
    }

    @Test
    void longWindow_isReducedByPiecewiseAggregateToTwentyEightSquare() {
        // 56 points into 28: each pixel is the mean of two consecutive points, so the GASF of
        // the window equals the GASF of its pairwise means.
        double[] window = new double[56];
        double[] pairs = new double[28];
        for (int i = 0; i < 56; i++) {
            window[i] = 100 + Math.sin(i / 5.0) * 3 + i * 0.05;
        }
        for (int k = 0; k < 28; k++) {
            pairs[k] = (window[2 * k] + window[2 * k + 1]) / 2;
        }
        double[] image = GramianAngularField.summation(window, 28);
        assertEquals(28 * 28, image.length);
        assertArrayEquals(GramianAngularField.summation(pairs, 28), image, 1e-12);
        // MTF of 56 points averaged over 2x2 blocks stays a probability-like value in [0, 1].
        double[] mtf = MarkovTransitionField.compute(window, 8, 28);
        assertTrue(Arrays.stream(mtf).allMatch(v -> v >= 0 && v <= 1));
    }

    @Test
    void windowShorterThanImage_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> GramianAngularField.summation(GAF, 28));
        assertEquals(
                "window length must be >= size 28 (images are never upsampled) but was 6",
                e.getMessage());
    }
}
