// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.split.Split;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * "Never the test part": the objective reads its rows through an instrumented accessor; the test
 * rows (240..299 of {@link TuneFixtures#threeFolds()}) must not be read until the explicit final
 * evaluation.
 */
class TestPartIsolationTest {
    private static final Set<Integer> TEST_ROWS = rows(240, 300);

    private static Set<Integer> rows(int from, int to) {
        Set<Integer> s = new HashSet<>();
        for (int i = from; i < to; i++) {
            s.add(i);
        }
        return s;
    }

    private static Tuner tuner(TuneFixtures.RecordingData data, Strategy strategy, int threads) {
        return Tuner.builder()
                .setSearchSpace(TuneFixtures.learningRateSpace())
                .setObjective(TuneFixtures.syntheticLoss(data))
                .setFolds(TuneFixtures.threeFolds())
                .setDirection(Direction.MINIMISE)
                .setMaxTrials(27)
                .setSeed(99)
                .optStrategy(strategy)
                .optThreads(threads)
                .optListener(TrialListener.none())
                .build();
    }

    @Test
    void search_neverReadsTestRows_andFinalEvaluationDoes() throws Exception {
        for (Strategy s :
                List.of(
                        Strategy.randomSearch(3),
                        Strategy.successiveHalving(3, 1, 27),
                        Strategy.asha(3, 1, 27))) {
            TuneFixtures.RecordingData data = new TuneFixtures.RecordingData(300);
            Tuner tuner = tuner(data, s, 4);
            TuningResult result = tuner.search();

            Set<Integer> leaked = new HashSet<>(data.searchReads());
            leaked.retainAll(TEST_ROWS);
            assertTrue(leaked.isEmpty(), s + " read test rows " + leaked);
            // The search did read every train/validation row of the folds: 0..239.
            assertEquals(rows(0, 240), data.searchReads(), s.toString());
            assertTrue(data.finalReads().isEmpty());

            data.startFinalPhase();
            tuner.evaluateOnTest(result.bestConfiguration());
            // Final call: retrain on the last fold's train + validation (0..239), score 240..299.
            assertEquals(rows(0, 300), data.finalReads(), s.toString());
        }
    }

    @Test
    void objective_seesTestFlagOnlyInFinalCall() throws Exception {
        AtomicInteger testCalls = new AtomicInteger();
        AtomicInteger searchCallsWithTestRows = new AtomicInteger();
        Objective spy =
                f -> {
                    if (f.isTest()) {
                        testCalls.incrementAndGet();
                        assertEquals(-1, f.trialId());
                        assertEquals(60, f.evaluation().length);
                        assertEquals(27, f.resource());
                    } else {
                        for (int i : f.evaluation()) {
                            if (i >= 240) {
                                searchCallsWithTestRows.incrementAndGet();
                            }
                        }
                    }
                    return f.configuration().getDouble("lr");
                };
        Tuner tuner =
                Tuner.builder()
                        .setSearchSpace(TuneFixtures.learningRateSpace())
                        .setObjective(spy)
                        .setFolds(TuneFixtures.threeFolds())
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(9)
                        .setSeed(1)
                        .optStrategy(Strategy.successiveHalving(3, 3, 27))
                        .optListener(TrialListener.none())
                        .build();
        Configuration best = tuner.search().bestConfiguration();
        assertEquals(0, testCalls.get());
        assertEquals(best.getDouble("lr"), tuner.evaluateOnTest(best));
        assertEquals(1, testCalls.get());
        assertEquals(0, searchCallsWithTestRows.get());
    }

    @Test
    void evaluateOnTest_secondCall_isRefused() throws Exception {
        TuneFixtures.RecordingData data = new TuneFixtures.RecordingData(300);
        Tuner tuner = tuner(data, Strategy.randomSearch(1), 1);
        Configuration best = tuner.search().bestConfiguration();
        tuner.evaluateOnTest(best);
        var e = assertThrows(IllegalStateException.class, () -> tuner.evaluateOnTest(best));
        assertEquals(
                "the test part was already used; evaluateOnTest may be called once per tuner",
                e.getMessage());
    }

    @Test
    void evaluateOnTest_withForeignConfiguration_isRejectedBeforeUsingTestPart() throws Exception {
        TuneFixtures.RecordingData data = new TuneFixtures.RecordingData(300);
        Tuner tuner = tuner(data, Strategy.randomSearch(1), 1);
        Configuration foreign = Configuration.of(java.util.Map.of("momentum", 0.9));
        var e = assertThrows(IllegalArgumentException.class, () -> tuner.evaluateOnTest(foreign));
        assertEquals(
                "configuration parameters [momentum] do not match the search space [lr, units,"
                        + " optimiser]",
                e.getMessage());
        data.startFinalPhase();
        tuner.evaluateOnTest(tuner.search().bestConfiguration());
        assertFalse(data.finalReads().isEmpty());
    }

    @Test
    void evaluateOnTest_withoutTestPart_isRefused() {
        Split noTest =
                new Split(TuneFixtures.range(0, 100), TuneFixtures.range(100, 150), new int[0]);
        Tuner tuner =
                Tuner.builder()
                        .setSearchSpace(TuneFixtures.learningRateSpace())
                        .setObjective(f -> 1.0)
                        .setFolds(List.of(noTest))
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(2)
                        .setSeed(1)
                        .build();
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () -> tuner.evaluateOnTest(tuner.configurations().get(0)));
        assertEquals(
                "no fold has a test part; give folds whose Split.test() holds the held-out rows",
                e.getMessage());
    }

    @Test
    void build_withFoldTrainingOnAnotherFoldsTestRows_isRejected() {
        // Fold 1 trains on 0..199 but fold 0 holds 150..199 out as test: that would leak.
        Split a =
                new Split(
                        TuneFixtures.range(0, 100),
                        TuneFixtures.range(100, 150),
                        TuneFixtures.range(150, 200));
        Split b = new Split(TuneFixtures.range(0, 200), TuneFixtures.range(200, 250), new int[0]);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Tuner.builder()
                                        .setSearchSpace(TuneFixtures.learningRateSpace())
                                        .setObjective(f -> 1.0)
                                        .setFolds(List.of(a, b))
                                        .setDirection(Direction.MINIMISE)
                                        .setMaxTrials(2)
                                        .setSeed(1)
                                        .build());
        assertEquals(
                "fold 1 train row 150 is in the test part (the union of the folds' test rows);"
                        + " the search must never see test rows",
                e.getMessage());
    }

    @Test
    void evaluateOnTest_whenObjectiveFails_reportsCauseAndStillCountsAsUsed() {
        Tuner tuner =
                Tuner.builder()
                        .setSearchSpace(TuneFixtures.learningRateSpace())
                        .setObjective(
                                f -> {
                                    if (f.isTest()) {
                                        throw new java.io.IOException("no space left");
                                    }
                                    return 1.0;
                                })
                        .setFolds(TuneFixtures.threeFolds())
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(2)
                        .setSeed(1)
                        .optListener(TrialListener.none())
                        .build();
        Configuration c = tuner.configurations().get(0);
        var e = assertThrows(IllegalStateException.class, () -> tuner.evaluateOnTest(c));
        assertEquals(
                "final evaluation on the test part failed: IOException: no space left",
                e.getMessage());
        // The objective has seen test rows, so a retry would be a second look: refused.
        assertThrows(IllegalStateException.class, () -> tuner.evaluateOnTest(c));
    }
}
