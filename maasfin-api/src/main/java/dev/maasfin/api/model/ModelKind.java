// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.model;

/** What a model's output means. */
public enum ModelKind {
    /** Predicts future values of a series (one value per horizon, or quantiles). */
    FORECASTER,
    /** Predicts class probabilities. */
    CLASSIFIER,
    /** Scores how unusual an input is (higher means more anomalous). */
    ANOMALY_DETECTOR
}
