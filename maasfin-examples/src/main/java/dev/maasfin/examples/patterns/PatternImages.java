// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import java.util.List;

/**
 * The image tensor of a set of samples, {@code [n, channels, size, size]} row-major as float, and
 * its per-channel standardisation fitted on the training samples only.
 *
 * <p>Each image is computed from its own window (per-window scaling inside the encoders), so
 * encoding leaks nothing; the only fitted step is the per-channel mean and population sd of the
 * training pixels, which is then applied unchanged to validation and test images. Not thread-safe:
 * {@link #standardise} changes the pixels in place.
 */
final class PatternImages {
    private final float[] pixels;
    private final int channels;
    private final int size;

    private PatternImages(float[] pixels, int channels, int size) {
        this.pixels = pixels;
        this.channels = channels;
        this.size = size;
    }

    /**
     * Encodes the windows ending at {@code ends} of {@code prices}.
     *
     * @throws IllegalArgumentException from an encoder, e.g. for a constant window under MTF
     */
    static PatternImages encode(
            double[] prices, int[] ends, int window, List<ImageEncoding> encodings, int size) {
        int channels = encodings.size();
        int plane = size * size;
        float[] pixels = new float[ends.length * channels * plane];
        double[] w = new double[window];
        for (int s = 0; s < ends.length; s++) {
            System.arraycopy(prices, ends[s] - window + 1, w, 0, window);
            for (int c = 0; c < channels; c++) {
                double[] image = encodings.get(c).encode(w, size);
                int base = (s * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    pixels[base + k] = (float) image[k];
                }
            }
        }
        return new PatternImages(pixels, channels, size);
    }

    /**
     * Fits each channel's mean and population sd on the samples at {@code trainPositions} and
     * standardises every sample with them; a channel with sd 0 is only centred.
     *
     * @return {mean, sd} per channel, as fitted
     */
    double[][] standardise(int[] trainPositions) {
        double[][] fitted = new double[channels][2];
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSq = 0;
            for (int s : trainPositions) {
                int base = (s * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    sum += pixels[base + k];
                    sumSq += (double) pixels[base + k] * pixels[base + k];
                }
            }
            double count = (double) trainPositions.length * plane;
            double mean = sum / count;
            double sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
            fitted[c][0] = mean;
            fitted[c][1] = sd > 0 ? sd : 1;
        }
        apply(fitted);
        return fitted;
    }

    private void apply(double[][] fitted) {
        int plane = size * size;
        int n = pixels.length / (channels * plane);
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < channels; c++) {
                int base = (s * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    pixels[base + k] = (float) ((pixels[base + k] - fitted[c][0]) / fitted[c][1]);
                }
            }
        }
    }

    /** Returns the images of the samples at {@code positions}, in that order. */
    float[] select(int[] positions) {
        int sample = channels * size * size;
        float[] out = new float[positions.length * sample];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(pixels, positions[i] * sample, out, i * sample, sample);
        }
        return out;
    }

    /** Returns channel {@code c} of sample {@code s}, {@code size x size} row-major. */
    float[] plane(int s, int c) {
        int plane = size * size;
        float[] out = new float[plane];
        System.arraycopy(pixels, (s * channels + c) * plane, out, 0, plane);
        return out;
    }

    /** Returns the sample shape {channels, size, size}. */
    int[] sampleShape() {
        return new int[] {channels, size, size};
    }
}
