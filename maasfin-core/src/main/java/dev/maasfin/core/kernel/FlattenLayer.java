// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Lays a {@code [T, C]} sample out as one row of {@code T·C} values in a {@link FlattenOrder}. */
final class FlattenLayer extends Layer {
    static final String TYPE = "flatten";

    private final FlattenOrder order;

    FlattenLayer(int index, Shape in, FlattenOrder order) {
        super(label(index, TYPE), in, new Shape(1, in.size()));
        this.order = order;
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    void forward(float[] x, float[] y, Scratch scratch) {
        if (order == FlattenOrder.TIME_MAJOR) {
            System.arraycopy(x, 0, y, 0, in.size());
            return;
        }
        for (int t = 0; t < in.rows; t++) {
            for (int c = 0; c < in.cols; c++) {
                y[c * in.rows + t] = x[t * in.cols + c];
            }
        }
    }

    @Override
    void describe(ObjectNode node) {
        node.put("order", order.name().toLowerCase(Locale.ROOT));
    }
}
