// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 1-D temporal convolutional forecaster: input {@code [N, window, features]} (batch first, like
 * the recurrent forecaster), transposed to channels-first, then {@code layers} valid (unpadded)
 * convolutions of {@code kernel} steps with ReLU, flattened, and a dense head with one output per
 * horizon; trained with mean squared error.
 *
 * <p>Each convolution shortens the sequence by {@code kernel - 1} steps, so {@code window - layers
 * * (kernel - 1)} must be at least 1. A window sees only its own rows, so there is no look-ahead
 * beyond what the windows contain. Thread-safe: immutable.
 */
public final class TemporalCnnSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "temporal-cnn";

    private final int window;
    private final int features;
    private final int filters;
    private final int kernel;
    private final int layers;
    private final int horizons;

    private TemporalCnnSpec(Builder b) {
        this.window = b.window;
        this.features = b.features;
        this.filters = b.filters;
        this.kernel = b.kernel;
        this.layers = b.layers;
        this.horizons = b.horizons;
    }

    /** Returns a builder; {@code setWindow} and {@code setFeatures} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.FORECASTER;
    }

    @Override
    public int[] inputShape() {
        return new int[] {window, features};
    }

    @Override
    public int outputWidth() {
        return horizons;
    }

    @Override
    public int labelWidth() {
        return horizons;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("features", features);
        m.put("filters", filters);
        m.put("kernel", kernel);
        m.put("layers", layers);
        m.put("horizons", horizons);
        return m;
    }

    static TemporalCnnSpec fromJson(Map<String, ?> m) {
        return builder()
                .setWindow(JsonValues.intValue(m, "window"))
                .setFeatures(JsonValues.intValue(m, "features"))
                .optFilters(JsonValues.intValue(m, "filters"))
                .optKernel(JsonValues.intValue(m, "kernel"))
                .optLayers(JsonValues.intValue(m, "layers"))
                .optHorizons(JsonValues.intValue(m, "horizons"))
                .build();
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        net.add(new LambdaBlock(x -> new NDList(x.head().transpose(0, 2, 1)), "toChannelsFirst"));
        for (int l = 0; l < layers; l++) {
            net.add(Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters).build())
                    .add(ai.djl.nn.Activation.reluBlock());
        }
        return net.add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(horizons).build());
    }

    @Override
    public Loss newLoss() {
        return Losses.meanSquaredError();
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private int window;
        private int features;
        private int filters = 16;
        private int kernel = 3;
        private int layers = 2;
        private int horizons = 1;

        private Builder() {}

        /** Sets the number of time steps per sample (required). */
        public Builder setWindow(int window) {
            this.window = window;
            return this;
        }

        /** Sets the number of features per time step (required). */
        public Builder setFeatures(int features) {
            this.features = features;
            return this;
        }

        /** Sets the filters per convolution (default 16). */
        public Builder optFilters(int filters) {
            this.filters = filters;
            return this;
        }

        /** Sets the kernel length in time steps (default 3). */
        public Builder optKernel(int kernel) {
            this.kernel = kernel;
            return this;
        }

        /** Sets the number of convolution layers (default 2). */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Sets the number of forecast horizons (default 1). */
        public Builder optHorizons(int horizons) {
            this.horizons = horizons;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value, including a window too short for
         *     the convolutions
         */
        public TemporalCnnSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "window", window);
            Checks.positive(errors, "features", features);
            Checks.positive(errors, "filters", filters);
            Checks.positive(errors, "kernel", kernel);
            Checks.positive(errors, "layers", layers);
            Checks.positive(errors, "horizons", horizons);
            if (errors.isEmpty() && window - layers * (kernel - 1) < 1) {
                errors.add(
                        "window must be > layers * (kernel - 1) = "
                                + layers * (kernel - 1)
                                + " but was "
                                + window);
            }
            Checks.throwIfAny("temporal CNN spec", errors);
            return new TemporalCnnSpec(this);
        }
    }
}
