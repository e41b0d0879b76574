// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Calendar features of bar times, taken in an explicit time zone.
 *
 * <p>{@link #dayOfWeek}: ISO day of week, 1 = Monday .. 7 = Sunday. {@link #monthEnd}: 1.0 when the
 * bar's local date is the last weekday (Monday–Friday) of its month, else 0.0. The month-end flag
 * uses the weekday calendar only: it knows no exchange holidays (a month whose last weekday is a
 * holiday has no flagged bar), and it never looks at the next bar, so it has no look-ahead. No
 * warm-up.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class CalendarFeatures {
    private CalendarFeatures() {}

    /**
     * Returns the ISO day of week (1–7) of each time.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static double[] dayOfWeek(long[] epochMillis, ZoneId zone) {
        double[] out = new double[Objects.requireNonNull(epochMillis, "epochMillis").length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dayOfWeek(epochMillis[i], zone);
        }
        return out;
    }

    /**
     * Returns 1.0 for times on the last weekday of their month, else 0.0.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static double[] monthEnd(long[] epochMillis, ZoneId zone) {
        double[] out = new double[Objects.requireNonNull(epochMillis, "epochMillis").length];
        for (int i = 0; i < out.length; i++) {
            out[i] = monthEnd(epochMillis[i], zone);
        }
        return out;
    }

    static double dayOfWeek(long epochMillis, ZoneId zone) {
        return date(epochMillis, zone).getDayOfWeek().getValue();
    }

    static double monthEnd(long epochMillis, ZoneId zone) {
        LocalDate date = date(epochMillis, zone);
        return date.equals(lastWeekday(date)) ? 1.0 : 0.0;
    }

    private static LocalDate lastWeekday(LocalDate date) {
        LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
        while (last.getDayOfWeek() == DayOfWeek.SATURDAY
                || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
            last = last.minusDays(1);
        }
        return last;
    }

    private static LocalDate date(long epochMillis, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }
}
