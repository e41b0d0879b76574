// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.util.Objects;

/**
 * One repair a lenient load made: where, what and why.
 *
 * <p>Thread-safe: immutable.
 *
 * @param line the 1-based file line of the row concerned
 * @param column the column concerned, or {@code null} when the whole row is concerned
 * @param action what was done
 * @param reason why, naming the offending value and the rule it broke
 */
public record Repair(long line, String column, Action action, String reason) {

    /** What a repair did. */
    public enum Action {
        /** The row was left out because a value could not be parsed or broke a rule. */
        DROPPED_ROW,
        /** The row was left out because a later row in the file has the same time. */
        DROPPED_DUPLICATE,
        /** The row was out of time order and was moved to its place. */
        REORDERED
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code line < 1}
     * @throws NullPointerException if {@code action} or {@code reason} is {@code null}
     */
    public Repair {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1 but was " + line);
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line "
                + line
                + (column == null ? "" : ", column '" + column + "'")
                + ": "
                + action
                + " ("
                + reason
                + ")";
    }
}
