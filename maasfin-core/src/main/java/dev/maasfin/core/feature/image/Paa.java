// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature.image;

/**
 * Piecewise aggregate approximation: segment {@code k} of {@code size} covers inputs {@code
 * [floor(k n / size), floor((k+1) n / size))} and is replaced by their mean.
 */
final class Paa {
    private Paa() {}

    static int segmentStart(int k, int n, int size) {
        return (int) ((long) k * n / size);
    }

    static double[] reduce(double[] x, int size) {
        int n = x.length;
        if (n == size) {
            return x.clone();
        }
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            int from = segmentStart(k, n, size);
            int to = segmentStart(k + 1, n, size);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += x[i];
            }
            out[k] = sum / (to - from);
        }
        return out;
    }

    static void checkSize(double[] window, int size) {
        if (window == null) {
            throw new NullPointerException("window");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1 but was " + size);
        }
        if (window.length < size) {
            throw new IllegalArgumentException(
                    "window length must be >= size "
                            + size
                            + " (images are never upsampled) but was "
                            + window.length);
        }
        for (int i = 0; i < window.length; i++) {
            if (!Double.isFinite(window[i])) {
                throw new IllegalArgumentException(
                        "window[" + i + "] must be finite but was " + window[i]);
            }
        }
    }
}
