// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucket_ofAnyValue_containsIt_andIsAtMostASixteenthWide() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().between(0, Long.MAX_VALUE / 2))
                .checkAssert(
                        v -> {
                            int i = LatencyHistogram.index(v);
                            long hi = LatencyHistogram.upperBound(i);
                            long lo = i == 0 ? 0 : LatencyHistogram.upperBound(i - 1) + 1;
                            assertTrue(lo <= v && v <= hi, v + " in [" + lo + ", " + hi + "]");
                            assertTrue(hi - lo <= Math.max(0, lo / 16), lo + ".." + hi);
                        });
    }

    @Test
    void percentiles_ofOneToHundred_areTheUpperBoundsOfTheNearestRankBuckets() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100; v++) {
            h.record(v);
        }
        // nearest rank: p50 -> 50th value = 50; buckets above 32 are 2 wide: [50, 51]
        assertEquals(51, h.percentile(0.50));
        // p99 -> 99th value = 99; buckets above 64 are 4 wide: [96, 99]
        assertEquals(99, h.percentile(0.99));
        // max -> 100 in [100, 103]
        assertEquals(103, h.percentile(1.0));
        // values below 16 have their own bucket: 10th value = 10
        assertEquals(10, h.percentile(0.10));
        assertEquals(100, h.count());
    }

    @Test
    void percentile_ofAnEmptyHistogram_isZero() {
        assertEquals(0, new LatencyHistogram().percentile(0.99));
    }
}
