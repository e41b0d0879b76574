// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

/** Whether the tuner looks for the smallest or the largest validation metric. Thread-safe. */
public enum Direction {
    /** Smaller is better, e.g. a loss such as QLIKE or RMSE. */
    MINIMISE,
    /** Larger is better, e.g. ROC-AUC. */
    MAXIMISE;

    /**
     * Returns a comparator key: the metric itself when minimising, its negation when maximising.
     */
    double key(double metric) {
        return this == MINIMISE ? metric : -metric;
    }
}
