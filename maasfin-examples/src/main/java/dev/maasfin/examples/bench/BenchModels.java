// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.core.kernel.Activation;
import dev.maasfin.core.kernel.SequentialKernel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark models with seeded random weights, as PyTorch state dicts (parameter name to a
 * row-major float array) and as kernels built from them.
 *
 * <p>Weights are uniform in ±1/√fanIn (PyTorch's default initialisation range) from {@link Random}
 * with the given seed, drawn in the order the parameters are listed. A comparison with DJL loads
 * the same maps into its blocks. Stateless and thread-safe.
 */
public final class BenchModels {
    /** Autoencoder layer widths, input to output. */
    public static final int[] AUTOENCODER = {30, 16, 8, 16, 30};

    /** LSTM benchmark window length. */
    public static final int LSTM_WINDOW = 32;

    /** LSTM benchmark features per step. */
    public static final int LSTM_FEATURES = 8;

    /** LSTM benchmark hidden size. */
    public static final int LSTM_HIDDEN = 32;

    private BenchModels() {}

    /**
     * Returns the 30-16-8-16-30 autoencoder's weights: {@code <i>.weight [out, in]} and {@code
     * <i>.bias [out]} for the four linear layers i = 0..3 (ReLU between them, none at the end).
     *
     * @param seed the random seed
     * @return parameter name to values, in layer order
     */
    public static Map<String, float[]> autoencoderWeights(long seed) {
        Random rnd = new Random(seed);
        Map<String, float[]> w = new LinkedHashMap<>();
        for (int i = 0; i + 1 < AUTOENCODER.length; i++) {
            int in = AUTOENCODER[i];
            int out = AUTOENCODER[i + 1];
            w.put(i + ".weight", uniform(rnd, out * in, in));
            w.put(i + ".bias", uniform(rnd, out, in));
        }
        return w;
    }

    /**
     * Returns the autoencoder kernel built from {@link #autoencoderWeights(long)}.
     *
     * @param seed the random seed
     * @return the kernel
     */
    public static SequentialKernel autoencoderKernel(long seed) {
        Map<String, float[]> w = autoencoderWeights(seed);
        SequentialKernel.Builder b = SequentialKernel.builder(AUTOENCODER[0]);
        for (int i = 0; i + 1 < AUTOENCODER.length; i++) {
            if (i > 0) {
                b.addActivation(Activation.RELU);
            }
            b.addDense(AUTOENCODER[i + 1], w.get(i + ".weight"), w.get(i + ".bias"));
        }
        return b.build();
    }

    /**
     * Returns the LSTM forecaster's weights: {@code lstm.weight_ih_l0 [4H, F]}, {@code
     * lstm.weight_hh_l0 [4H, H]}, {@code lstm.bias_ih_l0 [4H]}, {@code lstm.bias_hh_l0 [4H]} (gate
     * order i, f, g, o), {@code head.weight [1, H]}, {@code head.bias [1]}.
     *
     * @param seed the random seed
     * @return parameter name to values
     */
    public static Map<String, float[]> lstmWeights(long seed) {
        Random rnd = new Random(seed);
        int h = LSTM_HIDDEN;
        Map<String, float[]> w = new LinkedHashMap<>();
        w.put("lstm.weight_ih_l0", uniform(rnd, 4 * h * LSTM_FEATURES, h));
        w.put("lstm.weight_hh_l0", uniform(rnd, 4 * h * h, h));
        w.put("lstm.bias_ih_l0", uniform(rnd, 4 * h, h));
        w.put("lstm.bias_hh_l0", uniform(rnd, 4 * h, h));
        w.put("head.weight", uniform(rnd, h, h));
        w.put("head.bias", uniform(rnd, 1, h));
        return w;
    }

    /**
     * Returns the LSTM kernel (last hidden state into a dense head of one output) built from {@link
     * #lstmWeights(long)}.
     *
     * @param seed the random seed
     * @return the kernel
     */
    public static SequentialKernel lstmKernel(long seed) {
        Map<String, float[]> w = lstmWeights(seed);
        return SequentialKernel.builder(LSTM_WINDOW, LSTM_FEATURES)
                .addLstm(
                        LSTM_HIDDEN,
                        w.get("lstm.weight_ih_l0"),
                        w.get("lstm.weight_hh_l0"),
                        w.get("lstm.bias_ih_l0"),
                        w.get("lstm.bias_hh_l0"))
                .addLastStep()
                .addDense(1, w.get("head.weight"), w.get("head.bias"))
                .build();
    }

    /**
     * Returns {@code n} standard normal inputs from the seed.
     *
     * @param seed the random seed
     * @param n how many values
     * @return the inputs
     */
    public static float[] inputs(long seed, int n) {
        Random rnd = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static float[] uniform(Random rnd, int n, int fanIn) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rnd.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }
}
