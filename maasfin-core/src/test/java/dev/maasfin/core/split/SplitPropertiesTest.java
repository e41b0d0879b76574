// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.split.Split;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Splits never overlap, train precedes test, and purged folds leak no label window. */
class SplitPropertiesTest {
    /**
     * Draws allowed per example before QuickTheories gives up on the assumptions; its small default
     * gives up on the chronological property, where about half the draws break an assumption.
     */
    static final int ASSUMPTION_ATTEMPTS = 10_000;

    @Test
    void chronologicalParts_neverOverlapAndAreInTimeOrder() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .withGenerateAttempts(ASSUMPTION_ATTEMPTS)
                .forAll(
                        integers().between(3, 500),
                        integers().between(1, 90),
                        integers().between(0, 90),
                        integers().between(0, 5))
                .assuming(
                        (n, trainPct, valPct, gap) ->
                                trainPct + valPct < 100
                                        && byFractionsOrNull(n, trainPct, valPct, gap) != null)
                .checkAssert(SplitPropertiesTest::chronologicalPartsAreOrdered);
    }

    private static void chronologicalPartsAreOrdered(int n, int trainPct, int valPct, int gap) {
        Split s = byFractionsOrNull(n, trainPct, valPct, gap);
        assertOrdered(s.train(), s.validation(), gap);
        assertOrdered(s.validation(), s.test(), gap);
        assertOrdered(s.train(), s.test(), gap);
        assertEquals(n - 1, s.test()[s.test().length - 1]);
    }

    /** The split, or {@code null} when the parts are too small for {@code n} (not a test case). */
    private static Split byFractionsOrNull(int n, int trainPct, int valPct, int gap) {
        try {
            return ChronologicalSplit.byFractions(n, trainPct / 100.0, valPct / 100.0, gap);
        } catch (IllegalArgumentException tooSmall) {
            return null;
        }
    }

    /** One walk-forward configuration: series size, fold sizes, step, gap and window kind. */
    private record WalkCase(int n, int train, int test, int step, int gap, boolean rolling) {}

    @Test
    void walkForward_trainAlwaysStrictlyBeforeTestWithGap() {
        Gen<WalkCase> cases =
                integers()
                        .between(2, 300)
                        .zip(
                                integers().between(1, 100),
                                integers().between(1, 50),
                                (n, train, test) -> new WalkCase(n, train, test, 1, 0, false))
                        .zip(
                                integers().between(1, 50),
                                integers().between(0, 5),
                                booleans().all(),
                                (c, step, gap, rolling) ->
                                        new WalkCase(
                                                c.n(), c.train(), c.test(), step, gap, rolling));
        qt().withFixedSeed(42)
                .withExamples(1000)
                .withGenerateAttempts(ASSUMPTION_ATTEMPTS)
                .forAll(cases)
                .assuming(c -> c.train() + c.gap() + c.test() <= c.n())
                .checkAssert(SplitPropertiesTest::walkForwardFoldsAreOrdered);
    }

    private static void walkForwardFoldsAreOrdered(WalkCase c) {
        List<Split> folds =
                WalkForward.builder()
                        .setSize(c.n())
                        .setTrainSize(c.train())
                        .setTestSize(c.test())
                        .optStep(c.step())
                        .optGap(c.gap())
                        .optRolling(c.rolling())
                        .build();
        for (Split s : folds) {
            assertOrdered(s.train(), s.test(), c.gap());
            assertEquals(c.test(), s.test().length);
            if (c.rolling()) {
                assertEquals(c.train(), s.train().length);
            }
        }
    }

    @Test
    void purgedKFold_noTrainLabelTouchesTestLabelsOrEmbargo() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .withGenerateAttempts(ASSUMPTION_ATTEMPTS)
                .forAll(
                        integers().between(4, 120),
                        integers().between(2, 8),
                        integers().between(0, 6),
                        longs().all())
                .assuming((n, k, embargo, seed) -> k <= n)
                .checkAssert(SplitPropertiesTest::purgedFoldsLeakNothing);
    }

    private static void purgedFoldsLeakNothing(int n, int k, int embargo, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] t0 = new long[n];
        long[] t1 = new long[n];
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3); // ties allowed
            t0[i] = t;
            t1[i] = t + rnd.nextInt(8);
        }
        List<Split> folds =
                PurgedKFold.builder()
                        .setLabelIntervals(t0, t1)
                        .setFolds(k)
                        .optEmbargo(embargo)
                        .build();
        assertEquals(k, folds.size());
        Set<Integer> tested = new HashSet<>();
        for (Split s : folds) {
            int[] test = s.test();
            for (int i : test) {
                assertTrue(tested.add(i), "each sample is tested exactly once");
            }
            long spanEnd = Arrays.stream(test).mapToLong(i -> t1[i]).max().orElseThrow();
            int firstAfter = test[test.length - 1] + 1;
            while (firstAfter < n && t0[firstAfter] <= spanEnd) {
                firstAfter++;
            }
            for (int j : s.train()) {
                for (int i : test) {
                    assertFalse(
                            t0[j] <= t1[i] && t0[i] <= t1[j], "train " + j + " overlaps test " + i);
                }
                assertFalse(
                        j >= firstAfter && j < firstAfter + embargo,
                        "train " + j + " is embargoed");
            }
        }
        assertEquals(n, tested.size());
    }

    static void assertOrdered(int[] before, int[] after, int gap) {
        if (before.length > 0 && after.length > 0) {
            assertTrue(
                    before[before.length - 1] + gap < after[0],
                    "last " + before[before.length - 1] + " + gap " + gap + " < first " + after[0]);
        }
    }
}
