// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import dev.maasfin.api.window.WindowedDataset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Training samples and labels in primitive {@code float} arrays.
 *
 * <p>Samples are stored one after another in row-major order of the sample shape (for windows
 * {@code [window, features]}, time outer); labels {@code labelWidth} per sample. For a classifier
 * the label is the class index; for an autoencoder the labels are the inputs themselves.
 * Thread-safe: immutable (arrays are copied in, except the shared input/label array of {@link
 * #autoencoding}).
 */
public final class TrainingData {

    private final float[] x;
    private final float[] y;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int labelWidth;
    private final int size;

    private TrainingData(float[] x, int[] sampleShape, float[] y, int labelWidth) {
        this.x = x;
        this.y = y;
        this.sampleShape = sampleShape.clone();
        this.sampleSize = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        this.labelWidth = labelWidth;
        this.size = x.length / sampleSize;
    }

    /**
     * Creates data from samples of any shape and their labels.
     *
     * @param x samples, row-major, {@code n * prod(sampleShape)} values
     * @param sampleShape shape of one sample, each dimension >= 1
     * @param y labels, {@code n * labelWidth} values
     * @param labelWidth labels per sample (>= 1)
     * @throws IllegalArgumentException if lengths do not agree, there is no sample, or a value is
     *     NaN or infinite (the message names the array, sample and position)
     */
    public static TrainingData of(float[] x, int[] sampleShape, float[] y, int labelWidth) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int sampleSize = checkShape(sampleShape);
        if (labelWidth < 1) {
            throw new IllegalArgumentException("labelWidth must be >= 1 but was " + labelWidth);
        }
        if (x.length == 0 || x.length % sampleSize != 0) {
            throw new IllegalArgumentException(
                    "x length must be a positive multiple of the sample size "
                            + sampleSize
                            + " but was "
                            + x.length);
        }
        int n = x.length / sampleSize;
        if (y.length != (long) n * labelWidth) {
            throw new IllegalArgumentException(
                    "y length must be n * labelWidth = "
                            + n
                            + " * "
                            + labelWidth
                            + " but was "
                            + y.length);
        }
        checkFinite("x", x, sampleSize);
        checkFinite("y", y, labelWidth);
        return new TrainingData(x.clone(), sampleShape, y.clone(), labelWidth);
    }

    /**
     * Creates data for an autoencoder: rows of {@code width} values that are also the labels.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static TrainingData autoencoding(float[] rows, int width) {
        TrainingData d = of(rows, new int[] {width}, rows, width);
        return new TrainingData(d.x, d.sampleShape, d.x, width);
    }

    /**
     * Copies the samples and labels of a windowed data set.
     *
     * @throws IllegalArgumentException if it has no samples or no labels, or a value is not finite
     */
    public static TrainingData fromWindows(WindowedDataset windows) {
        int n = windows.size();
        int size = windows.window() * windows.features();
        if (windows.labelWidth() < 1) {
            throw new IllegalArgumentException(
                    "windows must carry labels but labelWidth was " + windows.labelWidth());
        }
        float[] x = new float[n * size];
        float[] y = new float[n * windows.labelWidth()];
        for (int i = 0; i < n; i++) {
            windows.copySample(i, x, i * size);
            for (int j = 0; j < windows.labelWidth(); j++) {
                y[i * windows.labelWidth() + j] = (float) windows.label(i, j);
            }
        }
        int[] shape = {windows.window(), windows.features()};
        return of(x, shape, y, windows.labelWidth());
    }

    private static int checkShape(int[] shape) {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException(
                    "sampleShape must have at least one dimension but was "
                            + Arrays.toString(shape));
        }
        int p = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "sampleShape dimensions must be >= 1 but was " + Arrays.toString(shape));
            }
            p *= d;
        }
        return p;
    }

    private static void checkFinite(String name, float[] a, int width) {
        for (int k = 0; k < a.length; k++) {
            if (!Float.isFinite(a[k])) {
                throw new IllegalArgumentException(
                        name
                                + " sample "
                                + k / width
                                + " position "
                                + k % width
                                + " must be finite but was "
                                + a[k]);
            }
        }
    }

    /** Returns the number of samples. */
    public int size() {
        return size;
    }

    /** Returns the shape of one sample. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Returns the number of labels per sample. */
    public int labelWidth() {
        return labelWidth;
    }

    /** Copies samples {@code order[from..to)} into the batch buffers. */
    void gather(int[] order, int from, int to, float[] xBuf, float[] yBuf) {
        for (int b = 0; b < to - from; b++) {
            int i = order[from + b];
            System.arraycopy(x, i * sampleSize, xBuf, b * sampleSize, sampleSize);
            System.arraycopy(y, i * labelWidth, yBuf, b * labelWidth, labelWidth);
        }
    }
}
