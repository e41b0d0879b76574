// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** Keeps the last time step of a {@code [T, C]} sample: PyTorch {@code output[:, -1, :]}. */
final class LastStepLayer extends Layer {
    static final String TYPE = "last_step";

    LastStepLayer(int index, Shape in) {
        super(label(index, TYPE), in, new Shape(1, in.cols));
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        System.arraycopy(x, (in.rows - 1) * in.cols, y, 0, in.cols);
    }
}
