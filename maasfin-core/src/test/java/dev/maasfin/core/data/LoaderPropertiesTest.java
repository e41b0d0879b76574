// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded invariants of the loaders (QuickTheories inside JUnit 5). */
class LoaderPropertiesTest {

    /**
     * Dates the random runs cannot be relied on to hit, checked on every run: both ends of each
     * generated range, the epoch itself, years divisible by 400 (leap), century years that are not
     * leap years, the end of February and the March after it in leap and common years, and
     * one-digit months and days (unpadded in the US form).
     */
    private static final int[][] EDGE_DATES = {
        {1600, 1, 1}, {1600, 2, 28}, {1600, 3, 1}, {1700, 2, 28}, {1700, 3, 1}, {1899, 12, 28},
        {1900, 1, 1}, {1900, 2, 28}, {1900, 3, 1}, {1969, 12, 28}, {1970, 1, 1}, {1970, 1, 2},
        {2000, 2, 28}, {2000, 3, 1}, {2023, 2, 28}, {2024, 2, 28}, {2024, 3, 1}, {2100, 2, 28},
        {2100, 3, 1}, {2100, 12, 28}, {2400, 2, 28}, {2400, 3, 1}, {2400, 12, 28}
    };

    @Test
    void epochDay_agreesWithJavaTime() {
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(
                        integers().between(1600, 2400),
                        integers().between(1, 12),
                        integers().between(1, 28))
                .checkAssert(LoaderPropertiesTest::epochDayAgreesWithJavaTime);
    }

    @Test
    void epochDay_onEdgeDates_agreesWithJavaTime() {
        for (int[] d : EDGE_DATES) {
            epochDayAgreesWithJavaTime(d[0], d[1], d[2]);
        }
    }

    private static void epochDayAgreesWithJavaTime(int year, int month, int day) {
        // java.time is an independent implementation of the proleptic Gregorian calendar.
        assertEquals(
                LocalDate.of(year, month, day).toEpochDay(), TimeParser.epochDay(year, month, day));
    }

    @Test
    void lenientLoad_ofShuffledRows_equalsStrictLoadOfSortedRows() {
        qt().withFixedSeed(42)
                .withExamples(100)
                .forAll(integers().between(1, 40), longs().all())
                .checkAssert(LoaderPropertiesTest::lenientOfShuffledEqualsStrictOfSorted);
    }

    @Test
    void lenientLoad_ofShuffledRows_atRowCountAndSeedBounds_equalsStrictLoadOfSortedRows() {
        // One row (nothing to reorder), two rows, the largest file; seeds at the long bounds.
        for (int rows : new int[] {1, 2, 40}) {
            for (long seed : new long[] {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE}) {
                lenientOfShuffledEqualsStrictOfSorted(rows, seed);
            }
        }
    }

    private static void lenientOfShuffledEqualsStrictOfSorted(int rows, long shuffleSeed) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String date = LocalDate.of(2020, 1, 1).plusDays(i).toString();
            double low = 10 + i;
            lines.add(
                    date
                            + ","
                            + (low + 1)
                            + ","
                            + (low + 2)
                            + ","
                            + low
                            + ","
                            + (low + 1.5)
                            + ","
                            + (100 + i));
        }
        String header = "date,open,high,low,close,volume\n";
        String sorted = header + String.join("\n", lines) + "\n";
        Collections.shuffle(lines, new Random(shuffleSeed));
        String shuffled = header + String.join("\n", lines) + "\n";

        BarSeries strict = load(BarCsvLoader.defaults(), sorted);
        BarSeries lenient =
                load(BarCsvLoader.builder().optMode(LoadMode.LENIENT).build(), shuffled);

        assertArrayEquals(strict.epochMillis(), lenient.epochMillis());
        assertArrayEquals(strict.closes(), lenient.closes());
        assertArrayEquals(strict.volumes(), lenient.volumes());
    }

    private static BarSeries load(BarCsvLoader loader, String csv) {
        try {
            return loader.loadWithReport(new StringReader(csv), "s.csv").data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void usAndIsoDates_giveTheSameInstant() {
        qt().withFixedSeed(42)
                .withExamples(200)
                .forAll(
                        integers().between(1900, 2100),
                        integers().between(1, 12),
                        integers().between(1, 28))
                .checkAssert(LoaderPropertiesTest::usAndIsoGiveTheSameInstant);
    }

    @Test
    void usAndIsoDates_onEdgeDates_giveTheSameInstant() {
        for (int[] d : EDGE_DATES) {
            if (d[0] >= 1900 && d[0] <= 2100) {
                usAndIsoGiveTheSameInstant(d[0], d[1], d[2]);
            }
        }
    }

    private static void usAndIsoGiveTheSameInstant(int year, int month, int day) {
        TimeParser iso = new TimeParser(TimeFormat.ISO_DATE, java.time.ZoneOffset.UTC);
        TimeParser us = new TimeParser(TimeFormat.US_DATE, java.time.ZoneOffset.UTC);
        LocalDate d = LocalDate.of(year, month, day);

        assertEquals(iso.parse(d.toString()), us.parse(month + "/" + day + "/" + year));
    }
}
