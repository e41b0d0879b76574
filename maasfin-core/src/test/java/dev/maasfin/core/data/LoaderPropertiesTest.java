// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Seeded invariants of the loaders. */
class LoaderPropertiesTest {

    @Property(seed = "42", tries = 300)
    void epochDay_agreesWithJavaTime(
            @ForAll @IntRange(min = 1600, max = 2400) int year,
            @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 28) int day) {
        // java.time is an independent implementation of the proleptic Gregorian calendar.
        assertEquals(
                LocalDate.of(year, month, day).toEpochDay(), TimeParser.epochDay(year, month, day));
    }

    @Property(seed = "42", tries = 100)
    void lenientLoad_ofShuffledRows_equalsStrictLoadOfSortedRows(
            @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll long shuffleSeed)
            throws IOException {
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

        BarSeries strict =
                BarCsvLoader.defaults().loadWithReport(new StringReader(sorted), "s.csv").data();
        BarSeries lenient =
                BarCsvLoader.builder()
                        .optMode(LoadMode.LENIENT)
                        .build()
                        .loadWithReport(new StringReader(shuffled), "s.csv")
                        .data();

        assertArrayEquals(strict.epochMillis(), lenient.epochMillis());
        assertArrayEquals(strict.closes(), lenient.closes());
        assertArrayEquals(strict.volumes(), lenient.volumes());
    }

    @Property(seed = "42", tries = 200)
    void usAndIsoDates_giveTheSameInstant(
            @ForAll @IntRange(min = 1900, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 28) int day) {
        TimeParser iso = new TimeParser(TimeFormat.ISO_DATE, java.time.ZoneOffset.UTC);
        TimeParser us = new TimeParser(TimeFormat.US_DATE, java.time.ZoneOffset.UTC);
        LocalDate d = LocalDate.of(year, month, day);

        assertEquals(iso.parse(d.toString()), us.parse(month + "/" + day + "/" + year));
    }
}
