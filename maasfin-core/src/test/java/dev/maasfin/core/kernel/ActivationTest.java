// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each activation against its definition; constants from the closed forms, to 1e-7. */
class ActivationTest {
    private static float[] apply(Activation a, float... x) {
        return SequentialKernel.builder(x.length).addActivation(a).build().predict(x);
    }

    @Test
    void identity_returnsInput() {
        assertArrayEquals(new float[] {-2f, 0f, 3.5f}, apply(Activation.IDENTITY, -2f, 0f, 3.5f));
    }

    @Test
    void relu_zeroesNegatives() {
        assertArrayEquals(new float[] {0f, 0f, 2f}, apply(Activation.RELU, -1f, 0f, 2f));
    }

    @Test
    void tanh_atHalf_isPoint462117() {
        // tanh(0.5) = (e − 1) / (e + 1) = 0.46211715726.
        assertEquals(0.46211715726, apply(Activation.TANH, 0.5f)[0], 1e-7);
    }

    @Test
    void sigmoid_atZeroAndTwo_isHalfAndPoint880797() {
        // 1 / (1 + e^-2) = 0.88079707798.
        float[] y = apply(Activation.SIGMOID, 0f, 2f);

        assertEquals(0.5, y[0], 0);
        assertEquals(0.88079707798, y[1], 1e-7);
    }

    @Test
    void leakyRelu_scalesNegativesBySlope() {
        assertArrayEquals(
                new float[] {-0.2f, 0f, 3f}, apply(Activation.leakyRelu(0.1), -2f, 0f, 3f), 1e-7f);
    }

    @Test
    void softmax_ofOneTwoThree_matchesClosedFormAndSumsToOne() {
        // e^i / (e + e² + e³): 0.09003057, 0.24472847, 0.66524096.
        float[] y = apply(Activation.SOFTMAX, 1f, 2f, 3f);

        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, y, 1e-7f);
        assertEquals(1.0, y[0] + y[1] + y[2], 1e-6);
    }

    @Test
    void softmax_ofHugeEqualValues_isUniformWithoutOverflow() {
        // e^1000 overflows a double; the max shift makes it e^0 / 2.
        assertArrayEquals(new float[] {0.5f, 0.5f}, apply(Activation.SOFTMAX, 1000f, 1000f));
    }

    @Test
    void softmax_onSequence_normalisesEachRow() {
        float[] y =
                SequentialKernel.builder(2, 2)
                        .addActivation(Activation.SOFTMAX)
                        .build()
                        .predict(new float[] {0f, 0f, 5f, -5f});

        assertEquals(1.0, y[0] + y[1], 1e-6);
        assertEquals(1.0, y[2] + y[3], 1e-6);
        assertEquals(0.5, y[0], 1e-7);
    }

    @Test
    void of_unknownName_failsListingKnownNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Activation.of("gelu", 0));

        assertEquals(
                "activation must be one of identity, relu, tanh, sigmoid, softmax, leaky_relu but"
                        + " was 'gelu'",
                e.getMessage());
    }

    @Test
    void leakyRelu_nanSlope_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> Activation.leakyRelu(Double.NaN));

        assertEquals("leaky_relu slope must be finite but was NaN", e.getMessage());
    }
}
