// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lenient mode: each repair is made and reported with line, column, action and reason. */
class BarCsvLoaderLenientTest {
    private static final String HEADER = "date,open,high,low,close,volume\n";

    private static LoadResult<BarSeries> load(String csv) throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optMode(LoadMode.LENIENT).build();
        return loader.loadWithReport(new StringReader(csv), "bars.csv");
    }

    @Test
    void lenient_whenRowsUnsorted_sortsAndReportsEachMovedRow() throws IOException {
        LoadResult<BarSeries> r =
                load(
                        HEADER
                                + "2020-01-03,11,13,10,12,200\n"
                                + "2020-01-02,10,12,9,11,100\n"
                                + "2020-01-04,12,14,11,13,300\n");

        BarSeries s = r.data();
        assertEquals(Instant.parse("2020-01-02T00:00:00Z"), s.time(0));
        assertEquals(11.0, s.close(0));
        assertEquals(13.0, s.close(2));
        List<Repair> repairs = r.report().repairs();
        assertEquals(1, repairs.size());
        Repair moved = repairs.get(0);
        assertEquals(3, moved.line());
        assertEquals("date", moved.column());
        assertEquals(Repair.Action.REORDERED, moved.action());
        assertTrue(moved.reason().contains("before line 2"), moved.reason());
    }

    @Test
    void lenient_whenTimesRepeat_keepsTheLastRowAndReportsTheDropped() throws IOException {
        LoadResult<BarSeries> r =
                load(
                        HEADER
                                + "2020-01-02,10,12,9,11,100\n"
                                + "2020-01-03,11,13,10,12,200\n"
                                + "2020-01-03,11,13,10,12.5,250\n");

        assertEquals(2, r.data().size());
        assertEquals(12.5, r.data().close(1));
        assertEquals(250.0, r.data().volume(1));
        Repair dropped = r.report().repairs().get(0);
        assertEquals(3, dropped.line());
        assertEquals(Repair.Action.DROPPED_DUPLICATE, dropped.action());
        assertTrue(dropped.reason().contains("repeats on line 4"), dropped.reason());
        assertEquals(3, r.report().rowsRead());
        assertEquals(2, r.report().rowsKept());
    }

    @Test
    void lenient_whenRowsAreImpossible_dropsEachAndSaysWhy() throws IOException {
        LoadResult<BarSeries> r =
                load(
                        HEADER
                                + "2020-01-02,10,12,9,11,100\n" // line 2 kept
                                + "2020-01-03,11,13,10,abc,200\n" // line 3 not a number
                                + "2020-01-04,11,13,10,NaN,200\n" // line 4 NaN
                                + "2020-01-05,11,13,-10,12,200\n" // line 5 negative
                                + "2020-01-06,11,9,10,10,200\n" // line 6 high < low
                                + "2020-01-07,11,13,10,14,200\n" // line 7 close > high
                                + "2020-01-08,11,13\n" // line 8 too few fields
                                + "2020-01-0x,11,13,10,12,200\n" // line 9 bad time
                                + "2020-01-10,11,13,10,12,-1\n" // line 10 negative volume
                                + "2020-01-11,12,14,11,13,300\n"); // line 11 kept

        assertEquals(2, r.data().size());
        assertEquals(10, r.report().rowsRead());
        assertEquals(2, r.report().rowsKept());
        List<Repair> repairs = r.report().repairs();
        assertEquals(8, repairs.size());
        assertRepair(repairs.get(0), 3, "close", "value 'abc' is not a number");
        assertRepair(repairs.get(1), 4, "close", "value 'NaN' is not finite");
        assertRepair(repairs.get(2), 5, "low", "value '-10' must be > 0");
        assertRepair(repairs.get(3), 6, "high", "value '9' is below low 10");
        assertRepair(repairs.get(4), 7, "close", "value '14' lies outside [low, high]");
        assertRepair(repairs.get(5), 8, null, "has 3 fields but the header has 6");
        assertRepair(repairs.get(6), 9, "date", "value '2020-01-0x' is not a time");
        assertRepair(repairs.get(7), 10, "volume", "value '-1' must be >= 0");
    }

    private static void assertRepair(Repair r, long line, String column, String reason) {
        assertEquals(line, r.line(), r.toString());
        assertEquals(column, r.column(), r.toString());
        assertEquals(Repair.Action.DROPPED_ROW, r.action(), r.toString());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    @Test
    void lenient_whenEveryRowIsBad_stillFailsNamingTheCount() {
        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () -> load(HEADER + "2020-01-02,10,12,9,x,1\n2020-01-03,1,1,1,y,1\n"));

        assertEquals("bars.csv has no valid data rows: all 2 were dropped", e.getMessage());
    }

    @Test
    void lenient_whenRequiredColumnMissing_stillFails() {
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> load("date,close\n2020-01-02,1\n"));

        assertTrue(e.getMessage().contains("missing required column(s) [open, high, low]"));
    }

    @Test
    void lenient_whenFileIsClean_reportsNoRepairs() throws IOException {
        LoadReport r = load(HEADER + "2020-01-02,10,12,9,11,100\n").report();

        assertEquals(LoadMode.LENIENT, r.mode());
        assertTrue(r.repairs().isEmpty());
    }
}
