// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ClassificationMetricsPropertyTest {

    @Property(tries = 1000, seed = "42")
    void metrics_case13_anyShuffleOfRows_givesSameThreeNumbers(@ForAll long shuffleSeed) {
        // Case 13 property: row order must not matter (ties form one threshold).
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(shuffleSeed));
        int[] y = new int[12];
        double[] s = new double[12];
        for (int i = 0; i < 12; i++) {
            y[i] = ClassificationMetricsTest.CASE13_LABELS[order.get(i)];
            s[i] = ClassificationMetricsTest.CASE13_SCORES[order.get(i)];
        }
        assertEquals(23.5 / 35, ClassificationMetrics.rocAuc(y, s), 1e-12);
        assertEquals(
                0.1 + 0.2 + 0.4 * 5.0 / 9, ClassificationMetrics.averagePrecision(y, s), 1e-12);
        assertEquals(3.0 / 7, ClassificationMetrics.ks(y, s), 1e-12);
    }
}
