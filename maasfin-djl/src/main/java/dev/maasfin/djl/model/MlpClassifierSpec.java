// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron classifier: dense hidden layers with an activation (and optional
 * dropout), a linear layer of one logit per class, softmax on prediction.
 *
 * <p>Labels are class indices {@code 0..numClasses-1}. Training minimises class-weighted softmax
 * cross-entropy, the mean over samples of {@code w[y] * -log p[y]}; weights above 1 for the rare
 * class counter imbalance (e.g. {@code n / (numClasses * n_c)}). A binary problem uses two classes
 * (softmax over two logits, equivalent to a sigmoid on their difference); the prediction is one
 * probability per class. Thread-safe: immutable.
 */
public final class MlpClassifierSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "mlp-classifier";

    private final int inputWidth;
    private final int numClasses;
    private final int[] hidden;
    private final Activation activation;
    private final float dropout;
    private final float[] classWeights;

    private MlpClassifierSpec(Builder b) {
        this.inputWidth = b.inputWidth;
        this.numClasses = b.numClasses;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.dropout = b.dropout;
        this.classWeights = b.weightsOrOnes();
    }

    /** Returns a builder; {@code setInputWidth} and {@code setNumClasses} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CLASSIFIER;
    }

    @Override
    public int[] inputShape() {
        return new int[] {inputWidth};
    }

    @Override
    public int outputWidth() {
        return numClasses;
    }

    @Override
    public int labelWidth() {
        return 1;
    }

    /** Returns the class weights of the training loss. */
    public float[] classWeights() {
        return classWeights.clone();
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputWidth", inputWidth);
        m.put("numClasses", numClasses);
        m.put("hiddenWidths", DenseAutoencoderSpec.toList(hidden));
        m.put("activation", activation.name());
        m.put("dropout", (double) dropout);
        List<Double> w = new ArrayList<>();
        for (float v : classWeights) {
            w.add((double) v);
        }
        m.put("classWeights", w);
        return m;
    }

    static MlpClassifierSpec fromJson(Map<String, ?> m) {
        return builder()
                .setInputWidth(JsonValues.intValue(m, "inputWidth"))
                .setNumClasses(JsonValues.intValue(m, "numClasses"))
                .optHiddenWidths(JsonValues.intArray(m, "hiddenWidths"))
                .optActivation(Activation.valueOf(JsonValues.string(m, "activation")))
                .optDropout((float) JsonValues.doubleValue(m, "dropout"))
                .optClassWeights(JsonValues.floatArray(m, "classWeights"))
                .build();
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        for (int width : hidden) {
            net.add(Linear.builder().setUnits(width).build()).add(activation.block());
            if (dropout > 0) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
        }
        return net.add(Linear.builder().setUnits(numClasses).build());
    }

    @Override
    public Loss newLoss() {
        return Losses.weightedSoftmaxCrossEntropy(classWeights);
    }

    @Override
    public OutputActivation outputActivation() {
        return OutputActivation.SOFTMAX;
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private int inputWidth;
        private int numClasses;
        private int[] hidden = {32};
        private Activation activation = Activation.RELU;
        private float dropout;
        private float[] classWeights;

        private Builder() {}

        /** Sets the number of input features (required, >= 1). */
        public Builder setInputWidth(int inputWidth) {
            this.inputWidth = inputWidth;
            return this;
        }

        /** Sets the number of classes (required, >= 2). */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** Sets the hidden layer widths (default 32). */
        public Builder optHiddenWidths(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /** Sets the hidden activation (default {@link Activation#RELU}). */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** Sets the dropout rate after each hidden layer during training (default 0, none). */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** Sets one positive, finite loss weight per class (default all 1). */
        public Builder optClassWeights(float... weights) {
            this.classWeights = weights.clone();
            return this;
        }

        private float[] weightsOrOnes() {
            if (classWeights != null) {
                return classWeights.clone();
            }
            float[] ones = new float[numClasses];
            Arrays.fill(ones, 1f);
            return ones;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value: inputWidth < 1, numClasses < 2,
         *     bad hidden widths, dropout outside [0, 1), class weights of the wrong count or not
         *     positive and finite
         */
        public MlpClassifierSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "inputWidth", inputWidth);
            if (numClasses < 2) {
                errors.add("numClasses must be >= 2 but was " + numClasses);
            }
            Checks.widths(errors, "hiddenWidths", hidden);
            Checks.fraction(errors, "dropout", dropout);
            if (activation == null) {
                errors.add("activation is missing");
            }
            checkWeights(errors);
            Checks.throwIfAny("MLP classifier spec", errors);
            return new MlpClassifierSpec(this);
        }

        private void checkWeights(List<String> errors) {
            if (classWeights == null) {
                return;
            }
            if (classWeights.length != numClasses) {
                errors.add(
                        "classWeights must hold numClasses = "
                                + numClasses
                                + " values but held "
                                + classWeights.length);
            }
            for (int c = 0; c < classWeights.length; c++) {
                if (!(classWeights[c] > 0) || Float.isInfinite(classWeights[c])) {
                    errors.add(
                            "classWeights["
                                    + c
                                    + "] must be positive and finite but was "
                                    + classWeights[c]);
                }
            }
        }
    }
}
