// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CalendarGapsTest {
    private static final Path DATA = DataDirectory.resolve();

    private static BarSeries bars(ZoneId zone, String... isoInstants) {
        int n = isoInstants.length;
        long[] t = new long[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Instant.parse(isoInstants[i]).toEpochMilli();
            p[i] = 1.0;
        }
        return new BarSeries("s", zone, t, p, p, p, p, null, null);
    }

    @Test
    void weekdays_ignoreWeekendsButReportAMissingFriday() {
        // Thu 2020-01-02, (Fri 01-03 missing), Mon 01-06, Tue 01-07, then Mon 01-13.
        BarSeries s =
                bars(
                        ZoneOffset.UTC,
                        "2020-01-02T00:00:00Z",
                        "2020-01-06T00:00:00Z",
                        "2020-01-07T00:00:00Z",
                        "2020-01-13T00:00:00Z");

        CalendarGaps.Report r = CalendarGaps.report(s, Cadence.weekdays());

        // Gap 1: Fri 01-03 (1 weekday). Gap 2: Wed 8, Thu 9, Fri 10 (3 weekdays).
        assertEquals(2, r.gaps().size());
        assertEquals(1, r.gaps().get(0).index());
        assertEquals(1, r.gaps().get(0).missingBars());
        assertEquals(3, r.gaps().get(1).missingBars());
        assertEquals(4, r.totalMissingBars());
        assertEquals(4, s.size(), "no bar is inserted");
    }

    @Test
    void calendarDays_reportEveryMissingDayIncludingWeekends() {
        // Fri 01-03 -> Mon 01-06: Saturday and Sunday are missing for a 24/7 market.
        BarSeries s = bars(ZoneOffset.UTC, "2020-01-03T00:00:00Z", "2020-01-06T00:00:00Z");

        assertEquals(2, CalendarGaps.report(s, Cadence.calendarDays()).totalMissingBars());
        assertTrue(CalendarGaps.report(s, Cadence.weekdays()).isComplete());
    }

    @Test
    void everyMinute_reportsMissingMinutes() {
        // 10:00, 10:01, 10:05 -> 10:02, 10:03, 10:04 missing = ceil(4 min / 1 min) - 1 = 3.
        BarSeries s =
                bars(
                        ZoneOffset.UTC,
                        "2020-01-02T10:00:00Z",
                        "2020-01-02T10:01:00Z",
                        "2020-01-02T10:05:00Z");

        CalendarGaps.Report r = CalendarGaps.report(s, Cadence.every(Duration.ofMinutes(1)));

        assertEquals(1, r.gaps().size());
        assertEquals(3, r.gaps().get(0).missingBars());
        assertEquals(Instant.parse("2020-01-02T10:01:00Z"), r.gaps().get(0).before());
    }

    @Test
    void everyMinuteWithinDay_ignoresTheOvernightBreak() {
        ZoneId ny = ZoneId.of("America/New_York");
        // 16:00 EST on 12-15 (21:00Z) to 09:30 EST on 12-16 (14:30Z): a new session, no gap.
        BarSeries s =
                bars(ny, "2020-12-15T21:00:00Z", "2020-12-16T14:30:00Z", "2020-12-16T14:32:00Z");

        CalendarGaps.Report r =
                CalendarGaps.report(s, Cadence.everyWithinDay(Duration.ofMinutes(1)));

        // Only 09:31 is missing.
        assertEquals(1, r.totalMissingBars());
        assertEquals(2, r.gaps().get(0).index());
    }

    @Test
    void every_whenStepIsZero_namesTheStep() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Cadence.every(Duration.ZERO));

        assertEquals("step must be >= 1 ms but was PT0S", e.getMessage());
    }

    @Test
    void btcPerp1m_hasNoMissingMinute() throws IOException {
        BarSeries s =
                BarCsvLoader.defaults()
                        .load(
                                DataDirectory.require(
                                        DATA, "btc-perp-1m/btc-perp-20211231-20220201_1m.csv"));

        // README: "no missing minutes (45,031 consecutive minutes)".
        assertTrue(CalendarGaps.report(s, Cadence.every(Duration.ofMinutes(1))).isComplete());
    }

    @Test
    void btcUsdDaily_hasNoMissingCalendarDay() throws IOException {
        BarSeries s =
                BarCsvLoader.defaults()
                        .load(DataDirectory.require(DATA, "btc-usd-daily/bitcoin.csv"));

        // README: "1,246 consecutive calendar days, no gaps, weekends included".
        assertTrue(CalendarGaps.report(s, Cadence.calendarDays()).isComplete());
    }

    @Test
    void intraday1m_hasNoMissingMinuteWithinASession() throws IOException {
        BarSeries s =
                BarCsvLoader.builder()
                        .optZone(ZoneId.of("America/New_York"))
                        .build()
                        .load(DataDirectory.require(DATA, "intraday-1m/intraday.csv"));

        // README: "391 bars per day, 09:30 to 16:00 inclusive ... no missing minutes".
        assertTrue(
                CalendarGaps.report(s, Cadence.everyWithinDay(Duration.ofMinutes(1))).isComplete());
        // Around the clock, each of the three overnight breaks (16:00 -> 09:30 next day,
        // 17.5 h = 1,050 minutes) is missing 1,049 minutes.
        assertEquals(
                3 * 1049,
                CalendarGaps.report(s, Cadence.every(Duration.ofMinutes(1))).totalMissingBars());
    }
}
