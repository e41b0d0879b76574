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
 * A dense autoencoder: input width {@code d}, hidden widths (default 16, 8, 16), output width
 * {@code d}; an activation after each hidden layer, a linear output layer.
 *
 * <p>Trained on normal rows to reconstruct them under mean squared error; see {@link
 * AutoencoderDetector} for scores and thresholds. Thread-safe: immutable.
 */
public final class DenseAutoencoderSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "dense-autoencoder";

    private final int inputWidth;
    private final int[] hidden;
    private final Activation activation;

    private DenseAutoencoderSpec(Builder b) {
        this.inputWidth = b.inputWidth;
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
        return ModelKind.ANOMALY_DETECTOR;
    }

    @Override
    public int[] inputShape() {
        return new int[] {inputWidth};
    }

    @Override
    public int outputWidth() {
        return inputWidth;
    }

    @Override
    public int labelWidth() {
        return inputWidth;
    }

    /** Returns the hidden layer widths, encoder to decoder. */
    public int[] hiddenWidths() {
        return hidden.clone();
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputWidth", inputWidth);
        m.put("hiddenWidths", toList(hidden));
        m.put("activation", activation.name());
        return m;
    }

    static DenseAutoencoderSpec fromJson(Map<String, ?> m) {
        return builder()
                .setInputWidth(JsonValues.intValue(m, "inputWidth"))
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
        return net.add(Linear.builder().setUnits(inputWidth).build());
    }

    @Override
    public Loss newLoss() {
        return Losses.meanSquaredError();
    }

    static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private int inputWidth;
        private int[] hidden = {16, 8, 16};
        private Activation activation = Activation.TANH;

        private Builder() {}

        /** Sets the number of input features (required, >= 1). */
        public Builder setInputWidth(int inputWidth) {
            this.inputWidth = inputWidth;
            return this;
        }

        /** Sets the hidden layer widths (default 16, 8, 16; each >= 1, at least one layer). */
        public Builder optHiddenWidths(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /** Sets the hidden activation (default {@link Activation#TANH}). */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value: inputWidth < 1, no hidden layer,
         *     a hidden width < 1, a null activation
         */
        public DenseAutoencoderSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "inputWidth", inputWidth);
            Checks.widths(errors, "hiddenWidths", hidden);
            if (activation == null) {
                errors.add("activation is missing");
            }
            Checks.throwIfAny("dense autoencoder spec", errors);
            return new DenseAutoencoderSpec(this);
        }
    }
}
