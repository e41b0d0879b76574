// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.split.Split;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Splits never overlap, train precedes test, and purged folds leak no label window. */
class SplitPropertiesTest {

    @Property(tries = 1000)
    void chronologicalParts_neverOverlapAndAreInTimeOrder(
            @ForAll @IntRange(min = 3, max = 500) int n,
            @ForAll @IntRange(min = 1, max = 90) int trainPct,
            @ForAll @IntRange(min = 0, max = 90) int valPct,
            @ForAll @IntRange(min = 0, max = 5) int gap) {
        Assume.that(trainPct + valPct < 100);
        Split s;
        try {
            s = ChronologicalSplit.byFractions(n, trainPct / 100.0, valPct / 100.0, gap);
        } catch (IllegalArgumentException tooSmall) {
            Assume.that(false);
            return;
        }
        assertOrdered(s.train(), s.validation(), gap);
        assertOrdered(s.validation(), s.test(), gap);
        assertOrdered(s.train(), s.test(), gap);
        assertEquals(n - 1, s.test()[s.test().length - 1]);
    }

    @Property(tries = 1000)
    void walkForward_trainAlwaysStrictlyBeforeTestWithGap(
            @ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 100) int train,
            @ForAll @IntRange(min = 1, max = 50) int test,
            @ForAll @IntRange(min = 1, max = 50) int step,
            @ForAll @IntRange(min = 0, max = 5) int gap,
            @ForAll boolean rolling) {
        Assume.that(train + gap + test <= n);
        List<Split> folds =
                WalkForward.builder()
                        .setSize(n)
                        .setTrainSize(train)
                        .setTestSize(test)
                        .optStep(step)
                        .optGap(gap)
                        .optRolling(rolling)
                        .build();
        for (Split s : folds) {
            assertOrdered(s.train(), s.test(), gap);
            assertEquals(test, s.test().length);
            if (rolling) {
                assertEquals(train, s.train().length);
            }
        }
    }

    @Property(tries = 1000)
    void purgedKFold_noTrainLabelTouchesTestLabelsOrEmbargo(
            @ForAll @IntRange(min = 4, max = 120) int n,
            @ForAll @IntRange(min = 2, max = 8) int k,
            @ForAll @IntRange(min = 0, max = 6) int embargo,
            @ForAll long seed) {
        Assume.that(k <= n);
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
