// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetAndFailureTest {
    private static final SearchSpace X_SPACE =
            SearchSpace.builder()
                    .optReal("x", 0.0, 1.0, Scale.LINEAR)
                    .optChoice("mode", "ok", "throw", "nan")
                    .build();

    private static Tuner.Builder base(Objective objective) {
        return Tuner.builder()
                .setSearchSpace(X_SPACE)
                .setObjective(objective)
                .setFolds(TuneFixtures.threeFolds())
                .setDirection(Direction.MINIMISE)
                .setMaxTrials(30)
                .setSeed(17)
                .optListener(TrialListener.none());
    }

    @Test
    void wallTimeBudget_withFakeClock_stopsSearchAndRecordsTrialsThatRan() throws Exception {
        // Each objective call takes 10 s of fake time; one fold. Trials start at 0, 10, 20 and
        // 30 s; at 40 s the 35 s budget is used up, so exactly trials 0..3 run.
        TuneFixtures.FakeClock clock = new TuneFixtures.FakeClock();
        Tuner tuner =
                base(f -> {
                            clock.advance(10_000);
                            return f.configuration().getDouble("x");
                        })
                        .setFolds(TuneFixtures.walkForward(300, 60, 1, 120, 40))
                        .setMaxTrials(10)
                        .optClock(clock)
                        .optMaxWallTime(Duration.ofSeconds(35))
                        .build();
        TuningResult result = tuner.search();
        assertEquals(StopReason.WALL_TIME, result.stopReason());
        assertEquals(
                List.of(0, 1, 2, 3), result.rows().stream().map(TrialRecord::trialId).toList());
        result.rows().forEach(r -> assertEquals(10_000, r.wallMillis()));
        assertEquals(40_000, result.elapsedMillis());
    }

    @Test
    void wallTimeBudget_notReached_finishes() throws Exception {
        TuneFixtures.FakeClock clock = new TuneFixtures.FakeClock();
        TuningResult result =
                base(f -> f.configuration().getDouble("x"))
                        .optClock(clock)
                        .optMaxWallTime(Duration.ofSeconds(1))
                        .build()
                        .search();
        assertEquals(StopReason.FINISHED, result.stopReason());
        assertEquals(30, result.rows().size());
    }

    @Test
    void failedTrials_areRecordedWithMessage_andSearchGoesOn() throws Exception {
        Objective objective =
                f -> {
                    String mode = f.configuration().getString("mode");
                    if (mode.equals("throw") && f.fold() == 1) {
                        throw new IllegalStateException("loss diverged");
                    }
                    return mode.equals("nan") ? Double.NaN : f.configuration().getDouble("x");
                };
        TuningResult result = base(objective).optThreads(3).build().search();
        assertEquals(30, result.rows().size());
        // Guard against a vacuous pass: the sample holds every mode.
        for (String mode : List.of("ok", "throw", "nan")) {
            assertTrue(
                    result.rows().stream()
                            .anyMatch(r -> r.configuration().getString("mode").equals(mode)),
                    mode);
        }
        for (TrialRecord r : result.rows()) {
            switch (r.configuration().getString("mode")) {
                case "ok" -> assertEquals(TrialStatus.COMPLETED, r.status());
                case "throw" -> {
                    assertEquals(TrialStatus.FAILED, r.status());
                    assertEquals("fold 1: IllegalStateException: loss diverged", r.error());
                    assertEquals(2, r.foldsRun());
                    double x = r.configuration().getDouble("x");
                    assertEquals(x, r.foldMetrics()[0]);
                    assertTrue(Double.isNaN(r.foldMetrics()[1]));
                    assertTrue(Double.isNaN(r.mean()));
                }
                default -> {
                    assertEquals(TrialStatus.FAILED, r.status());
                    assertEquals("fold 0: objective returned NaN", r.error());
                    assertEquals(1, r.foldsRun());
                }
            }
        }
        assertEquals("ok", result.bestConfiguration().getString("mode"));
    }

    @Test
    void allTrialsFailing_leavesNoBestConfiguration() throws Exception {
        TuningResult result =
                base(f -> {
                            throw new java.io.IOException("disk gone");
                        })
                        .setMaxTrials(3)
                        .build()
                        .search();
        assertEquals(0, result.completedCount());
        assertTrue(result.best().isEmpty());
        var e = assertThrows(IllegalStateException.class, result::bestConfiguration);
        assertEquals("no trial completed; 3 rows all failed or none ran", e.getMessage());
        assertEquals("fold 0: IOException: disk gone", result.rows().get(0).error());
    }

    @Test
    void meanAndSampleSd_ofFoldMetrics_matchHandComputation() throws Exception {
        // Folds return 1, 2, 4: mean 7/3; sample variance ((−4/3)² + (−1/3)² + (5/3)²) / 2 = 7/3.
        double[] perFold = {1, 2, 4};
        TuningResult result = base(f -> perFold[f.fold()]).setMaxTrials(1).build().search();
        TrialRecord r = result.rows().get(0);
        assertEquals(7.0 / 3.0, r.mean(), 1e-15);
        assertEquals(Math.sqrt(7.0 / 3.0), r.sd(), 1e-15);
    }

    @Test
    void listener_isCalledOncePerRow() throws Exception {
        List<TrialRecord> seen = new ArrayList<>();
        TuningResult result =
                base(f -> f.configuration().getDouble("x"))
                        .optStrategy(Strategy.successiveHalving(3, 1, 9))
                        .optListener(seen::add)
                        .optThreads(2)
                        .build()
                        .search();
        // 30 -> 10 -> 3 rows.
        assertEquals(43, seen.size());
        assertEquals(43, result.rows().size());
    }
}
