// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A named weight tensor handed to a layer, with the shape it was saved with when known. */
final class Param {
    final String name;
    final int[] shape;
    final float[] data;

    private Param(String name, int[] shape, float[] data) {
        this.name = name;
        this.shape = shape;
        this.data = data;
    }

    /** A parameter given as a flat array by a caller; only its length can be checked. */
    static Param flat(String name, float[] data) {
        return new Param(name, null, Objects.requireNonNull(data, name));
    }

    /** A parameter read from a saved kernel, with its saved shape. */
    static Param shaped(String name, int[] shape, float[] data) {
        return new Param(name, shape.clone(), data);
    }

    /**
     * Checks the shape (or, for a flat array, the length) against what the layer expects and that
     * every value is finite; returns a private copy of the values.
     */
    float[] expect(String layer, int... expected) {
        if (shape != null && !Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException(
                    layer
                            + " parameter "
                            + name
                            + " was saved with shape "
                            + format(shape)
                            + " but the layer expects "
                            + format(expected));
        }
        int n = Arrays.stream(expected).reduce(1, Math::multiplyExact);
        if (data.length != n) {
            throw new IllegalArgumentException(
                    layer
                            + " parameter "
                            + name
                            + " must have "
                            + n
                            + " values (shape "
                            + format(expected)
                            + ") but has "
                            + data.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(
                        layer
                                + " parameter "
                                + name
                                + "["
                                + i
                                + "] must be finite but is "
                                + data[i]);
            }
        }
        return data.clone();
    }

    /** Formats a shape the PyTorch way, e.g. {@code (8,1)}. */
    static String format(int[] shape) {
        return Arrays.stream(shape)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
