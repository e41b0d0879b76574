// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.pipeline;

import java.util.Objects;

/**
 * One column of a pipeline's input schema: its name, the closed range of values it accepts, and
 * whether it derives from personal data.
 *
 * <p>Every column is a finite double; {@code min} may be {@link Double#NEGATIVE_INFINITY} and
 * {@code max} {@link Double#POSITIVE_INFINITY} for an open side. A {@code personal} column's values
 * are never written into an error message or a log. Thread-safe: immutable.
 *
 * @param name the column name, not blank
 * @param min the smallest accepted value
 * @param max the largest accepted value, {@code >= min}
 * @param personal whether the column derives from personal data (values stay out of messages)
 */
public record ColumnSpec(String name, double min, double max, boolean personal) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the name is blank, a bound is NaN, or {@code min > max}
     * @throws NullPointerException if {@code name} is null
     */
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException(
                    "column "
                            + name
                            + ": range must satisfy min <= max (no NaN) but was ["
                            + min
                            + ", "
                            + max
                            + "]");
        }
    }

    /**
     * Returns a non-personal column accepting every finite value.
     *
     * @param name the column name
     * @throws IllegalArgumentException if the name is blank
     */
    public static ColumnSpec unbounded(String name) {
        return new ColumnSpec(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
    }

    /** Returns whether {@code value} is finite and within {@code [min, max]}. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }
}
