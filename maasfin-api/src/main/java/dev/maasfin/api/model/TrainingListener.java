// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.model;

/**
 * Receives training progress once per epoch.
 *
 * <p>Called on the training thread after each epoch; a slow listener slows training.
 * Implementations need not be thread-safe unless shared between trainings.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every epoch. */
    TrainingListener NONE = (epoch, trainLoss, validationMetric, millis) -> {};

    /**
     * Reports one finished epoch.
     *
     * @param epoch the epoch number, starting at 1
     * @param trainLoss mean training loss over the epoch's samples
     * @param validationMetric the validation metric after the epoch (lower is better), or NaN when
     *     training has no validation data
     * @param millis wall-clock duration of the epoch in milliseconds, validation included
     */
    void onEpoch(int epoch, double trainLoss, double validationMetric, long millis);
}
