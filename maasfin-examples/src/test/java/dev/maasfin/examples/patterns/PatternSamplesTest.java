// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Windows, forward labels and the purged chronological parts of {@link PatternSamples}. */
class PatternSamplesTest {
    private static final int N = 400;

    /** Distinct positive prices: 100 exp(0.01 sin(i) + 0.001 i). */
    private static double[] prices(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 100 * Math.exp(0.01 * Math.sin(i) + 0.001 * i);
        }
        return p;
    }

    @Test
    void build_onWorkedExample_keepsOnlyWindowsWhoseLabelStaysInTheirPart() {
        // n = 20, window 3, horizon 2, stride 1, validation from bar 10, test from bar 15.
        // Ends run from 2 (first full window) to 17 (17 + 2 = 19 is the last bar). Train keeps
        // e + 2 < 10, i.e. e = 2..7; validation e = 10..12 (e + 2 < 15); test e = 15..17. Ends 8, 9
        // (labels reach bars 10, 11) and 13, 14 (labels reach 15, 16) are purged.
        PatternSamples s = PatternSamples.build(prices(20), 3, 2, 1, 10, 15);

        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 10, 11, 12, 15, 16, 17}, s.ends());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, s.parts());
    }

    @Test
    void label_ofEveryWindow_isTheSumOfReturnsStrictlyAfterItsLastBar() {
        double[] p = prices(N);
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(
                        integers().between(2, 60),
                        integers().between(1, 10),
                        integers().between(1, 7),
                        integers().between(100, 250))
                .checkAssert(
                        (window, horizon, stride, validationStart) -> {
                            PatternSamples s =
                                    PatternSamples.build(
                                            p, window, horizon, stride, validationStart, 300);
                            int[] ends = s.ends();
                            double[] labels = s.labels();
                            for (int k = 0; k < ends.length; k++) {
                                int e = ends[k];
                                // Window covers bars e - window + 1 .. e; the label period is the
                                // one-bar log returns of bars e + 1 .. e + horizon.
                                assertTrue(e - window + 1 >= 0, "window inside the series");
                                double sum = 0;
                                for (int b = e + 1; b <= e + horizon; b++) {
                                    sum += Math.log(p[b] / p[b - 1]);
                                }
                                assertEquals(sum, labels[k], 1e-12, "label of window ending " + e);
                            }
                        });
    }

    @Test
    void purge_noLabelPeriodCrossesIntoALaterPart() {
        double[] p = prices(N);
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(
                        integers().between(2, 60),
                        integers().between(1, 10),
                        integers().between(1, 7),
                        integers().between(100, 250))
                .checkAssert(
                        (window, horizon, stride, validationStart) -> {
                            int testStart = 300;
                            PatternSamples s =
                                    PatternSamples.build(
                                            p, window, horizon, stride, validationStart, testStart);
                            int[] ends = s.ends();
                            int[] parts = s.parts();
                            int lastTrainLabelBar = -1;
                            int firstTestLabelBar = Integer.MAX_VALUE;
                            for (int k = 0; k < ends.length; k++) {
                                int lastLabelBar = ends[k] + horizon;
                                int firstLabelBar = ends[k] + 1;
                                if (parts[k] == PatternSamples.TRAIN) {
                                    assertTrue(lastLabelBar < validationStart);
                                    lastTrainLabelBar = Math.max(lastTrainLabelBar, lastLabelBar);
                                } else if (parts[k] == PatternSamples.VALIDATION) {
                                    assertTrue(ends[k] >= validationStart);
                                    assertTrue(lastLabelBar < testStart);
                                } else {
                                    assertTrue(ends[k] >= testStart);
                                    firstTestLabelBar = Math.min(firstTestLabelBar, firstLabelBar);
                                }
                            }
                            // Every test label starts after every training label has ended, with
                            // the whole validation part in between.
                            assertTrue(firstTestLabelBar > lastTrainLabelBar);
                        });
    }

    @Test
    void nonOverlapping_keepsWindowsAtLeastAHorizonApart() {
        // Ends 2..7 with horizon 2: greedy choice 2, 4, 6 (labels (2,4], (4,6], (6,8]).
        PatternSamples s = PatternSamples.build(prices(20), 3, 2, 1, 10, 15);
        int[] train = s.positionsOf(PatternSamples.TRAIN);

        assertArrayEquals(new int[] {0, 2, 4}, s.nonOverlapping(train));
    }

    @Test
    void build_whenWindowPlusHorizonExceedsSeries_namesTheRule() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PatternSamples.build(prices(20), 18, 3, 1, 10, 15));
        assertEquals(
                "window + horizon must be <= the series length 20 but was 18 + 3", e.getMessage());
    }
}
