// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.maasfin.api.model.ModelKind;
import java.util.Map;

/**
 * The architecture of a network: everything needed to rebuild its block, and its training loss.
 *
 * <p>A spec is the unfitted configuration; {@link NeuralModel} is the fitted network. {@link
 * #hyperParameters()} is saved in an artifact's {@code model.json} and {@link
 * NetworkSpecs#fromJson} rebuilds an equal spec from it. The methods returning DJL types form
 * maasfin-djl's internal SPI (used by the trainer and the artifact writer) and are not meant for
 * hosts. Implementations are immutable and thread-safe.
 */
public interface NetworkSpec {

    /**
     * Returns the architecture name saved in {@code model.json}, e.g. {@code dense-autoencoder}.
     */
    String type();

    /** Returns what the model's outputs mean. */
    ModelKind kind();

    /** Returns the shape of one input sample. */
    int[] inputShape();

    /** Returns the number of network outputs per sample. */
    int outputWidth();

    /** Returns the number of label values per training sample. */
    int labelWidth();

    /** Returns the hyper-parameters as JSON-friendly values (numbers, strings, lists). */
    Map<String, Object> hyperParameters();

    /** Returns a new, uninitialised DJL block of this architecture (SPI). */
    Block newBlock();

    /**
     * Returns the training loss (SPI); the trainer also reports it on validation data as the
     * validation metric, so lower is better.
     */
    Loss newLoss();

    /**
     * Returns how the block's raw output becomes the prediction, e.g. logits to probabilities; the
     * training loss sees the raw output.
     */
    default OutputActivation outputActivation() {
        return OutputActivation.IDENTITY;
    }

    /**
     * Overwrites the freshly initialised parameters of {@code block} where the spec asks for a
     * scheme other than DJL's per-parameter defaults (SPI, called once by {@link
     * NeuralModel#create}); the default keeps DJL's values.
     *
     * @param block this spec's block, initialised
     * @param seed the model's seed; a spec drawing values must draw them from a generator seeded by
     *     it so the same seed gives the same parameters
     */
    default void initializeParameters(Block block, int seed) {}
}
