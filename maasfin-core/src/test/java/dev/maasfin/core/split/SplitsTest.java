// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chronological, walk-forward and purged k-fold splits on inputs worked by hand. */
class SplitsTest {

    // Case 8: 10 closes, 8 training values, 2 test values, no shuffling; test indices 8 and 9.
    @Test
    void byFractions_case8_givesEightTrainAndTestRowsEightAndNine() {
        Split s = ChronologicalSplit.byFractions(10, 0.8, 0.0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, s.train());
        assertArrayEquals(new int[0], s.validation());
        assertArrayEquals(new int[] {8, 9}, s.test());
    }

    @Test
    void byFractions_withValidationAndGap_leavesGapRowsOut() {
        // n 20: train floor(12) = 12 rows 0..11, gap 1, validation floor(4) rows 13..16, gap 1
        Split s = ChronologicalSplit.byFractions(20, 0.6, 0.2, 1);
        assertArrayEquals(ChronologicalSplit.range(0, 12), s.train());
        assertArrayEquals(new int[] {13, 14, 15, 16}, s.validation());
        assertArrayEquals(new int[] {18, 19}, s.test());
    }

    @Test
    void byFractions_whenInvalid_namesTheValue() {
        assertEquals(
                "trainFraction must be in (0, 1) but was 1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ChronologicalSplit.byFractions(10, 1.0, 0))
                        .getMessage());
        assertEquals(
                "trainFraction + validationFraction must be < 1 but was 1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ChronologicalSplit.byFractions(10, 0.5, 0.5))
                        .getMessage());
        assertEquals(
                "n = 3 rows give train 2, validation 0, gap 1 and test 0:"
                        + " train and test must each have at least one row",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ChronologicalSplit.byFractions(3, 0.7, 0, 1))
                        .getMessage());
    }

    @Test
    void byDates_cutsAtTheGivenInstants() {
        long day = 86_400_000L;
        long[] t = new long[6];
        for (int i = 0; i < 6; i++) {
            t[i] = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() + i * day;
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", new double[6]);
        Split s =
                ChronologicalSplit.byDates(
                        Frame.of(t, m),
                        Instant.parse("2024-01-03T00:00:00Z"),
                        Instant.parse("2024-01-05T00:00:00Z"));
        assertArrayEquals(new int[] {0, 1}, s.train());
        assertArrayEquals(new int[] {2, 3}, s.validation());
        assertArrayEquals(new int[] {4, 5}, s.test());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ChronologicalSplit.byDates(
                                        t,
                                        Instant.parse("2024-02-01T00:00:00Z"),
                                        Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(
                "testStart 2024-01-01T00:00:00Z must not be before validationStart"
                        + " 2024-02-01T00:00:00Z",
                e.getMessage());
        IllegalArgumentException untimed =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ChronologicalSplit.byDates(
                                        Frame.of(m), Instant.EPOCH, Instant.EPOCH));
        assertEquals("frame has no time index to split by dates", untimed.getMessage());
    }

    @Test
    void walkForward_expanding_growsTrainAndStepsTest() {
        // n 10, train 4, test 2: tests [4,6), [6,8), [8,10); train [0,4), [0,6), [0,8)
        List<Split> folds =
                WalkForward.builder().setSize(10).setTrainSize(4).setTestSize(2).build();
        assertEquals(3, folds.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, folds.get(1).train());
        assertArrayEquals(new int[] {6, 7}, folds.get(1).test());
        assertArrayEquals(ChronologicalSplit.range(0, 8), folds.get(2).train());
    }

    @Test
    void walkForward_rollingWithGap_keepsTrainLengthAndLeavesGap() {
        // n 12, train 4, gap 1, test 2, step 3: test starts 5, 8; train [0,4), [3,7)
        List<Split> folds =
                WalkForward.builder()
                        .setSize(12)
                        .setTrainSize(4)
                        .setTestSize(2)
                        .optStep(3)
                        .optGap(1)
                        .optRolling(true)
                        .build();
        assertEquals(2, folds.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).train());
        assertArrayEquals(new int[] {5, 6}, folds.get(0).test());
        assertArrayEquals(new int[] {3, 4, 5, 6}, folds.get(1).train());
        assertArrayEquals(new int[] {8, 9}, folds.get(1).test());
    }

    @Test
    void walkForward_whenTooFewFoldsFit_saysHowMany() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                WalkForward.builder()
                                        .setSize(10)
                                        .setTrainSize(4)
                                        .setTestSize(2)
                                        .optFolds(4)
                                        .build());
        assertEquals(
                "only 3 folds fit in 10 rows with trainSize 4, gap 0, testSize 2 and step 2"
                        + " but 4 were requested",
                e.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WalkForward.builder().setSize(10).optStep(0).build());
        assertEquals(
                "trainSize is required (setTrainSize); testSize is required (setTestSize);"
                        + " step must be >= 1 but was 0",
                missing.getMessage());
    }

    @Test
    void purgedKFold_removesOverlappingLabelsAndEmbargoesAfterTheFold() {
        // 10 samples, label [i, i+2]; 5 folds of 2; embargo 1.
        long[] t0 = new long[10];
        long[] t1 = new long[10];
        for (int i = 0; i < 10; i++) {
            t0[i] = i;
            t1[i] = i + 2;
        }
        List<Split> folds =
                PurgedKFold.builder().setLabelIntervals(t0, t1).setFolds(5).optEmbargo(1).build();
        // fold 2: test 4,5, span [4,7]; purge j<4 with t1>=4 -> keep 0,1; after: first t0>7 is
        // sample 8, embargo drops 8 -> keep 9
        assertArrayEquals(new int[] {4, 5}, folds.get(2).test());
        assertArrayEquals(new int[] {0, 1, 9}, folds.get(2).train());
        // fold 0: test 0,1 span [0,3]; first t0>3 is 4, embargo drops 4 -> train 5..9
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, folds.get(0).train());
        // fold 4: test 8,9 span [8,11]; keep j with j+2 < 8 -> 0..5
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, folds.get(4).train());
    }

    @Test
    void purgedKFold_embargoFraction_usesFloorOfFractionTimesN() {
        long[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        // floor(0.25 * 10) = 2: fold 0 test 0..4 (span [0,4]), first after 5, drop 5,6
        List<Split> folds =
                PurgedKFold.builder()
                        .setLabelIntervals(t, t)
                        .setFolds(2)
                        .optEmbargoFraction(0.25)
                        .build();
        assertArrayEquals(new int[] {7, 8, 9}, folds.get(0).train());
    }

    @Test
    void purgedKFold_whenInvalid_namesEachProblem() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PurgedKFold.builder()
                                        .setLabelIntervals(
                                                new long[] {0, 5, 3}, new long[] {1, 6, 4})
                                        .setFolds(4)
                                        .optEmbargo(-1)
                                        .build());
        assertEquals(
                "sample 2: t0 3 is before the previous t0 5 (samples must be in time order);"
                        + " folds must be in [2, 3] but was 4; embargo must be >= 0 but was -1",
                e.getMessage());
        IllegalArgumentException m =
                assertThrows(IllegalArgumentException.class, () -> PurgedKFold.builder().build());
        assertEquals(
                "label intervals are required (setLabelIntervals or setWindowLabels);"
                        + " folds is required (setFolds)",
                m.getMessage());
    }
}
