// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * One layer of a PyTorch {@code nn.GRU} over a batch-first window, returning every step's h.
 *
 * <p>Gate rows in PyTorch order r, z, n; from zero state, per step: r = σ(W_ir x + b_ir + W_hr h +
 * b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz), n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h = (1
 * − z)⊙n + z⊙h. Pre-activations in double, h stored as float.
 */
final class GruLayer extends Layer {
    static final String TYPE = "gru";

    private final int inF;
    private final int hidden;
    private final float[] weightIh;
    private final float[] weightHh;
    private final float[] biasIh;
    private final float[] biasHh;
    private final float[] weightIhT;
    private final float[] weightHhT;

    GruLayer(int index, Shape in, int hidden, Param wIh, Param wHh, Param bIh, Param bHh) {
        super(label(index, TYPE), in, new Shape(in.rows, hidden));
        checkPositive(label, "hidden", hidden);
        this.inF = in.cols;
        this.hidden = hidden;
        this.weightIh = wIh.expect(label, 3 * hidden, inF);
        this.weightHh = wHh.expect(label, 3 * hidden, hidden);
        this.biasIh = bIh.expect(label, 3 * hidden);
        this.biasHh = bHh.expect(label, 3 * hidden);
        this.weightIhT = Vec.transpose(weightIh, 3 * hidden, inF);
        this.weightHhT = Vec.transpose(weightHh, 3 * hidden, hidden);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    int stateSize() {
        return hidden;
    }

    @Override
    int gateSize() {
        return 6 * hidden;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        float[] h = scratch.state;
        Arrays.fill(h, 0, hidden, 0f);
        for (int t = 0; t < in.rows; t++) {
            preActivations(x, t * inF, h, scratch.gates);
            update(h, scratch.gates, y, t * hidden);
        }
    }

    /** Fills gates[0, 3H) with W_ih x + b_ih and gates[3H, 6H) with W_hh h + b_hh. */
    private void preActivations(float[] x, int xo, float[] h, double[] gates) {
        int g = 3 * hidden;
        for (int r = 0; r < g; r++) {
            gates[r] = biasIh[r];
            gates[g + r] = biasHh[r];
        }
        Vec.addMatVec(weightIhT, g, inF, x, xo, gates, 0);
        Vec.addMatVec(weightHhT, g, hidden, h, 0, gates, g);
    }

    private void update(float[] h, double[] gates, float[] y, int yo) {
        int n = hidden;
        for (int j = 0; j < n; j++) {
            double r = Activation.sigmoid(gates[j] + gates[3 * n + j]);
            double z = Activation.sigmoid(gates[n + j] + gates[4 * n + j]);
            double cand = Math.tanh(gates[2 * n + j] + r * gates[5 * n + j]);
            float next = (float) ((1 - z) * cand + z * h[j]);
            h[j] = next;
            y[yo + j] = next;
        }
    }

    @Override
    List<Param> params() {
        return List.of(
                Param.shaped("weight_ih", new int[] {3 * hidden, inF}, weightIh),
                Param.shaped("weight_hh", new int[] {3 * hidden, hidden}, weightHh),
                Param.shaped("bias_ih", new int[] {3 * hidden}, biasIh),
                Param.shaped("bias_hh", new int[] {3 * hidden}, biasHh));
    }

    @Override
    void describe(ObjectNode node) {
        node.put("hidden", hidden);
    }
}
