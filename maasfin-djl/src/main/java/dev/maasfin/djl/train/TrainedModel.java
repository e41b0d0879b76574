// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import dev.maasfin.djl.model.NeuralModel;

/**
 * A freshly trained model and the record of its training. The caller owns the model and closes it.
 *
 * @param model the trained model
 * @param result what the training run did
 */
public record TrainedModel(NeuralModel model, TrainingResult result) {}
