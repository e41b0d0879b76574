// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** y = W x + b on every row (PyTorch {@code nn.Linear} over the last axis). */
final class DenseLayer extends Layer {
    static final String TYPE = "dense";

    private final int inF;
    private final int outF;
    private final float[] weight;
    private final float[] bias;

    DenseLayer(int index, Shape in, int outFeatures, Param weight, Param bias) {
        super(label(index, TYPE), in, new Shape(in.rows, outFeatures));
        checkPositive(label, "outFeatures", outFeatures);
        this.inF = in.cols;
        this.outF = outFeatures;
        this.weight = weight.expect(label, outF, inF);
        this.bias = bias.expect(label, outF);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        for (int r = 0; r < in.rows; r++) {
            int xo = r * inF;
            int yo = r * outF;
            for (int o = 0; o < outF; o++) {
                y[yo + o] = (float) (Vec.dot(weight, o * inF, x, xo, inF) + bias[o]);
            }
        }
    }

    @Override
    List<Param> params() {
        return List.of(
                Param.shaped("weight", new int[] {outF, inF}, weight),
                Param.shaped("bias", new int[] {outF}, bias));
    }

    @Override
    void describe(ObjectNode node) {
        node.put("outFeatures", outF);
    }
}
