// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2-D CNN image classifier, e.g. for Gramian angular field or Markov transition field images of
 * price windows: conv 32 3x3, ReLU, max-pool 2, conv 64 3x3, ReLU, max-pool 2, dense 64, ReLU,
 * dense of one logit per class, softmax on prediction.
 *
 * <p>Input {@code [N, channels, height, width]} (channels first). Convolutions are unpadded with
 * stride 1; pooling windows are 2x2 with stride 2 (rounding down), so a 28x28 image reaches the
 * dense layer as 64 x 5 x 5. Training minimises class-weighted softmax cross-entropy as {@link
 * MlpClassifierSpec} does. Thread-safe: immutable.
 */
public final class ImageCnnSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "image-cnn";

    private final int channels;
    private final int height;
    private final int width;
    private final int numClasses;
    private final float[] classWeights;

    private ImageCnnSpec(Builder b) {
        this.channels = b.channels;
        this.height = b.height;
        this.width = b.width;
        this.numClasses = b.numClasses;
        float[] w = b.classWeights;
        if (w == null) {
            w = new float[b.numClasses];
            java.util.Arrays.fill(w, 1f);
        }
        this.classWeights = w.clone();
    }

    /** Returns a builder; image size and number of classes are required. */
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
        return new int[] {channels, height, width};
    }

    @Override
    public int outputWidth() {
        return numClasses;
    }

    @Override
    public int labelWidth() {
        return 1;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", channels);
        m.put("height", height);
        m.put("width", width);
        m.put("numClasses", numClasses);
        List<Double> w = new ArrayList<>();
        for (float v : classWeights) {
            w.add((double) v);
        }
        m.put("classWeights", w);
        return m;
    }

    static ImageCnnSpec fromJson(Map<String, ?> m) {
        return builder()
                .setImage(
                        JsonValues.intValue(m, "channels"),
                        JsonValues.intValue(m, "height"),
                        JsonValues.intValue(m, "width"))
                .setNumClasses(JsonValues.intValue(m, "numClasses"))
                .optClassWeights(JsonValues.floatArray(m, "classWeights"))
                .build();
    }

    @Override
    public Block newBlock() {
        return new SequentialBlock()
                .add(conv(32))
                .add(ai.djl.nn.Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(64))
                .add(ai.djl.nn.Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(ai.djl.nn.Activation.reluBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build();
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
        private int channels;
        private int height;
        private int width;
        private int numClasses;
        private float[] classWeights;

        private Builder() {}

        /** Sets the image shape (required): channels, height and width in pixels. */
        public Builder setImage(int channels, int height, int width) {
            this.channels = channels;
            this.height = height;
            this.width = width;
            return this;
        }

        /** Sets the number of classes (required, >= 2). */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** Sets one positive, finite loss weight per class (default all 1). */
        public Builder optClassWeights(float... weights) {
            this.classWeights = weights.clone();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value; images must be at least 10x10 so
         *     both convolution-pool stages leave at least one pixel
         */
        public ImageCnnSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "channels", channels);
            if (height < 10 || width < 10) {
                errors.add("image must be at least 10x10 pixels but was " + height + "x" + width);
            }
            if (numClasses < 2) {
                errors.add("numClasses must be >= 2 but was " + numClasses);
            }
            if (classWeights != null && classWeights.length != numClasses) {
                errors.add(
                        "classWeights must hold numClasses = "
                                + numClasses
                                + " values but held "
                                + classWeights.length);
            }
            if (classWeights != null) {
                for (float w : classWeights) {
                    if (!(w > 0) || Float.isInfinite(w)) {
                        errors.add("classWeights must be positive and finite but held " + w);
                        break;
                    }
                }
            }
            Checks.throwIfAny("image CNN spec", errors);
            return new ImageCnnSpec(this);
        }
    }
}
