// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a training run did: per-epoch losses and validation metrics, the best epoch and whether it
 * stopped early.
 *
 * <p>Thread-safe: immutable (arrays copied out).
 *
 * @param trainLoss mean training loss per epoch run
 * @param validationMetric validation metric per epoch run (NaN without validation data)
 * @param bestEpoch the epoch (from 1) whose parameters the model holds
 * @param stoppedEarly whether early stopping ended training before the maximum epochs
 * @param millis wall-clock duration of the whole run
 */
public record TrainingResult(
        double[] trainLoss,
        double[] validationMetric,
        int bestEpoch,
        boolean stoppedEarly,
        long millis) {

    /** Copies the arrays in. */
    public TrainingResult {
        trainLoss = trainLoss.clone();
        validationMetric = validationMetric.clone();
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validationMetric() {
        return validationMetric.clone();
    }

    /** Returns the number of epochs run. */
    public int epochs() {
        return trainLoss.length;
    }

    /** Returns a JSON-friendly summary saved in artifacts. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs());
        m.put("bestEpoch", bestEpoch);
        m.put("stoppedEarly", stoppedEarly);
        m.put("finalTrainLoss", trainLoss[trainLoss.length - 1]);
        double v = validationMetric[bestEpoch - 1];
        if (!Double.isNaN(v)) {
            m.put("bestValidationMetric", v);
        }
        m.put("millis", millis);
        return m;
    }
}
