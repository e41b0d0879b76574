// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * One layer of a PyTorch {@code nn.LSTM} over a batch-first window, returning every step's h.
 *
 * <p>Gate rows in PyTorch order i, f, g, o; from zero state, per step t: i = σ(W_ii x + b_ii + W_hi
 * h + b_hi), f and o likewise with σ, g = tanh(…), c = f⊙c + i⊙g, h = o⊙tanh(c). Pre- activations
 * are accumulated in double; c and h are stored as float, as PyTorch stores them.
 */
final class LstmLayer extends Layer {
    static final String TYPE = "lstm";

    private final int inF;
    private final int hidden;
    private final float[] weightIh;
    private final float[] weightHh;
    private final float[] biasIh;
    private final float[] biasHh;
    private final double[] biasSum;
    private final float[] weightIhT;
    private final float[] weightHhT;

    LstmLayer(int index, Shape in, int hidden, Param wIh, Param wHh, Param bIh, Param bHh) {
        super(label(index, TYPE), in, new Shape(in.rows, hidden));
        checkPositive(label, "hidden", hidden);
        this.inF = in.cols;
        this.hidden = hidden;
        this.weightIh = wIh.expect(label, 4 * hidden, inF);
        this.weightHh = wHh.expect(label, 4 * hidden, hidden);
        this.biasIh = bIh.expect(label, 4 * hidden);
        this.biasHh = bHh.expect(label, 4 * hidden);
        this.weightIhT = Vec.transpose(weightIh, 4 * hidden, inF);
        this.weightHhT = Vec.transpose(weightHh, 4 * hidden, hidden);
        this.biasSum = new double[4 * hidden];
        for (int r = 0; r < biasSum.length; r++) {
            biasSum[r] = (double) biasIh[r] + biasHh[r];
        }
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    int stateSize() {
        return 2 * hidden;
    }

    @Override
    int gateSize() {
        return 4 * hidden;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        float[] state = scratch.state;
        Arrays.fill(state, 0, 2 * hidden, 0f);
        for (int t = 0; t < in.rows; t++) {
            preActivations(x, t * inF, state, scratch.gates);
            update(state, scratch.gates, y, t * hidden);
        }
    }

    /** Gate pre-activations from the input row and h (state[0, H)). */
    private void preActivations(float[] x, int xo, float[] h, double[] gates) {
        System.arraycopy(biasSum, 0, gates, 0, 4 * hidden);
        Vec.addMatVec(weightIhT, 4 * hidden, inF, x, xo, gates, 0);
        Vec.addMatVec(weightHhT, 4 * hidden, hidden, h, 0, gates, 0);
    }

    /** New c (state[H, 2H)) and h (state[0, H)), h also written to y at yo. */
    private void update(float[] state, double[] gates, float[] y, int yo) {
        int n = hidden;
        for (int j = 0; j < n; j++) {
            double i = Activation.sigmoid(gates[j]);
            double f = Activation.sigmoid(gates[n + j]);
            double g = Math.tanh(gates[2 * n + j]);
            double o = Activation.sigmoid(gates[3 * n + j]);
            float c = (float) (f * state[n + j] + i * g);
            state[n + j] = c;
            float h = (float) (o * Math.tanh(c));
            state[j] = h;
            y[yo + j] = h;
        }
    }

    @Override
    List<Param> params() {
        return List.of(
                Param.shaped("weight_ih", new int[] {4 * hidden, inF}, weightIh),
                Param.shaped("weight_hh", new int[] {4 * hidden, hidden}, weightHh),
                Param.shaped("bias_ih", new int[] {4 * hidden}, biasIh),
                Param.shaped("bias_hh", new int[] {4 * hidden}, biasHh));
    }

    @Override
    void describe(ObjectNode node) {
        node.put("hidden", hidden);
    }
}
