// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Applies an {@link Activation} element-wise, or softmax row by row. */
final class ActivationLayer extends Layer {
    static final String TYPE = "activation";

    private final Activation activation;

    ActivationLayer(int index, Shape in, Activation activation) {
        super(label(index, TYPE), in, in);
        this.activation = activation;
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        if (activation.kind() == Activation.Kind.SOFTMAX) {
            for (int r = 0; r < in.rows; r++) {
                softmaxRow(x, y, r * in.cols, in.cols);
            }
            return;
        }
        int n = in.size();
        for (int i = 0; i < n; i++) {
            y[i] = (float) activation.apply(x[i]);
        }
    }

    private static void softmaxRow(float[] x, float[] y, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, x[i]);
        }
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += Math.exp(x[i] - max);
        }
        for (int i = from; i < from + n; i++) {
            y[i] = (float) (Math.exp(x[i] - max) / sum);
        }
    }

    @Override
    void describe(ObjectNode node) {
        node.put("function", activation.name());
        if (activation.kind() == Activation.Kind.LEAKY_RELU) {
            node.put("slope", activation.slope());
        }
    }
}
