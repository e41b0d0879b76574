// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.export;

import dev.maasfin.djl.model.NeuralModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters by DJL name, with the block prefixes ({@code 01LSTM}, {@code 03Linear}) in
 * block order and shape-checked reads. Not thread-safe; used within one export.
 */
final class DjlParameters {
    private final NeuralModel model;
    private final Map<String, int[]> shapes;

    DjlParameters(NeuralModel model) {
        this.model = model;
        this.shapes = model.parameterShapes();
    }

    /** The distinct prefixes {@code NN<kind>} of blocks of one kind, in block order. */
    List<String> blocks(String kind) {
        List<String> prefixes = new ArrayList<>();
        for (String name : shapes.keySet()) {
            int cut = name.indexOf('_');
            String prefix = cut < 0 ? name : name.substring(0, cut);
            if (prefix.matches("\\d+" + kind) && !prefixes.contains(prefix)) {
                prefixes.add(prefix);
            }
        }
        return prefixes;
    }

    void expectCount(String kind, List<String> blocks, int expected) {
        if (blocks.size() != expected) {
            throw new IllegalStateException(
                    "model "
                            + model.spec().type()
                            + " must have "
                            + expected
                            + " "
                            + kind
                            + " block(s) for its spec but has "
                            + blocks
                            + "; parameters are "
                            + shapes.keySet());
        }
    }

    /** The values of a parameter, after checking its shape. */
    float[] get(String name, int... shape) {
        int[] actual = shapes.get(name);
        if (actual == null) {
            throw new IllegalStateException(
                    "model "
                            + model.spec().type()
                            + " has no parameter "
                            + name
                            + "; parameters are "
                            + shapes.keySet());
        }
        if (!Arrays.equals(actual, shape)) {
            throw new IllegalStateException(
                    "parameter "
                            + name
                            + " has shape "
                            + Arrays.toString(actual)
                            + " but the spec implies "
                            + Arrays.toString(shape));
        }
        return model.parameter(name);
    }

    /** The bias values, or zeros when the block was built without a bias. */
    float[] biasOrZeros(String name, int size) {
        return shapes.containsKey(name) ? get(name, size) : new float[size];
    }
}
