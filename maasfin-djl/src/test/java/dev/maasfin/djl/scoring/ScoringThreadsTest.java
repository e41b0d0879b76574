// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.djl.engine.Engines;
import org.junit.jupiter.api.Test;

/** Surefire starts the engine with 1 intra-op and 1 inter-op thread (maasfin-djl/pom.xml). */
class ScoringThreadsTest {

    @Test
    void configure_afterTheEngineLoaded_withOtherCounts_isRefused() {
        Engines.ensureLoaded();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ScoringThreads.configure(4, 2));
        assertEquals(
                "PyTorch has already loaded with ai.djl.pytorch.num_threads=1 and"
                        + " ai.djl.pytorch.num_interop_threads=1; thread counts must be configured"
                        + " before the engine loads",
                e.getMessage());
    }

    @Test
    void configure_afterTheEngineLoaded_withTheSameCounts_isAccepted() {
        Engines.ensureLoaded();
        ScoringThreads.configure(1, 1);
        assertEquals(1, ScoringThreads.intraOp());
        assertEquals(1, ScoringThreads.interOp());
    }

    @Test
    void configure_withZeroThreads_namesTheRule() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ScoringThreads.configure(0, 1));
        assertEquals("intraOp and interOp must be >= 1 but were 0 and 1", e.getMessage());
    }
}
