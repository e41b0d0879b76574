// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {
    private static final SearchSpace X_SPACE =
            SearchSpace.builder().optReal("x", 0.0, 1.0, Scale.LINEAR).build();

    /** Metric = the configuration's x, whatever the resource: ranking is known in advance. */
    private static Tuner tuner(int trials, int folds, int threads) {
        return Tuner.builder()
                .setSearchSpace(X_SPACE)
                .setObjective(f -> f.configuration().getDouble("x"))
                .setFolds(TuneFixtures.walkForward(300, 60, folds, 120, 40))
                .setDirection(Direction.MINIMISE)
                .setMaxTrials(trials)
                .setSeed(5)
                .optStrategy(Strategy.successiveHalving(3, 1, 27))
                .optThreads(threads)
                .optListener(TrialListener.none())
                .build();
    }

    private static int[] rungSizes(TuningResult r) {
        return IntStream.range(0, 4).map(k -> r.rowsAtRung(k).size()).toArray();
    }

    @Test
    void rungs_withEta3And27Configurations_hold27_9_3_1() throws Exception {
        // Hand count: 27 at resource 1, floor(27/3) = 9 at 3, 3 at 9, 1 at 27.
        TuningResult result = tuner(27, 1, 1).search();
        assertArrayEquals(new int[] {27, 9, 3, 1}, rungSizes(result));
        for (int k = 0; k < 4; k++) {
            int resource = new int[] {1, 3, 9, 27}[k];
            result.rowsAtRung(k).forEach(r -> assertEquals(resource, r.resource()));
        }
    }

    @Test
    void totalResource_equalsHandComputedSum() throws Exception {
        // 27 * 1 + 9 * 3 + 3 * 9 + 1 * 27 = 108 per fold; two folds spend twice that.
        assertEquals(108, tuner(27, 1, 1).search().totalResource());
        assertEquals(216, tuner(27, 2, 3).search().totalResource());
    }

    @Test
    void rungs_with10Configurations_keepAtLeastOne() throws Exception {
        // 10 -> floor(10/3) = 3 -> 1 -> max(1, floor(1/3)) = 1; resource 10 + 9 + 9 + 27 = 55.
        TuningResult result = tuner(10, 1, 1).search();
        assertArrayEquals(new int[] {10, 3, 1, 1}, rungSizes(result));
        assertEquals(55, result.totalResource());
    }

    @Test
    void weakestConfigurations_areStopped_andBestThirdPromoted() throws Exception {
        Tuner tuner = tuner(27, 1, 4);
        TuningResult result = tuner.search();
        // Expected survivors come from sorting the sampled x values directly, not from the tuner.
        List<Integer> byX =
                IntStream.range(0, 27)
                        .boxed()
                        .sorted(
                                Comparator.comparingDouble(
                                        i -> tuner.configurations().get(i).getDouble("x")))
                        .toList();
        assertEquals(sorted(byX.subList(0, 9)), ids(result.rowsAtRung(1)));
        assertEquals(sorted(byX.subList(0, 3)), ids(result.rowsAtRung(2)));
        assertEquals(List.of(byX.get(0)), ids(result.rowsAtRung(3)));
        for (TrialRecord r : result.rowsAtRung(0)) {
            assertEquals(byX.subList(0, 9).contains(r.trialId()), result.wasPromoted(r));
        }
        assertEquals(byX.get(0), result.best().orElseThrow().trialId());
    }

    @Test
    void failedTrials_areNeverPromoted() throws Exception {
        // x < 0.5 fails: survivors must be the best completed third among x >= 0.5.
        Tuner tuner =
                Tuner.builder()
                        .setSearchSpace(X_SPACE)
                        .setObjective(
                                f -> {
                                    double x = f.configuration().getDouble("x");
                                    if (x < 0.5) {
                                        throw new IllegalStateException("diverged at x " + x);
                                    }
                                    return x;
                                })
                        .setFolds(TuneFixtures.threeFolds())
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(27)
                        .setSeed(5)
                        .optStrategy(Strategy.successiveHalving(3, 1, 27))
                        .optListener(TrialListener.none())
                        .build();
        TuningResult result = tuner.search();
        for (int k = 1; k < 4; k++) {
            for (TrialRecord r : result.rowsAtRung(k)) {
                assertTrue(r.configuration().getDouble("x") >= 0.5);
            }
        }
        assertFalse(result.rowsAtRung(1).isEmpty());
    }

    private static List<Integer> ids(List<TrialRecord> rows) {
        return rows.stream().map(TrialRecord::trialId).toList();
    }

    private static List<Integer> sorted(List<Integer> ids) {
        return ids.stream().sorted().toList();
    }

    @Test
    void rungResources_stopAtMaxResource() {
        // 2 * 3^k <= 50: 2, 6, 18 (54 would exceed 50).
        assertArrayEquals(
                new int[] {2, 6, 18}, Strategy.successiveHalving(3, 2, 50).rungResources());
        assertArrayEquals(new int[] {5}, Strategy.randomSearch(5).rungResources());
    }
}
