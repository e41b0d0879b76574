// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The result of one metric on one fold: either a value or the reason the metric is undefined.
 *
 * <p>Use {@link #evaluate} in a fold loop so that a fold with a single class is recorded as
 * undefined instead of being averaged in as 0, 0.5 or NaN (Case 14); {@link FoldAggregate}
 * summarises a list of outcomes. Immutable and thread-safe.
 *
 * @param metric the metric's name
 * @param value the value, or NaN when undefined
 * @param undefinedReason null when defined, else the message of the {@link
 *     UndefinedMetricException}
 */
public record MetricOutcome(String metric, double value, String undefinedReason) {

    /**
     * Creates an outcome.
     *
     * @throws IllegalArgumentException if a defined outcome has a NaN value
     */
    public MetricOutcome {
        Objects.requireNonNull(metric, "metric");
        if (undefinedReason == null && Double.isNaN(value)) {
            throw new IllegalArgumentException(
                    "a defined outcome of " + metric + " must not be NaN");
        }
    }

    /**
     * Runs {@code computation}; an {@link UndefinedMetricException} becomes an undefined outcome,
     * any other exception propagates.
     */
    public static MetricOutcome evaluate(String metric, DoubleSupplier computation) {
        try {
            return new MetricOutcome(metric, computation.getAsDouble(), null);
        } catch (UndefinedMetricException e) {
            return new MetricOutcome(metric, Double.NaN, e.getMessage());
        }
    }

    /** Returns true if the metric had a value. */
    public boolean isDefined() {
        return undefinedReason == null;
    }
}
