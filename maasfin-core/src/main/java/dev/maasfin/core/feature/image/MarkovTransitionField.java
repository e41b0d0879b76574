// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature.image;

import java.util.Arrays;

/**
 * Markov transition field of one price window, as a square image for a 2-D CNN (Wang and Oates
 * 2015; pyts {@code MarkovTransitionField} with {@code strategy='quantile'} compatible).
 *
 * <p>Steps: (1) quantile bins are computed <b>from this window only</b> (no fitted state, so no
 * information from other windows or the test period leaks in): the {@code nBins - 1} edges are
 * linear-interpolation percentiles at {@code k / nBins} (numpy's default); bins are right-closed,
 * so a value equal to an edge falls in the lower bin (bin = number of edges strictly below it). (2)
 * The transition matrix {@code W[a][b]} = share of the window's steps from bin {@code a} that go to
 * bin {@code b}; a bin with no outgoing step (possible when edges coincide or for the last value's
 * bin) has an all-zero row. (3) {@code MTF[i][j] = W[bin_i][bin_j]} for every pair of time points.
 * (4) If the window is longer than {@code size}, the {@code n x n} field is averaged over blocks
 * given by the piecewise-aggregate segments of {@link GramianAngularField}.
 *
 * <p>A constant window has no quantile bins and is rejected, as in pyts. Images are row-major
 * {@code double[size * size]}.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class MarkovTransitionField {
    private MarkovTransitionField() {}

    /**
     * Returns the MTF image of {@code window}.
     *
     * @param window prices, oldest first, finite, not all equal
     * @param nBins number of quantile bins, {@code >= 2}
     * @param size image side, {@code 1 <= size <= window.length}
     * @throws IllegalArgumentException if a parameter is out of range, a value is not finite or the
     *     window is constant
     */
    public static double[] compute(double[] window, int nBins, int size) {
        return compute(window, nBins, size, "window");
    }

    /**
     * As {@link #compute(double[], int, int)}, naming the window in error messages (e.g. {@code
     * "SPX window ending 2020-03-16"}).
     *
     * @throws IllegalArgumentException if a parameter is out of range, a value is not finite or the
     *     window is constant
     */
    public static double[] compute(double[] window, int nBins, int size, String windowName) {
        Paa.checkSize(window, size);
        int[] bins = bins(window, nBins, windowName);
        double[][] w = transitions(bins, nBins);
        return aggregate(field(bins, w), window.length, size);
    }

    /**
     * Returns the {@code nBins - 1} quantile edges of the window (linear percentiles).
     *
     * @throws IllegalArgumentException if {@code nBins < 2}, the window is shorter than 2 or a
     *     value is not finite
     */
    public static double[] edges(double[] window, int nBins) {
        Paa.checkSize(window, 1);
        if (nBins < 2) {
            throw new IllegalArgumentException("nBins must be >= 2 but was " + nBins);
        }
        double[] sorted = window.clone();
        Arrays.sort(sorted);
        double[] edges = new double[nBins - 1];
        for (int k = 1; k < nBins; k++) {
            double pos = (sorted.length - 1) * (double) k / nBins;
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, sorted.length - 1);
            edges[k - 1] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
        return edges;
    }

    /**
     * Returns each value's right-closed quantile bin, {@code 0 .. nBins-1}.
     *
     * @throws IllegalArgumentException if {@code nBins < 2}, a value is not finite or the window is
     *     constant
     */
    public static int[] bins(double[] window, int nBins, String windowName) {
        double[] edges = edges(window, nBins);
        double min = Arrays.stream(window).min().orElseThrow();
        double max = Arrays.stream(window).max().orElseThrow();
        if (min == max) {
            throw new IllegalArgumentException(
                    windowName
                            + " is constant ("
                            + window.length
                            + " values all equal to "
                            + min
                            + "); its quantile bins, and so its Markov transition field, are"
                            + " undefined");
        }
        int[] bins = new int[window.length];
        for (int i = 0; i < window.length; i++) {
            int b = 0;
            while (b < edges.length && edges[b] < window[i]) {
                b++;
            }
            bins[i] = b;
        }
        return bins;
    }

    /** Returns the row-normalised transition matrix between consecutive bins. */
    static double[][] transitions(int[] bins, int nBins) {
        double[][] w = new double[nBins][nBins];
        for (int t = 1; t < bins.length; t++) {
            w[bins[t - 1]][bins[t]]++;
        }
        for (double[] row : w) {
            double total = Arrays.stream(row).sum();
            for (int b = 0; b < nBins && total > 0; b++) {
                row[b] /= total;
            }
        }
        return w;
    }

    private static double[] field(int[] bins, double[][] w) {
        int n = bins.length;
        double[] mtf = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mtf[i * n + j] = w[bins[i]][bins[j]];
            }
        }
        return mtf;
    }

    private static double[] aggregate(double[] mtf, int n, int size) {
        if (n == size) {
            return mtf;
        }
        double[] image = new double[size * size];
        for (int a = 0; a < size; a++) {
            int r0 = Paa.segmentStart(a, n, size);
            int r1 = Paa.segmentStart(a + 1, n, size);
            for (int b = 0; b < size; b++) {
                int c0 = Paa.segmentStart(b, n, size);
                int c1 = Paa.segmentStart(b + 1, n, size);
                double sum = 0;
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        sum += mtf[r * n + c];
                    }
                }
                image[a * size + b] = sum / ((r1 - r0) * (c1 - c0));
            }
        }
        return image;
    }
}
