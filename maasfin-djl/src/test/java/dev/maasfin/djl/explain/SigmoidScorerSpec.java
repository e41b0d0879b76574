// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import dev.maasfin.djl.model.NetworkSpec;
import java.util.Map;

/** Test network {@code f(x) = sigmoid(w . x + b)}: one dense unit and a sigmoid (case 18). */
final class SigmoidScorerSpec implements NetworkSpec {
    private final int width;

    SigmoidScorerSpec(int width) {
        this.width = width;
    }

    @Override
    public String type() {
        return "test-sigmoid-scorer";
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CLASSIFIER;
    }

    @Override
    public int[] inputShape() {
        return new int[] {width};
    }

    @Override
    public int outputWidth() {
        return 1;
    }

    @Override
    public int labelWidth() {
        return 1;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return Map.of("inputWidth", width);
    }

    @Override
    public Block newBlock() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(1).build())
                .add(Activation::sigmoid);
    }

    @Override
    public Loss newLoss() {
        return Loss.l2Loss();
    }
}
