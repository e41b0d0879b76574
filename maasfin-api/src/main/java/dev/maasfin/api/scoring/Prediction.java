// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.scoring;

import dev.maasfin.api.model.ModelKind;
import java.util.Objects;

/**
 * The prediction for one input window, tagged with the pipeline version that produced it.
 *
 * <p>What {@link #values()} holds depends on {@link #kind()}: a forecaster's outputs (one per
 * horizon or quantile), a classifier's class probabilities (summing to 1), or an anomaly detector's
 * single score (mean squared reconstruction error, larger is more anomalous) with {@link
 * #flagged()} telling whether it exceeds the detector's calibrated threshold. {@code flagged} is
 * always false for the other kinds.
 *
 * <p>Thread-safe as long as nobody writes into {@link #values()}: the array is not copied (scoring
 * allocates it for this prediction alone), so treat it as read-only.
 *
 * @param version the registry version of the pipeline that scored (0 for a pipeline that never came
 *     from a registry)
 * @param kind what the model predicts
 * @param values the model's outputs for this window
 * @param flagged whether an anomaly score exceeds the threshold (false for other kinds)
 */
public record Prediction(int version, ModelKind kind, float[] values, boolean flagged) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code version < 0} or {@code values} is empty
     * @throws NullPointerException if {@code kind} or {@code values} is null
     */
    public Prediction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(values, "values");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0 but was " + version);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
    }

    /** Returns the first output: the forecast, the first class probability or the anomaly score. */
    public float value() {
        return values[0];
    }

    /**
     * Returns the index of the largest value (the predicted class of a classifier; ties go to the
     * lower index).
     */
    public int argMax() {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
