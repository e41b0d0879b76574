// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Header, time-format, zone, zero-volume and price-basis variants. */
class BarCsvLoaderParsingTest {
    private static final String BAR = ",10,12,9,11,100\n";

    private static BarSeries load(BarCsvLoader loader, String csv) throws IOException {
        return loader.loadWithReport(new StringReader(csv), "bars.csv").data();
    }

    private static BarSeries load(String csv) throws IOException {
        return load(BarCsvLoader.defaults(), csv);
    }

    @Test
    void load_withByteOrderMark_readsTheFirstHeader() throws IOException {
        BarSeries s = load("\uFEFFdate,open,high,low,close,volume\n2020-01-02" + BAR);

        assertEquals(Instant.parse("2020-01-02T00:00:00Z"), s.time(0));
    }

    @Test
    void load_withUpperCaseHeaders_matchesIgnoringCase() throws IOException {
        BarSeries s = load("DATE,OPEN,HIGH,LOW,CLOSE,VOLUME\n2020-01-02" + BAR);

        assertEquals(11.0, s.close(0));
        assertEquals(100.0, s.volume(0));
    }

    @Test
    void load_withMixedCaseAndSpacedHeaders_findsAdjClose() throws IOException {
        BarSeries s =
                load("Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,12,9,11,10.5,100\n");

        assertTrue(s.hasAdjustedClose());
        assertEquals(10.5, s.adjustedCloses().orElseThrow()[0]);
    }

    @Test
    void load_withExtraColumnsInAnyOrder_usesHeaderNames() throws IOException {
        BarSeries s = load("symbol,close,low,high,open,timestamp\nX,11,9,12,10,2020-01-02\n");

        assertEquals(10.0, s.open(0));
        assertEquals(12.0, s.high(0));
        assertTrue(Double.isNaN(s.volume(0)), "no volume column means not reported");
    }

    @Test
    void load_withHeaderOverride_mapsAnUnknownHeader() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optHeader(BarColumn.TIME, "trade_day").build();

        BarSeries s = load(loader, "Trade Day,open,high,low,close\n2020-01-02,10,12,9,11\n");

