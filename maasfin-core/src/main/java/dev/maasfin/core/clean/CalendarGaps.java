// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import dev.maasfin.api.data.BarSeries;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reports where a bar series has fewer bars than its cadence expects; never inserts bars.
 *
 * <p>Between two consecutive bars the number of missing bars is: for {@link Cadence#calendarDays()}
 * the calendar days strictly between their local dates; for {@link Cadence#weekdays()} the Mondays
 * to Fridays strictly between them (weekends are not gaps, holidays are); for a fixed step {@code
 * ceil(Δt / step) - 1} (a bar closer than one step is not a gap); for a step within the day the
 * same, but only when both bars fall on the same local date. Local dates use the series' zone. Cost
 * O(n) plus the length of weekday gaps.
 *
 * <p>Thread-safe: stateless.
 */
public final class CalendarGaps {
    private CalendarGaps() {}

    /**
     * One gap: bars {@code index - 1} and {@code index} are further apart than the cadence allows.
     * Thread-safe: immutable.
     *
     * @param index the index of the first bar after the gap
     * @param before the time of the bar before the gap
     * @param after the time of the bar after the gap
     * @param missingBars how many bars the cadence expected in between
     */
    public record Gap(int index, Instant before, Instant after, long missingBars) {}

    /**
     * The gaps found in one series. Thread-safe: immutable.
     *
     * @param series the series name
     * @param cadence the cadence checked against
     * @param gaps the gaps in time order
     */
    public record Report(String series, Cadence cadence, List<Gap> gaps) {
        /** Copies the list. */
        public Report {
            gaps = List.copyOf(gaps);
        }

        /** Returns the total number of missing bars over all gaps. */
        public long totalMissingBars() {
            return gaps.stream().mapToLong(Gap::missingBars).sum();
        }

        /** Returns whether the series has no gap. */
        public boolean isComplete() {
            return gaps.isEmpty();
        }
    }

    /**
     * Lists the gaps of {@code series} against {@code cadence}.
     *
     * @param series the bars
     * @param cadence the expected spacing
     * @return the report; empty when no bar is missing
     */
    public static Report report(BarSeries series, Cadence cadence) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(cadence, "cadence");
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            long missing = missingBetween(series, i - 1, i, cadence);
            if (missing > 0) {
                gaps.add(new Gap(i, series.time(i - 1), series.time(i), missing));
            }
        }
        return new Report(series.name(), cadence, gaps);
    }

    private static long missingBetween(BarSeries s, int a, int b, Cadence cadence) {
        switch (cadence.kind()) {
            case CALENDAR_DAYS:
                return Math.max(0, ChronoUnit.DAYS.between(date(s, a), date(s, b)) - 1);
            case WEEKDAYS:
                return weekdaysStrictlyBetween(date(s, a), date(s, b));
            case FIXED_WITHIN_DAY:
                if (!date(s, a).equals(date(s, b))) {
                    return 0;
                }
                return missingSteps(s, a, b, cadence);
            default:
                return missingSteps(s, a, b, cadence);
        }
    }

    private static long missingSteps(BarSeries s, int a, int b, Cadence cadence) {
        long step = cadence.step().toMillis();
        long delta = s.epochMillis(b) - s.epochMillis(a);
        return Math.max(0, Math.floorDiv(delta + step - 1, step) - 1);
    }

    private static LocalDate date(BarSeries s, int i) {
        return LocalDate.ofInstant(s.time(i), s.zone());
    }

    private static long weekdaysStrictlyBetween(LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
