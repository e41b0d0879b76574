// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bands are half-open [lower, upper); expected indexes worked by hand from the edges. */
class BandGeneraliserTest {

    private final BandGeneraliser ages = BandGeneraliser.ageBands(18, 25, 35, 50, 65);

    @Test
    void ageBands_valuesOnAnEdgeBelongToTheBandStartingThere() {
        double[] in = {0, 17, 18, 24, 25, 49.5, 65, 101, Double.NaN};
        // Bands: 0 = < 18, 1 = [18, 25), 2 = [25, 35), 3 = [35, 50), 4 = [50, 65), 5 = >= 65.
        double[] expected = {0, 0, 1, 1, 2, 3, 5, 5, Double.NaN};
        assertArrayEquals(expected, ages.apply(in));
        assertEquals(6, ages.bandCount());
    }

    @Test
    void labels_readAsHalfOpenIntervals() {
        assertEquals("< 18", ages.label(0));
        assertEquals("[18, 25)", ages.label(1));
        assertEquals(">= 65", ages.label(5));
        assertEquals("[100, 1000.5)", BandGeneraliser.buckets(100, 1000.5).label(1));
    }

    @Test
    void negativeAge_isRefusedNamingTheRowButNotTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> ages.apply(new double[] {30, -4}));
        assertEquals("age at row 1 must be >= 0 but is negative", e.getMessage());
    }

    @Test
    void amountBuckets_acceptNegativeAmountsAndRefuseInfinity() {
        BandGeneraliser amounts = BandGeneraliser.buckets(0, 100, 1000);
        assertArrayEquals(
                new double[] {0, 1, 2, 3}, amounts.apply(new double[] {-5, 0, 999.99, 1e9}));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> amounts.apply(new double[] {Double.POSITIVE_INFINITY}));
        assertEquals("value at row 0 must be finite but is NaN or infinite", e.getMessage());
    }

    @Test
    void edges_mustBeStrictlyIncreasing() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> BandGeneraliser.buckets(0, 10, 10));
        assertEquals(
                "edges must be strictly increasing but edges[2] = 10.0 <= edges[1] = 10.0",
                e.getMessage());
    }
}
