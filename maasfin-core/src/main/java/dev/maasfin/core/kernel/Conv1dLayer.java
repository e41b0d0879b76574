// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A stride-1 PyTorch {@code nn.Conv1d} (cross-correlation, no dilation, one group) over the time
 * axis of a {@code [T, C_in]} sample, producing {@code [T_out, C_out]}.
 *
 * <p>y[t, o] = b[o] + Σ_c Σ_j W[o, c, j]·x[t + j − p, c], with p the left padding and x = 0 outside
 * [0, T). The weights are also kept transposed to [o, j, c] so that each output is one contiguous
 * dot product over the time-major input.
 */
final class Conv1dLayer extends Layer {
    static final String TYPE = "conv1d";

    private final int inC;
    private final int outC;
    private final int k;
    private final int padLeft;
    private final Padding padding;
    private final float[] weight;
    private final float[] weightT;
    private final float[] bias;

    Conv1dLayer(int index, Shape in, int outC, int k, Padding padding, Param w, Param b) {
        super(label(index, TYPE), in, outShape(index, in, outC, k, padding));
        this.inC = in.cols;
        this.outC = outC;
        this.k = k;
        this.padding = padding;
        this.padLeft = padding == Padding.SAME ? (k - 1) / 2 : 0;
        this.weight = w.expect(label, outC, inC, k);
        this.bias = b.expect(label, outC);
        this.weightT = transpose(weight, outC, inC, k);
    }

    private static Shape outShape(int index, Shape in, int outC, int k, Padding padding) {
        String label = label(index, TYPE);
        checkPositive(label, "outChannels", outC);
        checkPositive(label, "kernelSize", k);
        if (padding == Padding.VALID && k > in.rows) {
            throw new IllegalArgumentException(
                    label
                            + " kernelSize must be <= the "
                            + in.rows
                            + " input time steps with VALID padding but was "
                            + k);
        }
        return new Shape(padding == Padding.SAME ? in.rows : in.rows - k + 1, outC);
    }

    private static float[] transpose(float[] w, int outC, int inC, int k) {
        float[] t = new float[w.length];
        for (int o = 0; o < outC; o++) {
            for (int c = 0; c < inC; c++) {
                for (int j = 0; j < k; j++) {
                    t[(o * k + j) * inC + c] = w[(o * inC + c) * k + j];
                }
            }
        }
        return t;
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        for (int t = 0; t < out.rows; t++) {
            int start = t - padLeft;
            int jLo = Math.max(0, -start);
            int jHi = Math.min(k, in.rows - start);
            int len = (jHi - jLo) * inC;
            int xo = (start + jLo) * inC;
            for (int o = 0; o < outC; o++) {
                int wo = (o * k + jLo) * inC;
                y[t * outC + o] = (float) (Vec.dot(weightT, wo, x, xo, len) + bias[o]);
            }
        }
    }

    @Override
    List<Param> params() {
        return List.of(
                Param.shaped("weight", new int[] {outC, inC, k}, weight),
                Param.shaped("bias", new int[] {outC}, bias));
    }

    @Override
    void describe(ObjectNode node) {
        node.put("outChannels", outC);
        node.put("kernelSize", k);
        node.put("padding", padding.name().toLowerCase(Locale.ROOT));
    }
}
