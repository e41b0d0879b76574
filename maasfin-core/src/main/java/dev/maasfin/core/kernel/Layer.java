// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One immutable step of a {@link SequentialKernel}: reads a sample of shape {@link #in} from the
 * start of one buffer and writes a sample of shape {@link #out} to the start of another.
 */
abstract class Layer {
    final String label;
    final Shape in;
    final Shape out;

    Layer(String label, Shape in, Shape out) {
        this.label = label;
        this.in = in;
        this.out = out;
    }

    /** The saved type name, e.g. {@code lstm}. */
    abstract String type();

    /** Computes the output; {@code x} and {@code y} are distinct; allocates nothing. */
    abstract void forward(float[] x, float[] y, Scratch scratch);

    /** Floats of recurrent state this layer needs in {@link Scratch#state}. */
    int stateSize() {
        return 0;
    }

    /** Floats of a separate hidden state this layer needs in {@link Scratch#hidden}. */
    int hiddenSize() {
        return 0;
    }

    /**
     * Floats of per-step gate pre-activations this layer needs in each of {@link Scratch#gates} and
     * {@link Scratch#recurrent}.
     */
    int gateSize() {
        return 0;
    }

    /** The parameters in saved order with their PyTorch names and shapes. */
    List<Param> params() {
        return List.of();
    }

    /** Writes the hyper-parameters (not the type or parameters) into the layer's spec node. */
    void describe(ObjectNode node) {}

    static String label(int index, String type) {
        return "layer " + index + " (" + type + ")";
    }

    static void checkPositive(String label, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    label + " " + name + " must be >= 1 but was " + value);
        }
    }
}
