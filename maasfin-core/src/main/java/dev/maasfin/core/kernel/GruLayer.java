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
 * − z)⊙n + z⊙h.
 *
 * <p>Evaluation: per step b_ih + W_ih·x_t and b_hh + W_hh·h are accumulated in float32 like
 * PyTorch, kept apart because r multiplies only the recurrent part of n (the recurrent product is
 * skipped at t = 0, where h = 0); weights are kept column by column so the products vectorise (see
 * {@link Vec#addMatVec}). Gate functions in double, h stored as float. Scratch state holds x_t,
 * scratch hidden h.
 */
final class GruLayer extends Layer {
    static final String TYPE = "gru";

    private final int inF;
    private final int hidden;
    private final float[] weightIh;
    private final float[] weightHh;
    private final float[] biasIh;
    private final float[] biasHh;
    private final float[][] inputColumns;
    private final float[][] hiddenColumns;

    GruLayer(int index, Shape in, int hidden, Param wIh, Param wHh, Param bIh, Param bHh) {
        super(label(index, TYPE), in, new Shape(in.rows, hidden));
        checkPositive(label, "hidden", hidden);
        this.inF = in.cols;
        this.hidden = hidden;
        this.weightIh = wIh.expect(label, 3 * hidden, inF);
        this.weightHh = wHh.expect(label, 3 * hidden, hidden);
        this.biasIh = bIh.expect(label, 3 * hidden);
        this.biasHh = bHh.expect(label, 3 * hidden);
        this.inputColumns = Vec.columns(weightIh, 3 * hidden, inF);
        this.hiddenColumns = Vec.columns(weightHh, 3 * hidden, hidden);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    int stateSize() {
        return inF;
    }

    @Override
    int gateSize() {
        return 3 * hidden;
    }

    @Override
    int hiddenSize() {
        return hidden;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        int g = 3 * hidden;
        float[] xt = scratch.state;
        float[] h = scratch.hidden;
        float[] input = scratch.gates;
        float[] recurrent = scratch.recurrent;
        Arrays.fill(h, 0, hidden, 0f);
        for (int t = 0; t < in.rows; t++) {
            System.arraycopy(x, t * inF, xt, 0, inF);
            System.arraycopy(biasIh, 0, input, 0, g);
            Vec.addMatVec(inputColumns, g, inF, xt, input);
            System.arraycopy(biasHh, 0, recurrent, 0, g);
            if (t > 0) {
                Vec.addMatVec(hiddenColumns, g, hidden, h, recurrent);
            }
            update(h, input, recurrent, y, t * hidden);
        }
    }

    /** New h from the step's input part in[0, 3H) and recurrent part rec[0, 3H). */
    private void update(float[] h, float[] in, float[] rec, float[] y, int yo) {
        int n = hidden;
        for (int j = 0; j < n; j++) {
            double r = Activation.sigmoid((double) in[j] + rec[j]);
            double z = Activation.sigmoid((double) in[n + j] + rec[n + j]);
            double cand = Activation.tanh(in[2 * n + j] + r * rec[2 * n + j]);
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
