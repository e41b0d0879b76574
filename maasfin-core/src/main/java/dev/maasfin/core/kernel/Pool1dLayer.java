// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PyTorch {@code nn.MaxPool1d} or {@code nn.AvgPool1d} over the time axis of each channel, no
 * padding, floor mode: T_out = ⌊(T − kernel) / stride⌋ + 1; the average divides by {@code kernel}.
 */
final class Pool1dLayer extends Layer {
    static final String MAX = "max_pool1d";
    static final String AVG = "avg_pool1d";

    private final boolean max;
    private final int kernel;
    private final int stride;

    Pool1dLayer(int index, Shape in, boolean max, int kernel, int stride) {
        super(label(index, max ? MAX : AVG), in, outShape(index, in, max, kernel, stride));
        this.max = max;
        this.kernel = kernel;
        this.stride = stride;
    }

    private static Shape outShape(int index, Shape in, boolean max, int kernel, int stride) {
        String label = label(index, max ? MAX : AVG);
        checkPositive(label, "kernel", kernel);
        checkPositive(label, "stride", stride);
        if (kernel > in.rows) {
            throw new IllegalArgumentException(
                    label
                            + " kernel must be <= the "
                            + in.rows
                            + " input time steps but was "
                            + kernel);
        }
        return new Shape((in.rows - kernel) / stride + 1, in.cols);
    }

    @Override
    String type() {
        return max ? MAX : AVG;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        int channels = in.cols;
        for (int t = 0; t < out.rows; t++) {
            int first = t * stride;
            for (int c = 0; c < channels; c++) {
                y[t * channels + c] = max ? maxOf(x, first, c) : meanOf(x, first, c);
            }
        }
    }

    private float maxOf(float[] x, int first, int c) {
        float m = x[first * in.cols + c];
        for (int j = 1; j < kernel; j++) {
            m = Math.max(m, x[(first + j) * in.cols + c]);
        }
        return m;
    }

    private float meanOf(float[] x, int first, int c) {
        double s = 0;
        for (int j = 0; j < kernel; j++) {
            s += x[(first + j) * in.cols + c];
        }
        return (float) (s / kernel);
    }

    @Override
    void describe(ObjectNode node) {
        node.put("kernel", kernel);
        node.put("stride", stride);
    }
}
