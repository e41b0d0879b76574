// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import java.time.Duration;
import java.util.Objects;

/**
 * The bar spacing a series is expected to have, for {@link CalendarGaps}.
 *
 * <p>Daily cadences compare local dates in the series' zone. Thread-safe: immutable.
 */
public final class Cadence {
    /** The kinds of cadence. */
    public enum Kind {
        /** One bar every calendar day (24/7 markets such as crypto). */
        CALENDAR_DAYS,
        /**
         * One bar every Monday to Friday. Exchange holidays are not known here, so each holiday
         * shows up as a one-day gap.
         */
        WEEKDAYS,
        /** One bar every fixed step, around the clock. */
        FIXED,
        /** One bar every fixed step within each local day; gaps across days are not gaps. */
        FIXED_WITHIN_DAY
    }

    private final Kind kind;
    private final Duration step;

    private Cadence(Kind kind, Duration step) {
        this.kind = kind;
        this.step = step;
    }

    /** Returns the cadence of a 24/7 daily series. */
    public static Cadence calendarDays() {
        return new Cadence(Kind.CALENDAR_DAYS, Duration.ofDays(1));
    }

    /** Returns the cadence of a daily series trading Monday to Friday. */
    public static Cadence weekdays() {
        return new Cadence(Kind.WEEKDAYS, Duration.ofDays(1));
    }

    /**
     * Returns a fixed-step cadence around the clock, e.g. one minute for crypto.
     *
     * @throws IllegalArgumentException if {@code step} is not positive
     */
    public static Cadence every(Duration step) {
        return new Cadence(Kind.FIXED, checkStep(step));
    }

    /**
     * Returns a fixed-step cadence within each local day, e.g. one minute for a stock session.
     *
     * @throws IllegalArgumentException if {@code step} is not positive
     */
    public static Cadence everyWithinDay(Duration step) {
        return new Cadence(Kind.FIXED_WITHIN_DAY, checkStep(step));
    }

    private static Duration checkStep(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero() || step.toMillis() == 0) {
            throw new IllegalArgumentException("step must be >= 1 ms but was " + step);
        }
        return step;
    }

    /** Returns the kind. */
    public Kind kind() {
        return kind;
    }

    /** Returns the step (one day for the daily kinds). */
    public Duration step() {
        return step;
    }

    @Override
    public String toString() {
        return kind == Kind.FIXED || kind == Kind.FIXED_WITHIN_DAY
                ? kind + " " + step
                : kind.name();
    }
}
