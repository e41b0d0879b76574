// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A two-layer PyTorch {@code nn.LSTM(2, ...)} stack, written as two kernel layers: layer 0 (2 → 2)
 * feeds its whole hidden sequence to layer 1 (2 → 1). Expected values come from a direct NumPy
 * float64 evaluation of the LSTM cell definition (c = f⊙c + i⊙g, h = o⊙tanh(c), gate blocks i, f,
 * g, o, zero initial state) on the float32 weights below, layer by layer; tolerance 1e-7 absolute
 * covers the kernel's float32 storage of h and c.
 */
class StackedLstmTest {
    @Test
    void twoLayerLstm_sequenceOutput_matchesNumpyEvaluationOfTheDefinition() {
        SequentialKernel k =
                SequentialKernel.builder(3, 2)
                        .addLstm(
                                2,
                                new float[] {
                                    -0.4f, 0.3f, -0.1f, -0.5f, 0.2f, -0.2f, 0.5f, 0.1f, -0.3f, 0.4f,
                                    0f, -0.4f, 0.3f, -0.1f, -0.5f, 0.2f
                                },
                                new float[] {
                                    -0.3f, 0.4f, 0f, -0.4f, 0.3f, -0.1f, -0.5f, 0.2f, -0.2f, 0.5f,
                                    0.1f, -0.3f, 0.4f, 0f, -0.4f, 0.3f
                                },
                                new float[] {-0.1f, 0.25f, 0.05f, -0.15f, 0.2f, 0f, -0.2f, 0.15f},
                                new float[] {
                                    -0.05f, -0.25f, 0.1f, -0.1f, 0.25f, 0.05f, -0.15f, 0.2f
                                })
                        .addLstm(
                                1,
                                new float[] {0f, -0.4f, 0.3f, -0.1f, -0.5f, 0.2f, -0.2f, 0.5f},
                                new float[] {0.1f, -0.3f, 0.4f, 0f},
                                new float[] {0.1f, -0.1f, 0.25f, 0.05f},
                                new float[] {0.15f, -0.05f, -0.25f, 0.1f})
                        .build();

        float[] h = k.predict(new float[] {0.5f, -1.0f, 0.25f, 0.75f, -0.5f, 0.1f});

        // NumPy: layer 1 hidden state at t = 0, 1, 2.
        assertEquals(0.009755701937242268, h[0], 1e-7);
        assertEquals(-0.011719180607320835, h[1], 1e-7);
        assertEquals(-0.029953624500288857, h[2], 1e-7);
    }
}