        assertEquals(Instant.parse("2020-01-02T00:00:00Z"), s.time(0));
    }

    @Test
    void load_withUsDates_readsMonthFirst() throws IOException {
        BarSeries s = load("date,open,high,low,close,volume\n1/2/1990" + BAR + "12/31/1990" + BAR);

        assertEquals(Instant.parse("1990-01-02T00:00:00Z"), s.time(0));
        assertEquals(Instant.parse("1990-12-31T00:00:00Z"), s.time(1));
    }

    @Test
    void load_withIsoDatesAndNewYorkZone_startsEachDayAtLocalMidnight() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optZone(ZoneId.of("America/New_York")).build();

        BarSeries s =
                load(
                        loader,
                        "date,open,high,low,close\n2020-01-02,10,12,9,11\n"
                                + "2020-07-01,10,12,9,11\n");

        // EST is UTC-5 in January, EDT UTC-4 in July.
        assertEquals(Instant.parse("2020-01-02T05:00:00Z"), s.time(0));
        assertEquals(Instant.parse("2020-07-01T04:00:00Z"), s.time(1));
    }

    @Test
    void load_localTimesAcrossDaylightSavingStart_useEachSidesOffset() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optZone(ZoneId.of("America/New_York")).build();

        // 2021-03-14: clocks jump from 02:00 EST to 03:00 EDT. 01:59 is UTC-5, 03:00 is UTC-4;
        // 02:30 does not exist and moves forward by the one-hour gap, to 03:30 EDT (07:30Z).
        BarSeries s =
                load(
                        loader,
                        "time,open,high,low,close\n"
                                + "2021-03-14 01:59,10,12,9,11\n"
                                + "2021-03-14 02:30,10,12,9,11\n"
                                + "2021-03-14 03:31,10,12,9,11\n"
                                + "2021-03-15 09:30,10,12,9,11\n");

        assertEquals(Instant.parse("2021-03-14T06:59:00Z"), s.time(0));
        assertEquals(Instant.parse("2021-03-14T07:30:00Z"), s.time(1));
        assertEquals(Instant.parse("2021-03-14T07:31:00Z"), s.time(2));
        assertEquals(Instant.parse("2021-03-15T13:30:00Z"), s.time(3));
    }

    @Test
    void load_withLocalDateTimeWithFraction_truncatesToMillis() throws IOException {
        BarSeries s =
                load(
                        "timestamp,open,high,low,close\n"
                                + "2021-12-31 23:01:00.123456,10,12,9,11\n"
                                + "2021-12-31T23:02,10,12,9,11\n");

        assertEquals(Instant.parse("2021-12-31T23:01:00.123Z"), s.time(0));
        assertEquals(Instant.parse("2021-12-31T23:02:00Z"), s.time(1));
    }

    @Test
    void load_withZonedDateTimes_usesTheWrittenOffset() throws IOException {
        BarSeries s =
                load(
                        "time,open,high,low,close\n"
                                + "2020-01-02T09:30:00-05:00,10,12,9,11\n"
                                + "2020-01-02 14:31:00Z,10,12,9,11\n"
                                + "2020-01-02T09:32-05:00[America/New_York],10,12,9,11\n");

        assertEquals(Instant.parse("2020-01-02T14:30:00Z"), s.time(0));
        assertEquals(Instant.parse("2020-01-02T14:31:00Z"), s.time(1));
        assertEquals(Instant.parse("2020-01-02T14:32:00Z"), s.time(2));
    }

    @Test
    void load_withEpochSeconds_detectsTenDigits() throws IOException {
        // 1577836800 s = 18262 days * 86400 s = 2020-01-01T00:00Z (18262 days from 1970 to 2020).
        BarSeries s = load("time,open,high,low,close\n1577836800,10,12,9,11\n");

        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), s.time(0));
    }

    @Test
    void load_withEpochMillis_detectsThirteenDigits() throws IOException {
        BarSeries s = load("time,open,high,low,close\n1577836800500,10,12,9,11\n");

        assertEquals(Instant.parse("2020-01-01T00:00:00.500Z"), s.time(0));
    }

    @Test
    void load_withForcedFormat_readsShortEpochSeconds() throws IOException {
        BarCsvLoader loader =
                BarCsvLoader.builder().optTimeFormat(TimeFormat.EPOCH_SECONDS).build();

        BarSeries s = load(loader, "time,open,high,low,close\n86400,10,12,9,11\n");

        assertEquals(Instant.parse("1970-01-02T00:00:00Z"), s.time(0));
    }

    @Test
    void detect_recognisesEachFormatAndRefusesAmbiguousText() {
        assertEquals(TimeFormat.ISO_DATE, TimeParser.detect("2020-01-02"));
        assertEquals(TimeFormat.US_DATE, TimeParser.detect("3/10/2022"));
        assertEquals(TimeFormat.ISO_LOCAL_DATE_TIME, TimeParser.detect("2020-01-02 09:30"));
        assertEquals(TimeFormat.ISO_ZONED_DATE_TIME, TimeParser.detect("2020-01-02T09:30Z"));
        assertEquals(TimeFormat.EPOCH_SECONDS, TimeParser.detect("1577836800"));
        assertEquals(TimeFormat.EPOCH_MILLIS, TimeParser.detect("1577836800000"));
        // Eight digits could be yyyyMMdd or a 1970s epoch second: not guessed.
        assertNull(TimeParser.detect("20200102"));
        assertNull(TimeParser.detect("02.01.2020"));
    }

    @Test
    void epochDay_matchesHandCountedDays() {
        assertEquals(0, TimeParser.epochDay(1970, 1, 1));
        assertEquals(-1, TimeParser.epochDay(1969, 12, 31));
        // 30 years 1970..1999 = 30*365 + 7 leap days (72,76,80,84,88,92,96) = 10,957.
        assertEquals(10_957, TimeParser.epochDay(2000, 1, 1));
        // + 31 (January) + 29 (February 2000 is a leap month) = 11,017.
        assertEquals(11_017, TimeParser.epochDay(2000, 3, 1));
        assertThrows(java.time.DateTimeException.class, () -> TimeParser.epochDay(1900, 2, 29));
    }

    @Test
    void zeroVolume_leadingPolicy_keepsLaterZerosAsZero() throws IOException {
        LoadResult<BarSeries> r =
                BarCsvLoader.defaults()
                        .loadWithReport(
                                new StringReader(
                                        "date,open,high,low,close,volume\n"
                                                + "2020-01-01,10,12,9,11,0\n"
                                                + "2020-01-02,10,12,9,11,0\n"
                                                + "2020-01-03,10,12,9,11,5\n"
                                                + "2020-01-04,10,12,9,11,0\n"),
                                "v.csv");

        assertEquals(2, r.report().zeroVolumeAsMissing());
        assertTrue(Double.isNaN(r.data().volume(1)));
        assertEquals(5.0, r.data().volume(2));
        assertEquals(0.0, r.data().volume(3));
    }

    @Test
    void zeroVolume_asMissing_turnsEveryZeroIntoNaN() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optZeroVolume(ZeroVolume.AS_MISSING).build();
        LoadResult<BarSeries> r =
                loader.loadWithReport(
                        new StringReader(
                                "date,open,high,low,close,volume\n2020-01-01,10,12,9,11,0\n"
                                        + "2020-01-02,10,12,9,11,3\n2020-01-03,10,12,9,11,0\n"),
                        "v.csv");

        assertEquals(2, r.report().zeroVolumeAsMissing());
        assertTrue(Double.isNaN(r.data().volume(2)));
    }

    @Test
    void emptyVolumeField_isNotReportedNotAnError() throws IOException {
        BarSeries s = load("date,open,high,low,close,volume\n2020-01-02,10,12,9,11,\n");

        assertTrue(Double.isNaN(s.volume(0)));
    }

    @Test
    void adjustedBasis_scalesOpenHighLowByAdjOverClose() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optPriceBasis(PriceBasis.ADJUSTED).build();

        BarSeries s =
                load(loader, "date,open,high,low,close,adj close\n2020-01-02,10,12,8,11,5.5\n");

        // ratio = 5.5 / 11 = 0.5: open 10 -> 5, high 12 -> 6, low 8 -> 4, close -> 5.5.
        assertEquals(5.0, s.open(0));
        assertEquals(6.0, s.high(0));
        assertEquals(4.0, s.low(0));
        assertEquals(5.5, s.close(0));
        assertFalse(Double.isNaN(s.adjustedCloses().orElseThrow()[0]));
    }
}
