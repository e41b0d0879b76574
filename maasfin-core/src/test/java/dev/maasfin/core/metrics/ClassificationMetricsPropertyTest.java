// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassificationMetricsPropertyTest {

    @Test
    void metrics_case13_anyShuffleOfRows_givesSameThreeNumbers() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all())
                .checkAssert(ClassificationMetricsPropertyTest::sameNumbersAfterShuffle);
    }

    private static void sameNumbersAfterShuffle(long shuffleSeed) {
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

    @Test
    void rocAucAndKs_onRandomTiedScores_equalBruteForceDefinitions() {
        qt().withFixedSeed(7)
                .withExamples(300)
                .forAll(longs().all())
                .checkAssert(ClassificationMetricsPropertyTest::equalBruteForce);
    }

    private static void equalBruteForce(long seed) {
        // Independent oracle: the definitions evaluated literally, O(n²) pair counting for the
        // Mann–Whitney statistic and a scan of every candidate threshold for KS.
        Random rng = new Random(seed);
        int n = 2 + rng.nextInt(60);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 1 ? 1 : i < 2 ? 0 : rng.nextInt(2);
            s[i] = rng.nextInt(6) / 5.0;
        }
        double won = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    won += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        double ks = 0;
        for (double t : s) {
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < n; i++) {
                if (s[i] >= t) {
                    tp += y[i];
                    fp += 1 - y[i];
                }
            }
            double pos = java.util.Arrays.stream(y).sum();
            ks = Math.max(ks, tp / pos - fp / (n - pos));
        }
        assertEquals(won / pairs, ClassificationMetrics.rocAuc(y, s), 1e-12);
        assertEquals(ks, ClassificationMetrics.ks(y, s), 1e-12);
    }
}
