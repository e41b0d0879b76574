// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/** Seeded random-weight kernels of the shapes the tests and issue 10 use. */
final class TestKernels {
    private TestKernels() {}

    /** A fresh directory under target/, where tests may write. */
    static Path tempDir() throws IOException {
        return Files.createDirectories(
                Path.of("target", "test-tmp", "kernel", UUID.randomUUID().toString()));
    }

    /** The dense autoencoder 30-16-8-16-30 with ReLU between layers. */
    static SequentialKernel autoencoder(long seed) {
        Random rnd = new Random(seed);
        return SequentialKernel.builder(30)
                .addDense(16, uniform(rnd, 16 * 30, 30), uniform(rnd, 16, 30))
                .addActivation(Activation.RELU)
                .addDense(8, uniform(rnd, 8 * 16, 16), uniform(rnd, 8, 16))
                .addActivation(Activation.RELU)
                .addDense(16, uniform(rnd, 16 * 8, 8), uniform(rnd, 16, 8))
                .addActivation(Activation.RELU)
                .addDense(30, uniform(rnd, 30 * 16, 16), uniform(rnd, 30, 16))
                .build();
    }

    /** An LSTM over a window of {@code window × features}, last hidden state, dense head to 1. */
    static SequentialKernel lstm(long seed, int window, int features, int hidden) {
        Random rnd = new Random(seed);
        int g = 4 * hidden;
        return SequentialKernel.builder(window, features)
                .addLstm(
                        hidden,
                        uniform(rnd, g * features, hidden),
                        uniform(rnd, g * hidden, hidden),
                        uniform(rnd, g, hidden),
                        uniform(rnd, g, hidden))
                .addLastStep()
                .addDense(1, uniform(rnd, hidden, hidden), uniform(rnd, 1, hidden))
                .build();
    }

    /** Two stacked GRU layers, last step, dense to 3 classes and softmax. */
    static SequentialKernel gru(long seed) {
        Random rnd = new Random(seed);
        return SequentialKernel.builder(10, 3)
                .addGru(
                        5,
                        uniform(rnd, 15 * 3, 5),
                        uniform(rnd, 15 * 5, 5),
                        uniform(rnd, 15, 5),
                        uniform(rnd, 15, 5))
                .addGru(
                        4,
                        uniform(rnd, 12 * 5, 4),
                        uniform(rnd, 12 * 4, 4),
                        uniform(rnd, 12, 4),
                        uniform(rnd, 12, 4))
                .addLastStep()
                .addDense(3, uniform(rnd, 3 * 4, 4), uniform(rnd, 3, 4))
                .addActivation(Activation.SOFTMAX)
                .build();
    }

    /** Conv (same) - ReLU - max pool - conv (valid) - leaky ReLU - avg pool - flatten - dense. */
    static SequentialKernel conv(long seed) {
        Random rnd = new Random(seed);
        return SequentialKernel.builder(16, 4)
                .addConv1d(6, 3, Padding.SAME, uniform(rnd, 6 * 4 * 3, 12), uniform(rnd, 6, 12))
                .addActivation(Activation.RELU)
                .addMaxPool1d(2, 2)
                .addConv1d(3, 2, Padding.VALID, uniform(rnd, 3 * 6 * 2, 12), uniform(rnd, 3, 12))
                .addActivation(Activation.leakyRelu(0.01))
                .addAvgPool1d(2, 1)
                .addFlatten(FlattenOrder.CHANNEL_MAJOR)
                .addDense(2, uniform(rnd, 2 * 18, 18), uniform(rnd, 2, 18))
                .addActivation(Activation.SIGMOID)
                .build();
    }

    /** PyTorch's default initialisation range: uniform in ±1/√fanIn. */
    static float[] uniform(Random rnd, int n, int fanIn) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rnd.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }

    /** Standard normal inputs. */
    static float[] input(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }
}
