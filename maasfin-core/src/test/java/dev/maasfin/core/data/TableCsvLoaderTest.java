// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type inference, declared types, missing values and error messages of the table loader. */
class TableCsvLoaderTest {

    private static Table load(TableCsvLoader loader, String csv) throws IOException {
        return loader.load(new StringReader(csv), "t.csv");
    }

    private static DataFormatException fail(TableCsvLoader loader, String csv) {
        return assertThrows(DataFormatException.class, () -> load(loader, csv));
    }

    @Test
    void load_infersNumericAndCategoricalColumnsInOrder() throws IOException {
        Table t = load(TableCsvLoader.defaults(), "\uFEFFid,grade,amount\n1,A11,2.5\n2,A12,-3\n");

        assertEquals(List.of("id", "grade", "amount"), t.columnNames());
        assertEquals(List.of("id", "amount"), t.numericColumnNames());
        assertArrayEquals(new double[] {2.5, -3}, t.numeric("amount"));
        assertArrayEquals(new String[] {"A11", "A12"}, t.categorical("grade"));
    }

    @Test
    void load_declaredCategorical_keepsNumbersAsText() throws IOException {
        Table t = load(TableCsvLoader.builder().optCategorical("SEX").build(), "sex,x\n1,2\n2,3\n");

        assertEquals(List.of("1", "2"), t.levels("sex"));
    }

    @Test
    void load_missingTokens_becomeNaNOrNull() throws IOException {
        Table t = load(TableCsvLoader.defaults(), "x,c\n1,a\nNA,\n,b\n4,na\n");

        double[] x = t.numeric("x");
        assertEquals(1.0, x[0]);
        assertTrue(Double.isNaN(x[1]));
        assertTrue(Double.isNaN(x[2]));
        String[] c = t.categorical("c");
        assertNull(c[1]);
        assertNull(c[3]);
    }

    @Test
    void load_whenDeclaredNumericHoldsText_namesLineColumnValue() {
        DataFormatException e =
                fail(
                        TableCsvLoader.builder().optNumeric("amount").build(),
                        "id,amount\n1,2\n2,x7\n");

        assertEquals(
                "t.csv: line 3, column 'amount', value 'x7' is not a number (the column is"
                        + " numeric)",
                e.getMessage());
    }

    @Test
    void load_whenInferenceIsOffAndTextAppears_fails() {
        DataFormatException e =
                fail(TableCsvLoader.builder().optInferTypes(false).build(), "a,b\n1,2\n3,oops\n");

        assertEquals(3, e.line());
        assertEquals("b", e.column());
        assertEquals("oops", e.value());
    }

    @Test
    void load_whenNumericValueIsInfinite_namesIt() {
        DataFormatException e = fail(TableCsvLoader.defaults(), "a\n1\nInfinity\n");

        assertEquals(
                "t.csv: line 3, column 'a', value 'Infinity' is not finite (NaN and infinity are"
                        + " not allowed)",
                e.getMessage());
    }

    @Test
    void load_whenRowHasWrongFieldCount_namesLine() {
        DataFormatException e = fail(TableCsvLoader.defaults(), "a,b\n1,2\n3,4,5\n");

        assertEquals("t.csv: line 3 has 3 fields but the header has 2", e.getMessage());
    }

    @Test
    void load_whenRequiredColumnMissing_namesItAndListsHeaders() {
        DataFormatException e =
                fail(
                        TableCsvLoader.builder().optRequired("Class", "Amount").build(),
                        "Time,amount\n1,2\n");

        assertEquals(
                "t.csv: line 1 is missing required column(s) [Class]; found headers [Time,"
                        + " amount]",
                e.getMessage());
    }

    @Test
    void load_whenHeaderRepeats_namesTheColumn() {
        DataFormatException e = fail(TableCsvLoader.defaults(), "a,A\n1,2\n");

        assertEquals(
                "t.csv: line 1, column 'A' appears twice in the header [a, A]", e.getMessage());
    }

    @Test
    void load_whenOnlyHeader_failsAsNoDataRows() {
        DataFormatException e = fail(TableCsvLoader.defaults(), "a,b\n");

        assertEquals("t.csv has no data rows", e.getMessage());
    }

    @Test
    void build_whenColumnDeclaredBothWays_fails() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TableCsvLoader.builder().optCategorical("x").optNumeric("X").build());

        assertEquals("columns [x] are declared both categorical and numeric", e.getMessage());
    }

    @Test
    void toFrame_whenColumnIsCategorical_namesIt() throws IOException {
        Table t = load(TableCsvLoader.defaults(), "a,b\n1,x\n");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> t.toFrame("a", "b"));
        assertEquals(
                "column 'b' is categorical; toFrame takes numeric columns only", e.getMessage());
        Frame f = t.toFrame();
        assertEquals(List.of("a"), f.columnNames());
    }
}
