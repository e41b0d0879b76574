// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Kernel} that runs a list of layers one after another: dense, activation, LSTM, GRU, 1-D
 * convolution, pooling, flatten and last-step layers with PyTorch's definitions and weight layouts
 * (see {@link KernelFiles} for the layout of each parameter).
 *
 * <p>Between layers a sample has a shape {@code [T, C]} (time steps by channels), stored
 * time-major. The input is {@code [timeSteps, features]}; a plain vector input is {@code [1, n]}.
 * Dense and activation layers act on each row; recurrent layers return every step's hidden state
 * and {@link Builder#addLastStep()} keeps the last one, like PyTorch's {@code out[:, -1, :]}.
 *
 * <p><b>Numerics.</b> Weights and activations between layers are float32. Dense and convolution dot
 * products are accumulated in double (each float product is exact in double) and rounded to float
 * once. Recurrent layers accumulate their gate pre-activations in float32, as PyTorch does, in a
 * fixed order (column by column, four columns at a time); sigmoid and tanh are evaluated in double
 * from {@link Math#exp} (see {@link Activation}) and agree with their definitions to about 1e-12
 * relative. Results therefore agree with PyTorch's float32 CPU forward pass (whose BLAS summation
 * order is unspecified) to about 1e-6 relative on well-scaled models; the stated equivalence
 * tolerance with DJL/PyTorch outputs is 1e-5 relative (or 1e-6 absolute near zero). Results of this
 * class are deterministic: the same kernel, input and JVM give the same bits, whether called with
 * {@code predict} or {@code predictBatch}, before or after {@link KernelFiles} save and load.
 *
 * <p><b>Memory and threads.</b> Immutable; the weights are private copies. Each thread gets its own
 * scratch buffers from a {@link ThreadLocal} on its first call (a few arrays, at most a few
 * kilobytes for typical models) and reuses them, so warmed-up calls allocate nothing. Safe for any
 * number of concurrent callers. The scratch lives as long as the thread and this kernel are both
 * reachable.
 *
 * <p><b>Input checks.</b> Under {@link NonFiniteInput#REJECT} (the default) a NaN or infinite input
 * value is refused with an {@link IllegalArgumentException} naming its index; {@link
 * #withNonFiniteInput} gives a kernel with the other policy that shares the same weights.
 */
public final class SequentialKernel implements Kernel {
    private final Shape input;
    private final Layer[] layers;
    private final NonFiniteInput nonFinite;
    private final ThreadLocal<Scratch> scratch;

    private SequentialKernel(Shape input, Layer[] layers, NonFiniteInput nonFinite) {
        this.input = input;
        this.layers = layers;
        this.nonFinite = nonFinite;
        int activations = input.size();
        int state = 0;
        int gates = 0;
        int hidden = 0;
        for (Layer layer : layers) {
            hidden = Math.max(hidden, layer.hiddenSize());
            activations = Math.max(activations, layer.out.size());
            state = Math.max(state, layer.stateSize());
            gates = Math.max(gates, layer.gateSize());
        }
        int a = activations;
        int s = state;
        int g = gates;
        int h = hidden;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(a, s, h, g));
    }

    /**
     * Starts a kernel whose input is a plain vector of {@code inputSize} floats (shape {@code [1,
     * inputSize]}).
     *
     * @param inputSize the number of input features, at least 1
     * @return a builder
     * @throws IllegalArgumentException if {@code inputSize < 1}
     */
    public static Builder builder(int inputSize) {
        return builder(1, inputSize);
    }

    /**
     * Starts a kernel whose input is a window of {@code timeSteps} rows of {@code features} floats,
     * time-major (PyTorch batch-first {@code [N, T, F]} without N).
     *
     * @param timeSteps the window length T, at least 1
     * @param features the features per step F, at least 1
     * @return a builder
     * @throws IllegalArgumentException if either size is below 1
     */
    public static Builder builder(int timeSteps, int features) {
        return new Builder(timeSteps, features);
    }

    @Override
    public int inputSize() {
        return input.size();
    }

    @Override
    public int outputSize() {
        return layers[layers.length - 1].out.size();
    }

    /**
     * Returns the number of input time steps T (1 for a plain vector input).
     *
     * @return T
     */
    public int timeSteps() {
        return input.rows;
    }

    /**
     * Returns the number of input features per time step.
     *
     * @return F
     */
    public int features() {
        return input.cols;
    }

    /**
     * Returns the policy for NaN and infinite input values.
     *
     * @return the policy
     */
    public NonFiniteInput nonFiniteInput() {
        return nonFinite;
    }

    /**
     * Returns a kernel with the same weights and the given non-finite input policy.
     *
     * @param policy the policy
     * @return a kernel sharing this kernel's immutable layers
     * @throws NullPointerException if {@code policy} is null
     */
    public SequentialKernel withNonFiniteInput(NonFiniteInput policy) {
        Objects.requireNonNull(policy, "policy");
        return policy == nonFinite ? this : new SequentialKernel(input, layers, policy);
    }

    @Override
    public void predict(float[] in, int inOffset, float[] out, int outOffset) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        checkRange("in", in.length, inOffset, inputSize());
        checkRange("out", out.length, outOffset, outputSize());
        Scratch s = scratch.get();
        copyInput(in, inOffset, s.a);
        float[] x = s.a;
        float[] y = s.b;
        for (Layer layer : layers) {
            layer.forward(x, y, s);
            float[] t = x;
            x = y;
            y = t;
        }
        System.arraycopy(x, 0, out, outOffset, outputSize());
    }

    private void copyInput(float[] in, int inOffset, float[] x) {
        int n = input.size();
        if (nonFinite == NonFiniteInput.REJECT) {
            for (int i = 0; i < n; i++) {
                float v = in[inOffset + i];
                if (!Float.isFinite(v)) {
                    throw nonFiniteInput(inOffset, i, v);
                }
                x[i] = v;
            }
        } else {
            System.arraycopy(in, inOffset, x, 0, n);
        }
    }

    private IllegalArgumentException nonFiniteInput(int inOffset, int i, float v) {
        return new IllegalArgumentException(
                "input must be finite but in["
                        + (inOffset + i)
                        + "] (element "
                        + i
                        + " of the sample at offset "
                        + inOffset
                        + ", time step "
                        + i / input.cols
                        + ", feature "
                        + i % input.cols
                        + ") is "
                        + v);
    }

    private static void checkRange(String name, int length, int offset, int size) {
        if (offset < 0 || (long) offset + size > length) {
            throw new IllegalArgumentException(
                    name
                            + " must hold "
                            + size
                            + " floats from offset "
                            + offset
                            + " (length >= "
                            + ((long) offset + size)
                            + ", offset >= 0) but has length "
                            + length);
        }
    }

    Shape inputShape() {
        return input;
    }

    List<Layer> layers() {
        return List.of(layers);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SequentialKernel[input ").append(input);
        for (Layer layer : layers) {
            b.append(" -> ").append(layer.type()).append(' ').append(layer.out);
        }
        return b.append(']').toString();
    }

    /**
     * Adds layers in order, checking each one's parameters against the shape that reaches it;
     * {@link #build()} returns the immutable kernel. Each {@code add} copies the arrays it is given
     * and throws {@link IllegalArgumentException} naming the layer index, its type, the parameter
     * and the expected size if anything does not fit. Not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final Shape input;
        private final List<Layer> layers = new ArrayList<>();
        private NonFiniteInput nonFinite = NonFiniteInput.REJECT;

        private Builder(int timeSteps, int features) {
            Layer.checkPositive("input", "timeSteps", timeSteps);
            Layer.checkPositive("input", "features", features);
            this.input = new Shape(timeSteps, features);
        }

        private Shape current() {
            return layers.isEmpty() ? input : layers.get(layers.size() - 1).out;
        }

        private Builder add(Layer layer) {
            layers.add(layer);
            return this;
        }

        /**
         * Adds a PyTorch {@code nn.Linear}: y = W x + b on each row of the current shape.
         *
         * @param outFeatures the output width, at least 1
         * @param weight W of shape [outFeatures, inFeatures], row-major (row o holds the weights of
         *     output o)
         * @param bias b of shape [outFeatures]; pass zeros for a layer without bias
         * @return this builder
         * @throws NullPointerException if an array is null
         * @throws IllegalArgumentException if a size is wrong or a weight is not finite
         */
        public Builder addDense(int outFeatures, float[] weight, float[] bias) {
            return addDense(outFeatures, Param.flat("weight", weight), Param.flat("bias", bias));
        }

        Builder addDense(int outFeatures, Param weight, Param bias) {
            return add(new DenseLayer(layers.size(), current(), outFeatures, weight, bias));
        }

        /**
         * Adds an activation applied to every element (softmax: to each row of the last axis).
         *
         * @param activation the function
         * @return this builder
         * @throws NullPointerException if {@code activation} is null
         */
        public Builder addActivation(Activation activation) {
            Objects.requireNonNull(activation, "activation");
            return add(new ActivationLayer(layers.size(), current(), activation));
        }

        /**
         * Adds one layer of a PyTorch {@code nn.LSTM} (for a stacked LSTM, one call per layer
         * {@code l} with the {@code _l<l>} parameters), returning all steps' hidden states.
         *
         * @param hidden the hidden size H, at least 1
         * @param weightIh {@code weight_ih_l<l>}, shape [4H, F], gate rows i, f, g, o
         * @param weightHh {@code weight_hh_l<l>}, shape [4H, H], same gate order
         * @param biasIh {@code bias_ih_l<l>}, shape [4H]
         * @param biasHh {@code bias_hh_l<l>}, shape [4H]
         * @return this builder
         * @throws NullPointerException if an array is null
         * @throws IllegalArgumentException if a size is wrong or a weight is not finite
         */
        public Builder addLstm(
                int hidden, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh) {
            return addLstm(hidden, recurrent(weightIh, weightHh, biasIh, biasHh));
        }

        Builder addLstm(int hidden, Param[] p) {
            return add(new LstmLayer(layers.size(), current(), hidden, p[0], p[1], p[2], p[3]));
        }

        /**
         * Adds one layer of a PyTorch {@code nn.GRU}, returning all steps' hidden states.
         *
         * @param hidden the hidden size H, at least 1
         * @param weightIh {@code weight_ih_l<l>}, shape [3H, F], gate rows r, z, n
         * @param weightHh {@code weight_hh_l<l>}, shape [3H, H], same gate order
         * @param biasIh {@code bias_ih_l<l>}, shape [3H]
         * @param biasHh {@code bias_hh_l<l>}, shape [3H]
         * @return this builder
         * @throws NullPointerException if an array is null
         * @throws IllegalArgumentException if a size is wrong or a weight is not finite
         */
        public Builder addGru(
                int hidden, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh) {
            return addGru(hidden, recurrent(weightIh, weightHh, biasIh, biasHh));
        }

        Builder addGru(int hidden, Param[] p) {
            return add(new GruLayer(layers.size(), current(), hidden, p[0], p[1], p[2], p[3]));
        }

        private static Param[] recurrent(float[] wIh, float[] wHh, float[] bIh, float[] bHh) {
            return new Param[] {
                Param.flat("weight_ih", wIh),
                Param.flat("weight_hh", wHh),
                Param.flat("bias_ih", bIh),
                Param.flat("bias_hh", bHh)
            };
        }

        /**
         * Adds a stride-1 PyTorch {@code nn.Conv1d} over the time axis, the current channels being
         * its input channels.
         *
         * @param outChannels C_out, at least 1
         * @param kernelSize k, at least 1 (and at most T with {@link Padding#VALID})
         * @param padding {@link Padding#VALID} or {@link Padding#SAME}
         * @param weight shape [C_out, C_in, k], row-major as PyTorch stores it
         * @param bias shape [C_out]; pass zeros for a layer without bias
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if a size is wrong or a weight is not finite
         */
        public Builder addConv1d(
                int outChannels, int kernelSize, Padding padding, float[] weight, float[] bias) {
            Objects.requireNonNull(padding, "padding");
            return addConv1d(
                    outChannels,
                    kernelSize,
                    padding,
                    Param.flat("weight", weight),
                    Param.flat("bias", bias));
        }

        Builder addConv1d(int outC, int k, Padding padding, Param weight, Param bias) {
            return add(new Conv1dLayer(layers.size(), current(), outC, k, padding, weight, bias));
        }

        /**
         * Adds a PyTorch {@code nn.MaxPool1d(kernel, stride)} over time (no padding, floor mode).
         *
         * @param kernel window length, 1 to T
         * @param stride step, at least 1
         * @return this builder
         * @throws IllegalArgumentException if a size is out of range
         */
        public Builder addMaxPool1d(int kernel, int stride) {
            return add(new Pool1dLayer(layers.size(), current(), true, kernel, stride));
        }

        /**
         * Adds a PyTorch {@code nn.AvgPool1d(kernel, stride)} over time (no padding, floor mode).
         *
         * @param kernel window length, 1 to T
         * @param stride step, at least 1
         * @return this builder
         * @throws IllegalArgumentException if a size is out of range
         */
        public Builder addAvgPool1d(int kernel, int stride) {
            return add(new Pool1dLayer(layers.size(), current(), false, kernel, stride));
        }

        /**
         * Flattens the current {@code [T, C]} shape to one row of T·C values.
         *
         * @param order {@link FlattenOrder#CHANNEL_MAJOR} after convolutions, {@link
         *     FlattenOrder#TIME_MAJOR} after recurrent layers
         * @return this builder
         * @throws NullPointerException if {@code order} is null
         */
        public Builder addFlatten(FlattenOrder order) {
            Objects.requireNonNull(order, "order");
            return add(new FlattenLayer(layers.size(), current(), order));
        }

        /**
         * Keeps only the last time step, e.g. the last hidden state of a recurrent layer.
         *
         * @return this builder
         */
        public Builder addLastStep() {
            return add(new LastStepLayer(layers.size(), current()));
        }

        /**
         * Sets the policy for NaN and infinite inputs; {@link NonFiniteInput#REJECT} if not set.
         *
         * @param policy the policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder optNonFiniteInput(NonFiniteInput policy) {
            this.nonFinite = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Returns the kernel.
         *
         * @return an immutable, thread-safe kernel
         * @throws IllegalStateException if no layer was added
         */
        public SequentialKernel build() {
            if (layers.isEmpty()) {
                throw new IllegalStateException(
                        "a kernel needs at least one layer but none was added");
            }
            return new SequentialKernel(input, layers.toArray(new Layer[0]), nonFinite);
        }
    }
}
