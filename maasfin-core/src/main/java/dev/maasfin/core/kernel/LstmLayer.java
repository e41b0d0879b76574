// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * One layer of a PyTorch {@code nn.LSTM} over a batch-first window, returning every step's h.
 *
 * <p>Gate rows in PyTorch order i, f, g, o; from zero state, per step t: i = σ(W_ii x + b_ii + W_hi
 * h + b_hi), f and o likewise with σ, g = tanh(…), c = f⊙c + i⊙g, h = o⊙tanh(c).
 *
 * <p>Evaluation: per step the pre-activations (b_ih + b_hh) + [W_ih | W_hh]·[x_t ; h] are
 * accumulated in float32, like PyTorch, as one product over the concatenated input (the h columns
 * are skipped at t = 0, where h = 0); the weights are kept column by column so the product
 * vectorises (see {@link Vec#addMatVec}). Gate functions are evaluated in double; c and h are
 * stored as float, as PyTorch stores them. Scratch state holds [x_t | h | c].
 */
final class LstmLayer extends Layer {
    static final String TYPE = "lstm";

    private final int inF;
    private final int hidden;
    private final float[] weightIh;
    private final float[] weightHh;
    private final float[] biasIh;
    private final float[] biasHh;
    private final float[] biasSum;
    private final float[][] columns;

    LstmLayer(int index, Shape in, int hidden, Param wIh, Param wHh, Param bIh, Param bHh) {
        super(label(index, TYPE), in, new Shape(in.rows, hidden));
        checkPositive(label, "hidden", hidden);
        this.inF = in.cols;
        this.hidden = hidden;
        this.weightIh = wIh.expect(label, 4 * hidden, inF);
        this.weightHh = wHh.expect(label, 4 * hidden, hidden);
        this.biasIh = bIh.expect(label, 4 * hidden);
        this.biasHh = bHh.expect(label, 4 * hidden);
        this.columns = concatColumns(weightIh, weightHh, 4 * hidden, inF, hidden);
        this.biasSum = new float[4 * hidden];
        for (int r = 0; r < biasSum.length; r++) {
            biasSum[r] = biasIh[r] + biasHh[r];
        }
    }

    /** The columns of [W_ih | W_hh]: F input columns, then H hidden columns. */
    static float[][] concatColumns(float[] wIh, float[] wHh, int rows, int inF, int hidden) {
        float[][] ih = Vec.columns(wIh, rows, inF);
        float[][] hh = Vec.columns(wHh, rows, hidden);
        float[][] all = Arrays.copyOf(ih, inF + hidden);
        System.arraycopy(hh, 0, all, inF, hidden);
        return all;
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    int stateSize() {
        return inF + 2 * hidden;
    }

    @Override
    int gateSize() {
        return 4 * hidden;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        int g = 4 * hidden;
        float[] xhc = scratch.state;
        float[] gates = scratch.gates;
        Arrays.fill(xhc, inF, inF + 2 * hidden, 0f);
        for (int t = 0; t < in.rows; t++) {
            System.arraycopy(x, t * inF, xhc, 0, inF);
            System.arraycopy(biasSum, 0, gates, 0, g);
            Vec.addMatVec(columns, g, t == 0 ? inF : inF + hidden, xhc, gates);
            update(xhc, gates, y, t * hidden);
        }
    }

    /** New c (xhc[F + H, F + 2H)) and h (xhc[F, F + H)), h also written to y at yo. */
    private void update(float[] xhc, float[] gates, float[] y, int yo) {
        int n = hidden;
        int ho = inF;
        int co = inF + n;
        for (int j = 0; j < n; j++) {
            double i = Activation.sigmoid(gates[j]);
            double f = Activation.sigmoid(gates[n + j]);
            double g = Activation.tanh(gates[2 * n + j]);
            double o = Activation.sigmoid(gates[3 * n + j]);
            float c = (float) (f * xhc[co + j] + i * g);
            xhc[co + j] = c;
            float h = (float) (o * Activation.tanh(c));
            xhc[ho + j] = h;
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
