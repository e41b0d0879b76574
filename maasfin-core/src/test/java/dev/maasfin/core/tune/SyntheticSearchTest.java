// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The synthetic task of issue 9: validation loss {@code (log10(lr) + 2.5)^2 + noise + 1/epochs}
 * with lr log-uniform on [1e-5, 1), so the best learning-rate region is [1e-3, 1e-2] by
 * construction (see {@link TuneFixtures#syntheticLoss}).
 */
class SyntheticSearchTest {
    private static final long SEED = 20261203L;

    private static Tuner tuner(Strategy strategy, int trials, int threads) {
        return Tuner.builder()
                .setSearchSpace(TuneFixtures.learningRateSpace())
                .setObjective(TuneFixtures.syntheticLoss(new TuneFixtures.RecordingData(300)))
                .setFolds(TuneFixtures.threeFolds())
                .setDirection(Direction.MINIMISE)
                .setMaxTrials(trials)
                .setSeed(SEED)
                .optStrategy(strategy)
                .optThreads(threads)
                .optListener(TrialListener.none())
                .build();
    }

    private static void assertInBestRegion(TuningResult result) {
        double lr = result.bestConfiguration().getDouble("lr");
        assertTrue(lr >= 1e-3 && lr <= 1e-2, "best lr " + lr + " outside [1e-3, 1e-2]");
    }

    /** Everything in a row except its wall time, which depends on the machine. */
    private static List<String> table(TuningResult result) {
        return result.rows().stream()
                .map(
                        r ->
                                r.trialId()
                                        + "|"
                                        + r.rung()
                                        + "|"
                                        + r.resource()
                                        + "|"
                                        + r.seed()
                                        + "|"
                                        + r.configuration().toJson()
                                        + "|"
                                        + Arrays.toString(r.foldMetrics())
                                        + "|"
                                        + r.status())
                .toList();
    }

    @Test
    void randomSearch_with40Trials_findsLearningRateInBestRegion() throws Exception {
        TuningResult result = tuner(Strategy.randomSearch(10), 40, 1).search();
        assertEquals(40, result.rows().size());
        assertEquals(40, result.completedCount());
        assertEquals(StopReason.FINISHED, result.stopReason());
        assertInBestRegion(result);
    }

    @Test
    void randomSearch_isDeterministic_forSeed_evenWithFourThreads() throws Exception {
        TuningResult first = tuner(Strategy.randomSearch(10), 40, 1).search();
        TuningResult again = tuner(Strategy.randomSearch(10), 40, 1).search();
        TuningResult parallel = tuner(Strategy.randomSearch(10), 40, 4).search();
        assertEquals(table(first), table(again));
        assertEquals(table(first), table(parallel));
        assertEquals(first.bestConfiguration(), parallel.bestConfiguration());
    }

    @Test
    void successiveHalving_findsBestRegion_andIsDeterministicWithFourThreads() throws Exception {
        Strategy sh = Strategy.successiveHalving(3, 1, 27);
        TuningResult first = tuner(sh, 40, 1).search();
        TuningResult again = tuner(sh, 40, 1).search();
        TuningResult parallel = tuner(sh, 40, 4).search();
        assertInBestRegion(first);
        assertEquals(table(first), table(again));
        assertEquals(table(first), table(parallel));
        assertEquals(27, first.best().orElseThrow().resource());
    }

    @Test
    void asha_withOneThread_findsBestRegion_andIsDeterministic() throws Exception {
        Strategy asha = Strategy.asha(3, 1, 27);
        TuningResult first = tuner(asha, 40, 1).search();
        TuningResult again = tuner(asha, 40, 1).search();
        assertInBestRegion(first);
        assertEquals(table(first), table(again));
    }

    @Test
    void asha_withFourThreads_startsEveryTrialOnce_andPromotesOnlyCompletedTrials()
            throws Exception {
        // With threads the promotions depend on finishing order, so only invariants are checked.
        TuningResult result = tuner(Strategy.asha(3, 1, 27), 40, 4).search();
        assertEquals(40, result.rowsAtRung(0).size());
        Set<Integer> ids = new HashSet<>();
        result.rowsAtRung(0).forEach(r -> ids.add(r.trialId()));
        assertEquals(40, ids.size());
        for (int k = 1; k < 4; k++) {
            for (TrialRecord r : result.rowsAtRung(k)) {
                int id = r.trialId();
                int below = k - 1;
                assertTrue(
                        result.rowsAtRung(below).stream()
                                .anyMatch(
                                        p ->
                                                p.trialId() == id
                                                        && p.status() == TrialStatus.COMPLETED),
                        "trial " + id + " reached rung " + k + " without completing rung " + below);
            }
        }
        // ASHA re-checks promotions whenever a thread is free, so once a rung holds at least eta
        // results its overall best row is always promoted before the search ends.
        for (int k = 0; k < 3; k++) {
            List<TrialRecord> rung = result.rowsAtRung(k);
            if (rung.size() >= 3) {
                TrialRecord best = rung.stream().min(Scheduler.ranking(Direction.MINIMISE)).get();
                assertTrue(result.wasPromoted(best), "best of rung " + k + " not promoted");
            }
        }
        // For the same reason every row in the final top floor(c_k / eta) of a rung is promoted:
        // at least 40 / 3 = 13 rows reach rung 1, 13 / 3 = 4 reach rung 2 and 1 reaches rung 3.
        assertTrue(result.rowsAtRung(1).size() >= 13, "rung 1 " + result.rowsAtRung(1).size());
        assertTrue(result.rowsAtRung(2).size() >= 4, "rung 2 " + result.rowsAtRung(2).size());
        assertTrue(result.rowsAtRung(3).size() >= 1, "rung 3 " + result.rowsAtRung(3).size());
    }

    @Test
    void trialSeeds_dependOnlyOnTunerSeedAndTrialNumber() throws Exception {
        TuningResult result = tuner(Strategy.randomSearch(1), 5, 4).search();
        for (TrialRecord r : result.rows()) {
            assertEquals(Tuner.trialSeed(SEED, r.trialId()), r.seed());
        }
        assertTrue(Tuner.trialSeed(SEED, 0) != Tuner.trialSeed(SEED, 1));
    }

    @Test
    void maximise_picksLargestMean() throws Exception {
        // Negated loss: maximising it must pick the same configuration as minimising the loss.
        Objective loss = TuneFixtures.syntheticLoss(new TuneFixtures.RecordingData(300));
        Tuner max =
                Tuner.builder()
                        .setSearchSpace(TuneFixtures.learningRateSpace())
                        .setObjective(f -> -loss.evaluate(f))
                        .setFolds(TuneFixtures.threeFolds())
                        .setDirection(Direction.MAXIMISE)
                        .setMaxTrials(40)
                        .setSeed(SEED)
                        .optStrategy(Strategy.randomSearch(10))
                        .optListener(TrialListener.none())
                        .build();
        TuningResult maximised = max.search();
        TuningResult minimised = tuner(Strategy.randomSearch(10), 40, 1).search();
        assertEquals(minimised.bestConfiguration(), maximised.bestConfiguration());
        double bestMean = maximised.best().orElseThrow().mean();
        for (TrialRecord r : maximised.rows()) {
            assertTrue(r.mean() <= bestMean);
        }
    }
}
