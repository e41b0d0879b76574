// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caller-given configuration (e.g. the model's default) evaluated as trial 0 of the search. */
class FirstConfigurationsTest {
    private static final SearchSpace SPACE =
            SearchSpace.builder().optReal("x", 0, 1, Scale.LINEAR).optInt("n", 1, 9).build();

    private static Configuration config(double x, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("n", n);
        return Configuration.of(m);
    }

    private static Tuner.Builder builder(int trials) {
        return Tuner.builder()
                .setSearchSpace(SPACE)
                .setObjective(f -> Math.abs(f.configuration().getDouble("x") - 0.3))
                .setFolds(TuneFixtures.threeFolds())
                .setDirection(Direction.MINIMISE)
                .setMaxTrials(trials)
                .setSeed(5)
                .optListener(TrialListener.none());
    }

    @Test
    void firstConfiguration_isTrialZero_andTheRestAreTheSeedsFirstSamples() throws Exception {
        Configuration def = config(0.3, 4);
        Tuner tuner = builder(4).optFirstConfigurations(List.of(def)).build();
        // Trial 0 is the given one; trials 1..3 are what the seed samples first (3 draws).
        assertEquals(def, tuner.configurations().get(0));
        assertEquals(SPACE.sample(3, 5), tuner.configurations().subList(1, 4));
        TuningResult result = tuner.search();
        assertEquals(4, result.rows().size());
        assertEquals(def, result.rows().get(0).configuration());
        // |0.3 - 0.3| = 0, which no sampled x in [0, 1) beats, so the default is the best.
        assertEquals(def, result.bestConfiguration());
    }

    @Test
    void firstConfigurations_moreThanMaxTrials_areRejected() {
        Configuration c = config(0.5, 2);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> builder(1).optFirstConfigurations(List.of(c, c)).build());
        assertEquals("maxTrials must be >= the 2 first configurations but was 1", e.getMessage());
    }

    @Test
    void firstConfiguration_withOtherParameterNames_isRejected() {
        Configuration c = Configuration.of(Map.of("x", 0.5));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> builder(2).optFirstConfigurations(List.of(c)).build());
        assertEquals(
                "first configuration 0 has parameters [x] but the search space has [x, n]",
                e.getMessage());
    }
}
