// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Return buckets, class scores and class weights against hand-worked values. */
class ReturnBucketsTest {

    @Test
    void terciles_ofOneToNine_areNumpyLinearQuantiles() {
        // numpy.quantile([1..9], [1/3, 2/3]) = 1 + 8/3 = 3.6667 and 1 + 16/3 = 6.3333.
        ReturnBuckets b = ReturnBuckets.fit(new double[] {9, 1, 8, 2, 7, 3, 6, 4, 5}, 3);

        assertArrayEquals(new double[] {11.0 / 3, 19.0 / 3}, b.edges(), 1e-12);
        assertEquals(0, b.classOf(3));
        assertEquals(1, b.classOf(4));
        assertEquals(1, b.classOf(19.0 / 3), "an edge value falls in the lower class");
        assertEquals(2, b.classOf(7));
    }

    @Test
    void direction_isUpOnlyForPositiveReturns() {
        ReturnBuckets b = ReturnBuckets.fit(new double[] {-1, 1, 2}, 2);

        assertEquals(0, b.classOf(0.0));
        assertEquals(1, b.classOf(1e-12));
        assertArrayEquals(new String[] {"down", "up"}, b.names());
    }

    @Test
    void fit_whenOneBucket_namesTheRule() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ReturnBuckets.fit(new double[] {1, 2}, 1));
        assertEquals("buckets must be in 2..10 but was 1", e.getMessage());
    }

    @Test
    void classScores_ofWorkedExample_matchHandCounts() {
        // truth 0 0 1 1 2, predicted 0 1 1 1 0: rows [1 1 0] [0 2 0] [1 0 0]; 3 of 5 right;
        // recall 1/2, 2/2, 0/1; balanced accuracy (0.5 + 1 + 0) / 3 = 0.5.
        ClassScores s = ClassScores.of(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0}, 3);

        assertArrayEquals(new int[] {1, 1, 0}, s.confusion()[0]);
        assertArrayEquals(new int[] {0, 2, 0}, s.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 0}, s.confusion()[2]);
        assertEquals(0.6, s.accuracy(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.0, 0.0}, s.recall(), 1e-15);
        assertEquals(0.5, s.balancedAccuracy(), 1e-15);
    }

    @Test
    void binomialPValue_matchesExactTail() {
        // P(X >= 3), X ~ Bin(5, 1/2) = (10 + 5 + 1) / 32 = 0.5; P(X >= 4), X ~ Bin(4, 1/2) = 1/16.
        assertEquals(0.5, ClassScores.binomialPValue(3, 5, 0.5), 1e-12);
        assertEquals(1.0 / 16, ClassScores.binomialPValue(4, 4, 0.5), 1e-12);
        assertEquals(1.0, ClassScores.binomialPValue(0, 4, 0.5), 0.0);
    }

    @Test
    void classWeights_areBalancedInverseFrequencies() {
        // n = 4, k = 2, counts 3 and 1: 4 / (2 * 3) = 2/3 and 4 / (2 * 1) = 2.
        float[] w = PatternsCommand.classWeights(new int[] {0, 0, 0, 1}, 2);

        assertArrayEquals(new float[] {2f / 3, 2f}, w, 1e-6f);
    }
}
