// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Small layers checked against values worked by hand from PyTorch's layer definitions. */
class LayerDefinitionTest {
    private static final float EXACT = 0f;

    @Test
    void gru_oneInputOneHidden_matchesHandWorkedSteps() {
        // PyTorch nn.GRU(1, 1): rows r, z, n. W_ih = (0.5, -0.5, 1.0), W_hh = (0.2, 0.3, -0.4),
        // b_ih = (0.1, 0, -0.2), b_hh = (0, 0.1, 0.3). Input x = (1, -1), h0 = 0.
        // Step 1: r = σ(0.5 + 0.1 + 0 + 0) = σ(0.6) = 0.645656
        //         z = σ(-0.5 + 0 + 0 + 0.1) = σ(-0.4) = 0.401312
        //         n = tanh(1 - 0.2 + r·(-0.4·0 + 0.3)) = tanh(0.993697) = 0.758934
        //         h1 = (1 - z)·n + z·0 = 0.598688·0.758934 = 0.454365
        // Step 2: r = σ(-0.5 + 0.1 + 0.2·0.454365) = σ(-0.309127) = 0.423328
        //         z = σ(0.5 + 0.3·0.454365 + 0.1) = σ(0.736309) = 0.676188
        //         n = tanh(-1 - 0.2 + r·(-0.4·0.454365 + 0.3)) = tanh(-1.149940) = -0.817734
        //         h2 = 0.323812·(-0.817734) + 0.676188·0.454365 = 0.042444
        // (Keras' reset_after=False variant, tanh(W_in x + b_in + W_hn (r⊙h) + b_hn), differs.)
        SequentialKernel gru =
                SequentialKernel.builder(2, 1)
                        .addGru(
                                1,
                                new float[] {0.5f, -0.5f, 1.0f},
                                new float[] {0.2f, 0.3f, -0.4f},
                                new float[] {0.1f, 0f, -0.2f},
                                new float[] {0f, 0.1f, 0.3f})
                        .build();

        float[] h = gru.predict(new float[] {1f, -1f});

        assertEquals(0.454365, h[0], 1e-6);
        assertEquals(0.042444, h[1], 1e-6);
    }

    @Test
    void conv1dValid_reluMaxPool_matchesHandComputation() {
        // x = 1..5 in one channel. Channel 0: W = (-1, 2), b = 0 → -x[t] + 2x[t+1] = x[t] + 2
        // = 3, 4, 5, 6. Channel 1: W = (0.5, 0.5), b = 1 → 2.5, 3.5, 4.5, 5.5. ReLU keeps them;
        // MaxPool1d(2, 2) → channel 0: 4, 6; channel 1: 3.5, 5.5. Channel-major flatten (torch
        // flatten of [C, T]) → 4, 6, 3.5, 5.5.
        SequentialKernel k =
                SequentialKernel.builder(5, 1)
                        .addConv1d(
                                2,
                                2,
                                Padding.VALID,
                                new float[] {-1f, 2f, 0.5f, 0.5f},
                                new float[] {0f, 1f})
                        .addActivation(Activation.RELU)
                        .addMaxPool1d(2, 2)
                        .addFlatten(FlattenOrder.CHANNEL_MAJOR)
                        .build();

        assertArrayEquals(
                new float[] {4f, 6f, 3.5f, 5.5f}, k.predict(new float[] {1, 2, 3, 4, 5}), EXACT);
    }

    @Test
    void flattenTimeMajor_ordersStepAfterStep() {
        // Same conv as above without pooling: rows (3, 2.5), (4, 3.5), ... step after step.
        SequentialKernel k =
                SequentialKernel.builder(3, 1)
                        .addConv1d(
                                2,
                                2,
                                Padding.VALID,
                                new float[] {-1f, 2f, 0.5f, 0.5f},
                                new float[] {0f, 1f})
                        .addFlatten(FlattenOrder.TIME_MAJOR)
                        .build();

        assertArrayEquals(
                new float[] {3f, 2.5f, 4f, 3.5f}, k.predict(new float[] {1, 2, 3}), EXACT);
    }

    @Test
    void conv1d_twoInputChannels_readsWeightAsOutChannelInChannelKernel() {
        // Input [T=3, C=2] rows (1, 10), (2, 20), (3, 30). weight[0][0] = (1, 0) and
        // weight[0][1] = (0, 0.1): y[t] = x[t, 0] + 0.1·x[t+1, 1] → 1 + 2 = 3, 2 + 3 = 5.
        SequentialKernel k =
                SequentialKernel.builder(3, 2)
                        .addConv1d(
                                1, 2, Padding.VALID, new float[] {1f, 0f, 0f, 0.1f}, new float[1])
                        .build();

        assertArrayEquals(
                new float[] {3f, 5f}, k.predict(new float[] {1, 10, 2, 20, 3, 30}), 1e-6f);
    }

    @Test
    void conv1dSame_oddKernel_padsOneEachSide() {
        // k = 3, W = (1, 1, 1): zeros at both ends → (0+1+2, 1+2+3, 2+3+0) = (3, 6, 5).
        SequentialKernel k =
                SequentialKernel.builder(3, 1)
                        .addConv1d(1, 3, Padding.SAME, new float[] {1f, 1f, 1f}, new float[1])
                        .build();

        assertArrayEquals(new float[] {3f, 6f, 5f}, k.predict(new float[] {1, 2, 3}), EXACT);
    }

    @Test
    void conv1dSame_evenKernel_padsAfterLikePyTorch() {
        // PyTorch padding='same', k = 2: total 1, left = 1 // 2 = 0, right = 1.
        // W = (1, 10): y[t] = x[t] + 10·x[t+1] → 1 + 20 = 21, 2 + 30 = 32, 3 + 0 = 3.
        SequentialKernel k =
                SequentialKernel.builder(3, 1)
                        .addConv1d(1, 2, Padding.SAME, new float[] {1f, 10f}, new float[1])
                        .build();

        assertArrayEquals(new float[] {21f, 32f, 3f}, k.predict(new float[] {1, 2, 3}), EXACT);
    }

    @Test
    void avgPool_kernelThreeStrideTwo_averagesFloorModeWindows() {
        // T = 5, k = 3, s = 2: ⌊(5 - 3) / 2⌋ + 1 = 2 windows, (1+2+3)/3 = 2 and (3+4+5)/3 = 4.
        SequentialKernel k = SequentialKernel.builder(5, 1).addAvgPool1d(3, 2).build();

        assertArrayEquals(new float[] {2f, 4f}, k.predict(new float[] {1, 2, 3, 4, 5}), EXACT);
    }

    @Test
    void dense_onSequence_appliesToEachRow() {
        // nn.Linear over the last axis: rows (1, 2) and (3, 4), W = (1, -1), b = 0.5.
        SequentialKernel k =
                SequentialKernel.builder(2, 2)
                        .addDense(1, new float[] {1f, -1f}, new float[] {0.5f})
                        .build();

        assertArrayEquals(new float[] {-0.5f, -0.5f}, k.predict(new float[] {1, 2, 3, 4}), EXACT);
    }

    @Test
    void lastStep_keepsLastRow() {
        SequentialKernel k = SequentialKernel.builder(3, 2).addLastStep().build();

        assertArrayEquals(new float[] {5f, 6f}, k.predict(new float[] {1, 2, 3, 4, 5, 6}), EXACT);
    }
}
