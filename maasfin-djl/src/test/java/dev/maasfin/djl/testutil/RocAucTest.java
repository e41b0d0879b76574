// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void rocAuc_withOneTiedPair_countsTheTieAsHalf() {
        // Pairs (pos, neg): (0.9,0.5)=1, (0.9,0.1)=1, (0.5,0.5)=0.5, (0.5,0.1)=1 -> 3.5 / 4.
        float[] s = {0.9f, 0.5f, 0.5f, 0.1f};
        boolean[] pos = {true, true, false, false};

        assertEquals(0.875, RocAuc.of(s, pos), 1e-12);
    }
}
