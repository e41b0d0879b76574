// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.split.Split;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunerBuilderTest {

    @Test
    void build_withNothingSet_namesEveryMissingValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tuner.builder().build());
        assertEquals(
                "tuner is missing required [searchSpace, objective, folds, direction, maxTrials,"
                        + " seed]",
                e.getMessage());
    }

    @Test
    void strategies_withBadSettings_areRejectedNamingTheParameter() {
        assertMessage("eta must be >= 2 but was 1", () -> Strategy.successiveHalving(1, 1, 27));
        assertMessage("eta must be >= 2 but was 0", () -> Strategy.asha(0, 1, 27));
        assertMessage(
                "minResource must be >= 1 but was 0", () -> Strategy.successiveHalving(3, 0, 27));
        assertMessage(
                "maxResource must be >= minResource (9) but was 3",
                () -> Strategy.successiveHalving(3, 9, 3));
        assertMessage("resource must be >= 1 but was 0", () -> Strategy.randomSearch(0));
    }

    @Test
    void builderSettings_withBadValues_areRejectedNamingTheParameter() {
        assertMessage("maxTrials must be >= 1 but was 0", () -> Tuner.builder().setMaxTrials(0));
        assertMessage("threads must be >= 1 but was 0", () -> Tuner.builder().optThreads(0));
        assertMessage(
                "maxWallTime must be > 0 but was PT0S",
                () -> Tuner.builder().optMaxWallTime(Duration.ZERO));
        assertMessage(
                "folds must hold at least one split but was empty",
                () -> Tuner.builder().setFolds(List.of()));
    }

    @Test
    void setFolds_withEmptyValidation_isRejected() {
        Split s = new Split(TuneFixtures.range(0, 10), new int[0], TuneFixtures.range(10, 12));
        assertMessage(
                "fold 0 needs non-empty train and validation parts but was Split[train 10 rows"
                        + " 0..9, validation empty, test 2 rows 10..11]",
                () -> Tuner.builder().setFolds(List.of(s)));
    }

    private static void assertMessage(String expected, Runnable call) {
        var e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
