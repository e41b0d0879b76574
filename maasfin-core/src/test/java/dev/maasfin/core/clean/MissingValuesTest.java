// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingValuesTest {
    private static final double NaN = Double.NaN;

    @Test
    void forwardFill_withLimitOne_fillsOnlyTheFirstOfARun() {
        // Prices of reference case 7: 100, 102, NaN, 101, 103.02, NaN, NaN, 104.05.
        double[] in = {100.0, 102.0, NaN, 101.0, 103.02, NaN, NaN, 104.05};

        double[] out = MissingValues.forwardFill(in, 1);

        // Index 2 takes 102; index 5 takes 103.02; index 6 is the second of its run: stays NaN.
        assertArrayEquals(
                new double[] {100.0, 102.0, 102.0, 101.0, 103.02, 103.02, NaN, 104.05}, out);
        assertTrue(Double.isNaN(in[2]), "input must not be modified");
    }

    @Test
    void forwardFill_withLimitTwo_fillsTheWholeRunOfTwo() {
        double[] in = {100.0, 102.0, NaN, 101.0, 103.02, NaN, NaN, 104.05};

        // Reference case 7, "forward-fill first": 102 repeats once, 103.02 twice.
        assertArrayEquals(
                new double[] {100.0, 102.0, 102.0, 101.0, 103.02, 103.02, 103.02, 104.05},
                MissingValues.forwardFill(in, 2));
    }

    @Test
    void forwardFill_leadingNaN_staysNaN() {
        assertArrayEquals(
                new double[] {NaN, NaN, 3, 3},
                MissingValues.forwardFill(new double[] {NaN, NaN, 3, NaN}, 5));
    }

    @Test
    void forwardFill_whenLimitBelowOne_namesTheLimit() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MissingValues.forwardFill(new double[] {1}, 0));

        assertEquals("limit must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void interpolateLinear_fillsInteriorGapsOnTheLine() {
        double[] in = {NaN, 1, NaN, NaN, 4, 10, NaN, 20, NaN};

        // 1 -> 4 over 3 steps: +1 per step gives 2, 3; 10 -> 20 over 2 steps gives 15.
        // Leading and trailing NaN stay NaN.
        assertArrayEquals(
                new double[] {NaN, 1, 2, 3, 4, 10, 15, 20, NaN},
                MissingValues.interpolateLinear(in));
    }

    @Test
    void frameMethods_keepColumnsAndTimeIndex() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("a", new double[] {1, NaN, 3, 4});
        cols.put("b", new double[] {5, 6, NaN, 8});
        Frame f = Frame.of(new long[] {10, 20, 30, 40}, cols);

        Frame filled = MissingValues.forwardFill(f, 1);
        Frame interpolated = MissingValues.interpolateLinear(f);
        Frame dropped = MissingValues.dropRowsWithNaN(f);

        assertArrayEquals(new double[] {1, 1, 3, 4}, filled.column("a"));
        assertArrayEquals(new double[] {5, 6, 6, 8}, filled.column("b"));
        // b: 6 -> 8 over 2 steps gives 7.
        assertArrayEquals(new double[] {5, 6, 7, 8}, interpolated.column("b"));
        // Rows 1 (a NaN) and 2 (b NaN) go; rows 0 and 3 stay with their times.
        assertEquals(2, dropped.rows());
        assertArrayEquals(new double[] {1, 4}, dropped.column("a"));
        assertArrayEquals(new long[] {10, 40}, dropped.epochMillis().orElseThrow());
    }
}
