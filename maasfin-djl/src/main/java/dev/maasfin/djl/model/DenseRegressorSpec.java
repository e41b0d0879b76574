// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense regressor: zero or more hidden layers with an activation, then a linear layer of {@code
 * outputs} values; trained with mean squared error. With no hidden layer it is linear regression
 * {@code y = W x + b}. Thread-safe: immutable.
 */
public final class DenseRegressorSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "dense-regressor";

    private final int inputWidth;
    private final int outputs;
    private final int[] hidden;
    private final Activation activation;

    private DenseRegressorSpec(Builder b) {
        this.inputWidth = b.inputWidth;
        this.outputs = b.outputs;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
    }

    /** Returns a builder; {@code setInputWidth} is required. */
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
        return new int[] {inputWidth};
    }

    @Override
    public int outputWidth() {
        return outputs;
    }

    @Override
    public int labelWidth() {
        return outputs;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputWidth", inputWidth);
        m.put("outputs", outputs);
        m.put("hiddenWidths", DenseAutoencoderSpec.toList(hidden));
        m.put("activation", activation.name());
        return m;
    }

    static DenseRegressorSpec fromJson(Map<String, ?> m) {
        return builder()
                .setInputWidth(JsonValues.intValue(m, "inputWidth"))
                .optOutputs(JsonValues.intValue(m, "outputs"))
                .optHiddenWidths(JsonValues.intArray(m, "hiddenWidths"))
                .optActivation(Activation.valueOf(JsonValues.string(m, "activation")))
                .build();
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        for (int width : hidden) {
            net.add(Linear.builder().setUnits(width).build()).add(activation.block());
        }
        return net.add(Linear.builder().setUnits(outputs).build());
    }

    @Override
    public Loss newLoss() {
        return Losses.meanSquaredError();
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private int inputWidth;
        private int outputs = 1;
        private int[] hidden = {};
        private Activation activation = Activation.RELU;

        private Builder() {}

        /** Sets the number of input features (required, >= 1). */
        public Builder setInputWidth(int inputWidth) {
            this.inputWidth = inputWidth;
            return this;
        }

        /** Sets the number of outputs (default 1). */
        public Builder optOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** Sets the hidden layer widths (default none: linear regression). */
        public Builder optHiddenWidths(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /** Sets the hidden activation (default {@link Activation#RELU}). */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value
         */
        public DenseRegressorSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "inputWidth", inputWidth);
            Checks.positive(errors, "outputs", outputs);
            if (hidden.length > 0) {
                Checks.widths(errors, "hiddenWidths", hidden);
            }
            if (activation == null) {
                errors.add("activation is missing");
            }
            Checks.throwIfAny("dense regressor spec", errors);
            return new DenseRegressorSpec(this);
        }
    }
}
