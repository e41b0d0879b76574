// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.export;

import dev.maasfin.core.kernel.Activation;
import dev.maasfin.core.kernel.FlattenOrder;
import dev.maasfin.core.kernel.KernelFiles;
import dev.maasfin.core.kernel.Padding;
import dev.maasfin.core.kernel.SequentialKernel;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.DenseRegressorSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NetworkSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.OutputActivation;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.model.TemporalCnnSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a trained {@link NeuralModel} into an immutable pure-Java {@link SequentialKernel} that
 * computes the same function with no JNI and no allocation per call once warmed up.
 *
 * <p><b>Supported architectures</b> ({@link #isSupported(NetworkSpec)}):
 *
 * <ul>
 *   <li>{@link DenseAutoencoderSpec}, {@link DenseRegressorSpec}: per hidden width a dense layer
 *       and the spec's activation (tanh or ReLU), then a linear output layer;
 *   <li>{@link MlpClassifierSpec}: the same, dropout dropped (it is the identity at inference), and
 *       a softmax over the class logits because the spec's prediction is {@link
 *       OutputActivation#SOFTMAX} (one probability per class, as {@link NeuralModel#predict});
 *   <li>{@link RecurrentForecasterSpec}: one LSTM or GRU kernel layer per stacked layer (dropout
 *       between layers dropped), the last time step, a dense head of {@code horizons × quantiles}
 *       outputs in the model's horizon-major order;
 *   <li>{@link TemporalCnnSpec}: per layer a valid stride-1 1-D convolution and ReLU, a
 *       channel-major flatten (DJL's batch flatten of a {@code [C, T]} sample), a dense head.
 * </ul>
 *
 * <p>{@code ImageCnnSpec} (2-D convolutions) and any other spec throw {@link
 * UnsupportedOperationException} naming the architecture.
 *
 * <p><b>Parameter mapping.</b> Parameters are read by name from {@link NeuralModel#parameter}. DJL
 * names a sequential block's parameters {@code <NN><Block>_<local>}, NN being the two-digit
 * position of the child block; the exporter takes the blocks of each kind in order:
 *
 * <ul>
 *   <li>{@code NNLinear_weight [out, in]} → dense {@code weight}, {@code NNLinear_bias [out]} →
 *       {@code bias} (DJL's Linear has PyTorch's {@code nn.Linear} layout; copied unchanged);
 *   <li>{@code NNLSTM_l_K_i2h_WEIGHT} → {@code weight_ih_lK} {@code [4H, F]}, {@code
 *       NNLSTM_l_K_h2h_WEIGHT} → {@code weight_hh_lK} {@code [4H, H]}, {@code NNLSTM_l_K_i2h_BIAS}
 *       → {@code bias_ih_lK}, {@code NNLSTM_l_K_h2h_BIAS} → {@code bias_hh_lK}; gate rows stay in
 *       PyTorch's order i, f, g, o because DJL hands these arrays to {@code torch.lstm} unchanged
 *       (reference case 20); {@code NNGRU_l_K_…} likewise with 3H rows in order r, z, n;
 *   <li>{@code NNConv1d_weight [C_out, C_in, k]} → conv1d {@code weight} (PyTorch's layout), {@code
 *       NNConv1d_bias [C_out]} → {@code bias} (zeros if the block has none).
 * </ul>
 *
 * <p>Every parameter's shape is checked against what the spec implies before copying, so a model
 * whose block does not match its spec fails with {@link IllegalStateException} naming the parameter
 * and both shapes, never with a silently wrong kernel.
 *
 * <p><b>Numerics.</b> The kernel computes PyTorch's float32 definitions, summing in a different
 * order than PyTorch's BLAS; outputs agree with {@link NeuralModel#predict} to 1e-5 relative (1e-6
 * absolute near zero), see {@code KernelEquivalenceTest}.
 *
 * <p>Stateless and thread-safe; the model must not be trained or changed during an export.
 */
public final class KernelExporter {

    private KernelExporter() {}

    /**
     * Returns whether {@link #export(NeuralModel)} can turn models of this architecture into a
     * kernel.
     *
     * @param spec the architecture
     * @return true for dense autoencoders, dense regressors, MLP classifiers, recurrent forecasters
     *     and temporal CNNs
     * @throws NullPointerException if {@code spec} is null
     */
    public static boolean isSupported(NetworkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return spec instanceof DenseAutoencoderSpec
                || spec instanceof DenseRegressorSpec
                || spec instanceof MlpClassifierSpec
                || spec instanceof RecurrentForecasterSpec
                || spec instanceof TemporalCnnSpec;
    }

    /**
     * Builds the kernel of a model from its current parameters; later parameter changes do not
     * affect the kernel (the weights are copied).
     *
     * @param model the model (open)
     * @return an immutable, thread-safe kernel whose input and output match {@code
     *     model.inputShape()} and {@code model.outputWidth()}
     * @throws NullPointerException if {@code model} is null
     * @throws UnsupportedOperationException if the architecture is not supported; the message names
     *     it and lists the supported ones
     * @throws IllegalStateException if a parameter the spec implies is missing or has another shape
     */
    public static SequentialKernel export(NeuralModel model) {
        Objects.requireNonNull(model, "model");
        NetworkSpec spec = model.spec();
        DjlParameters params = new DjlParameters(model);
        if (spec instanceof RecurrentForecasterSpec) {
            return recurrent((RecurrentForecasterSpec) spec, params);
        }
        if (spec instanceof TemporalCnnSpec) {
            return temporalCnn((TemporalCnnSpec) spec, params);
        }
        if (isSupported(spec)) {
            return dense(spec, params);
        }
        throw new UnsupportedOperationException(
                "cannot export architecture '"
                        + spec.type()
                        + "' to a pure-Java kernel (no kernel layer for its blocks, e.g. 2-D"
                        + " convolution); supported: "
                        + DenseAutoencoderSpec.TYPE
                        + ", "
                        + DenseRegressorSpec.TYPE
                        + ", "
                        + MlpClassifierSpec.TYPE
                        + ", "
                        + RecurrentForecasterSpec.TYPE
                        + ", "
                        + TemporalCnnSpec.TYPE);
    }

    /**
     * Exports a model and writes its kernel ({@value KernelFiles#SPEC_FILE} and {@value
     * KernelFiles#WEIGHTS_FILE}) into a directory, typically the model's artifact directory next to
     * what {@code ModelArtifacts.save} wrote; a scoring host reads it back with {@link
     * KernelFiles#load(Path)} and needs only maasfin-core.
     *
     * @param model the model
     * @param directory the target directory, created if needed; existing kernel files are replaced
     * @return the exported kernel
     * @throws NullPointerException if an argument is null
     * @throws UnsupportedOperationException if the architecture is not supported
     * @throws IOException if writing fails
     */
    public static SequentialKernel save(NeuralModel model, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        SequentialKernel kernel = export(model);
        KernelFiles.save(kernel, directory);
        return kernel;
    }

    private static SequentialKernel dense(NetworkSpec spec, DjlParameters params) {
        Map<String, Object> hp = spec.hyperParameters();
        int[] hidden = ints(hp.get("hiddenWidths"));
        Activation act = hiddenActivation(String.valueOf(hp.get("activation")));
        int width = spec.inputShape()[0];
        SequentialKernel.Builder b = SequentialKernel.builder(width);
        List<String> linears = params.blocks("Linear");
        params.expectCount("Linear", linears, hidden.length + 1);
        for (int l = 0; l < hidden.length; l++) {
            addDense(b, params, linears.get(l), width, hidden[l]);
            b.addActivation(act);
            width = hidden[l];
        }
        addDense(b, params, linears.get(hidden.length), width, spec.outputWidth());
        if (spec.outputActivation() == OutputActivation.SOFTMAX) {
            b.addActivation(Activation.SOFTMAX);
        }
        return b.build();
    }

    private static SequentialKernel recurrent(RecurrentForecasterSpec spec, DjlParameters params) {
        Map<String, Object> hp = spec.hyperParameters();
        boolean lstm = RecurrentForecasterSpec.Cell.LSTM.name().equals(hp.get("cell"));
        int hidden = ((Number) hp.get("hidden")).intValue();
        int layers = ((Number) hp.get("layers")).intValue();
        int[] in = spec.inputShape();
        String cellName = lstm ? "LSTM" : "GRU";
        List<String> rnn = params.blocks(cellName);
        params.expectCount(cellName, rnn, 1);
        SequentialKernel.Builder b = SequentialKernel.builder(in[0], in[1]);
        int gates = (lstm ? 4 : 3) * hidden;
        int width = in[1];
        for (int k = 0; k < layers; k++) {
            String p = rnn.get(0) + "_l_" + k + "_";
            float[] wIh = params.get(p + "i2h_WEIGHT", gates, width);
            float[] wHh = params.get(p + "h2h_WEIGHT", gates, hidden);
            float[] bIh = params.get(p + "i2h_BIAS", gates);
            float[] bHh = params.get(p + "h2h_BIAS", gates);
            if (lstm) {
                b.addLstm(hidden, wIh, wHh, bIh, bHh);
            } else {
                b.addGru(hidden, wIh, wHh, bIh, bHh);
            }
            width = hidden;
        }
        b.addLastStep();
        List<String> linears = params.blocks("Linear");
        params.expectCount("Linear", linears, 1);
        addDense(b, params, linears.get(0), hidden, spec.outputWidth());
        return b.build();
    }

    private static SequentialKernel temporalCnn(TemporalCnnSpec spec, DjlParameters params) {
        Map<String, Object> hp = spec.hyperParameters();
        int filters = ((Number) hp.get("filters")).intValue();
        int kernel = ((Number) hp.get("kernel")).intValue();
        int layers = ((Number) hp.get("layers")).intValue();
        int[] in = spec.inputShape();
        SequentialKernel.Builder b = SequentialKernel.builder(in[0], in[1]);
        List<String> convs = params.blocks("Conv1d");
        params.expectCount("Conv1d", convs, layers);
        int channels = in[1];
        int steps = in[0];
        for (String conv : convs) {
            float[] w = params.get(conv + "_weight", filters, channels, kernel);
            float[] bias = params.biasOrZeros(conv + "_bias", filters);
            b.addConv1d(filters, kernel, Padding.VALID, w, bias);
            b.addActivation(Activation.RELU);
            channels = filters;
            steps -= kernel - 1;
        }
        b.addFlatten(FlattenOrder.CHANNEL_MAJOR);
        List<String> linears = params.blocks("Linear");
        params.expectCount("Linear", linears, 1);
        addDense(b, params, linears.get(0), channels * steps, spec.outputWidth());
        return b.build();
    }

    private static void addDense(
            SequentialKernel.Builder b, DjlParameters params, String block, int in, int out) {
        b.addDense(out, params.get(block + "_weight", out, in), params.get(block + "_bias", out));
    }

    private static Activation hiddenActivation(String name) {
        switch (name) {
            case "TANH":
                return Activation.TANH;
            case "RELU":
                return Activation.RELU;
            default:
                throw new UnsupportedOperationException(
                        "cannot export hidden activation '" + name + "'; supported: TANH, RELU");
        }
    }

    private static int[] ints(Object list) {
        List<?> l = (List<?>) list;
        int[] a = new int[l.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = ((Number) l.get(k)).intValue();
        }
        return a;
    }
}
