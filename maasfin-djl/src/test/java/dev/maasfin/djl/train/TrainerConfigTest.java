// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainerConfigTest {

    @Test
    void build_withNothingSet_namesEveryMissingValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().build());

        assertEquals(
                "invalid trainer config: optimizer is missing; learningRate must be positive and"
                        + " finite but was NaN; batchSize must be >= 1 but was 0; maxEpochs must"
                        + " be >= 1 but was 0; seed is missing",
                e.getMessage());
    }

    @Test
    void build_adamW_defaultsWeightDecayToOneHundredth() {
        TrainerConfig c =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAMW)
                        .setLearningRate(1e-3)
                        .setBatchSize(8)
                        .setMaxEpochs(1)
                        .setSeed(1)
                        .build();

        assertEquals(0.01, c.weightDecay());
        assertEquals(false, c.earlyStopping());
    }

    @Test
    void schedules_followTheirDefinitions() {
        // step: r * factor^floor(e / every); cosine: r * (1 + cos(pi e / E)) / 2.
        LearningRateSchedule step = LearningRateSchedule.stepDecay(2, 0.5);
        assertEquals(0.1, step.rate(0.1, 1, 10), 1e-15);
        assertEquals(0.05, step.rate(0.1, 2, 10), 1e-15);
        assertEquals(0.025, step.rate(0.1, 5, 10), 1e-15);
        assertEquals(0.05, LearningRateSchedule.cosine().rate(0.1, 5, 10), 1e-15);
        assertEquals(0.1, LearningRateSchedule.constant().rate(0.1, 9, 10));
    }

    @Test
    void optEarlyStopping_withZeroPatience_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainerConfig.builder().optEarlyStopping(0, 0));
        assertEquals("patience must be >= 1 but was 0", e.getMessage());
    }
}
