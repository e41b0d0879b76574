// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Strict mode: every broken rule fails naming file, line, column and value. */
class BarCsvLoaderValidationTest {
    private static final String HEADER = "date,open,high,low,close,volume\n";
    private static final String ROW2 = "2020-01-02,10,12,9,11,100\n";
    private static final String ROW3 = "2020-01-03,11,13,10,12,200\n";

    private static LoadResult<BarSeries> load(String csv) throws IOException {
        return BarCsvLoader.defaults().loadWithReport(new StringReader(csv), "bars.csv");
    }

    private static DataFormatException fail(String csv) {
        return assertThrows(DataFormatException.class, () -> load(csv));
    }

    private static void assertNames(
            DataFormatException e, long line, String column, String value, String rule) {
        String m = e.getMessage();
        assertTrue(m.startsWith("bars.csv: line " + line + ", "), m);
        assertTrue(m.contains("column '" + column + "'"), m);
        assertTrue(m.contains("value '" + value + "'"), m);
        assertTrue(m.contains(rule), m);
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertEquals(value, e.value());
    }

    @Test
    void load_whenPriceIsNotANumber_namesLineColumnAndValue() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-01-03,11,13,10,abc,200\n");

        assertNames(e, 3, "close", "abc", "is not a number");
    }

    @Test
    void load_whenPriceIsNaN_failsAsNotFinite() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-01-03,NaN,13,10,12,200\n");

        assertNames(e, 3, "open", "NaN", "is not finite");
    }

    @Test
    void load_whenPriceIsInfinite_failsAsNotFinite() {
        DataFormatException e = fail(HEADER + "2020-01-02,10,Infinity,9,11,100\n");

        assertNames(e, 2, "high", "Infinity", "is not finite");
    }

    @Test
    void load_whenTimesAreUnsorted_namesTheEarlierRow() {
        DataFormatException e = fail(HEADER + ROW3 + ROW2);

        assertNames(e, 3, "date", "2020-01-02", "is before the previous row's time");
        assertTrue(e.getMessage().contains("'2020-01-03' (line 2)"), e.getMessage());
    }

    @Test
    void load_whenTimeRepeats_namesTheDuplicate() {
        DataFormatException e = fail(HEADER + ROW2 + ROW2);

        assertNames(e, 3, "date", "2020-01-02", "duplicates the previous row's time");
    }

    @Test
    void load_whenHighBelowLow_namesHigh() {
        DataFormatException e = fail(HEADER + "2020-01-02,10,8,9,9,100\n");

        assertNames(e, 2, "high", "8", "is below low 9");
    }

    @Test
    void load_whenCloseAboveHigh_namesCloseAndRange() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-01-03,11,13,10,13.5,200\n");

        assertNames(e, 3, "close", "13.5", "lies outside [low, high] = [10, 13]");
    }

    @Test
    void load_whenOpenBelowLow_namesOpenAndRange() {
        DataFormatException e = fail(HEADER + "2020-01-02,8.5,12,9,11,100\n");

        assertNames(e, 2, "open", "8.5", "lies outside [low, high] = [9, 12]");
    }

    @Test
    void load_whenPriceIsNegative_namesIt() {
        DataFormatException e = fail(HEADER + "2020-01-02,10,12,-9,11,100\n");

        assertNames(e, 2, "low", "-9", "must be > 0");
    }

    @Test
    void load_whenPriceIsZero_namesIt() {
        DataFormatException e = fail(HEADER + "2020-01-02,0,12,9,11,100\n");

        assertNames(e, 2, "open", "0", "must be > 0");
    }

    @Test
    void load_whenVolumeIsNegative_namesIt() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-01-03,11,13,10,12,-5\n");

        assertNames(e, 3, "volume", "-5", "must be >= 0");
    }

    @Test
    void load_whenTimeDoesNotParse_namesIt() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-02-30,11,13,10,12,200\n");

        assertNames(e, 3, "date", "2020-02-30", "is not a time in format ISO_DATE");
    }

    @Test
    void load_whenFirstTimeIsUnrecognised_asksForAFormat() {
        DataFormatException e = fail(HEADER + "02.01.2020,10,12,9,11,100\n");

        assertNames(e, 2, "date", "02.01.2020", "optTimeFormat");
    }

    @Test
    void load_whenOnlyHeader_failsAsNoDataRows() {
        DataFormatException e = fail(HEADER);

        assertEquals("bars.csv has no data rows (only a header)", e.getMessage());
    }

    @Test
    void load_whenFileIsEmpty_failsAsNoHeader() {
        DataFormatException e = fail("");

        assertEquals("bars.csv is empty: no header line", e.getMessage());
    }

    @Test
    void load_whenColumnsMissing_namesThemAndListsFoundHeaders() {
        DataFormatException e = fail("date,open,volume\n2020-01-02,10,100\n");

        assertEquals(
                "bars.csv: line 1 is missing required column(s) [high, low, close];"
                        + " found headers [date, open, volume]",
                e.getMessage());
    }

    @Test
    void load_whenBlankLinePrecedesHeader_namesTheHeaderLine() {
        DataFormatException e = fail("\ndate,close\n2020-01-02,1\n");

        assertTrue(e.getMessage().startsWith("bars.csv: line 2 is missing"), e.getMessage());
    }

    @Test
    void load_whenAdjustedBasisWithoutAdjClose_namesTheMissingColumn() {
        BarCsvLoader loader = BarCsvLoader.builder().optPriceBasis(PriceBasis.ADJUSTED).build();

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () -> loader.loadWithReport(new StringReader(HEADER + ROW2), "bars.csv"));
        assertTrue(
                e.getMessage().contains("missing required column(s) [adj close]"), e.getMessage());
    }

    @Test
    void load_whenRowHasTooFewFields_namesLineAndCounts() {
        DataFormatException e = fail(HEADER + ROW2 + "2020-01-03,11,13,10\n");

        assertEquals("bars.csv: line 3 has 4 fields but the header has 6", e.getMessage());
    }

    @Test
    void load_lineNumbers_countBlankLinesAndTheHeader() {
        // Line 1 header, line 2 bar, line 3 blank, line 4 the bad bar.
        DataFormatException e = fail(HEADER + ROW2 + "\n" + "2020-01-03,11,13,10,x,200\n");

        assertNames(e, 4, "close", "x", "is not a number");
    }

    @Test
    void load_withCrLfLineEnds_countsLinesTheSame() {
        String csv = (HEADER + ROW2 + "2020-01-03,11,13,10,x,200\n").replace("\n", "\r\n");

        assertNames(fail(csv), 3, "close", "x", "is not a number");
    }

    @Test
    void load_withBareCarriageReturns_countsLinesTheSame() {
        String csv = (HEADER + ROW2 + "2020-01-03,11,13,10,x,200\n").replace('\n', '\r');

        assertNames(fail(csv), 3, "close", "x", "is not a number");
    }

    @Test
    void load_fromFile_namesThePathInTheMessage() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "test-tmp", "validation"));
        Path file = Files.writeString(dir.resolve("bad.csv"), HEADER + "2020-01-02,10,12,9,z,1\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> BarCsvLoader.defaults().load(file));
        assertTrue(e.getMessage().startsWith(file + ": line 2, column 'close'"), e.getMessage());
    }

    @Test
    void load_strictMode_reportsNoRepairsButCountsZeroVolumes() throws IOException {
        LoadReport r = load(HEADER + "2020-01-02,10,12,9,11,0\n" + ROW3).report();

        assertEquals(LoadMode.STRICT, r.mode());
        assertEquals(2, r.rowsRead());
        assertEquals(2, r.rowsKept());
        assertEquals(1, r.zeroVolumeAsMissing());
        assertTrue(r.repairs().isEmpty());
    }

    @Test
    void barLoad_whenHeaderRepeatsAColumn_namesColumnAndLine() {
        String csv = "date,open,high,low,close,close,volume\n2020-01-02,10,12,9,11,11,100\n";

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                BarCsvLoader.defaults()
                                        .loadWithReport(new StringReader(csv), "b.csv"));

        assertEquals(
                "b.csv: line 1, column 'close' appears twice in the header"
                        + " [date, open, high, low, close, close, volume]",
                e.getMessage());
    }

    @Test
    void barLoad_whenHeadersDifferOnlyInCaseAndPunctuation_rejectsAsDuplicate() {
        // "Adj Close" and "adj_close" normalise to the same name (BarColumn.normalise).
        String csv = "date,open,high,low,close,Adj Close,adj_close\n2020-01-02,10,12,9,11,11,11\n";

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                BarCsvLoader.defaults()
                                        .loadWithReport(new StringReader(csv), "b.csv"));

        assertTrue(
                e.getMessage().startsWith("b.csv: line 1, column 'adj_close' appears twice"),
                e.getMessage());
    }
}
