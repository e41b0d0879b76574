// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference case 18 (permutation part) of shared/cases/reference-cases.md, and invariants. */
class PermutationImportanceTest {
    // Case 18 input: fixed model y = x1 + x2 + 0.5 x3, MSE, 8 rows; base MSE 0.015.
    private static final double[] X1 = {0.2, -1.1, 0.8, 1.5, -0.4, 0.9, -1.3, 0.6};
    private static final double[] X2 = {0.3, -1.0, 0.7, 1.6, -0.5, 1.0, -1.2, 0.4};
    private static final double[] X3 = {1.0, 0.4, -0.7, 0.2, -1.2, 0.5, 0.9, -1.1};
    private static final double[] Y = {0.9, -2.0, 1.0, 3.3, -1.5, 2.4, -2.0, 0.5};
    private static final BatchModel LINEAR = rows -> predictLinear(rows);
    private static final int[] REVERSAL = {7, 6, 5, 4, 3, 2, 1, 0};
    // numpy.roll(v, 1): row i takes row i - 1's value.
    private static final int[] SHIFT_BY_ONE = {7, 0, 1, 2, 3, 4, 5, 6};

    private static double[] predictLinear(double[][] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = rows[i][0] + rows[i][1] + 0.5 * rows[i][2];
        }
        return p;
    }

    private static double[][] rows() {
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {X1[i], X2[i], X3[i]};
        }
        return x;
    }

    private static PermutationImportance explainer(int repeats) {
        return PermutationImportance.of(LINEAR, Loss.MSE, repeats, 42);
    }

    @Test
    void increase_withReversal_matchesCase18() {
        // Case 18: reversal gives 1.020000, 1.216250, 0.551250, group 4.286250 (tol 1e-12).
        PermutationImportance pi = explainer(1);
        double[][] x = rows();
        assertEquals(1.020000, pi.increase(x, Y, new int[] {0}, REVERSAL), 1e-12);
        assertEquals(1.216250, pi.increase(x, Y, new int[] {1}, REVERSAL), 1e-12);
        assertEquals(0.551250, pi.increase(x, Y, new int[] {2}, REVERSAL), 1e-12);
        assertEquals(4.286250, pi.increase(x, Y, new int[] {0, 1}, REVERSAL), 1e-12);
    }

    @Test
    void increase_withCyclicShift_matchesCase18() {
        // Case 18: cyclic shift by one gives 2.528750, 2.512500, 0.550000, group 9.893750.
        PermutationImportance pi = explainer(1);
        double[][] x = rows();
        assertEquals(2.528750, pi.increase(x, Y, new int[] {0}, SHIFT_BY_ONE), 1e-12);
        assertEquals(2.512500, pi.increase(x, Y, new int[] {1}, SHIFT_BY_ONE), 1e-12);
        assertEquals(0.550000, pi.increase(x, Y, new int[] {2}, SHIFT_BY_ONE), 1e-12);
        assertEquals(9.893750, pi.increase(x, Y, new int[] {0, 1}, SHIFT_BY_ONE), 1e-12);
    }

    @Test
    void increase_averagedOverAllPermutations_matchesCase18Expectation() {
        // Case 18: the exact expectation over all 8! permutations is x1 1.818750,
        // x2 1.774375, x3 0.350000, group {x1, x2} 7.005625.
        PermutationImportance pi = explainer(1);
        double[][] x = rows();
        double[] sums = new double[4];
        int[][] sets = {{0}, {1}, {2}, {0, 1}};
        int[] perm = {0, 1, 2, 3, 4, 5, 6, 7};
        int count = 0;
        do {
            for (int s = 0; s < sets.length; s++) {
                sums[s] += pi.increase(x, Y, sets[s], perm);
            }
            count++;
        } while (nextPermutation(perm));
        assertEquals(40_320, count);
        assertEquals(1.818750, sums[0] / count, 1e-9);
        assertEquals(1.774375, sums[1] / count, 1e-9);
        assertEquals(0.350000, sums[2] / count, 1e-9);
        assertEquals(7.005625, sums[3] / count, 1e-9);
    }

    @Test
    void compute_withManyRandomRepeats_convergesToExpectationAndReportsGroup() {
        // Case 18: with R >= 2,000 random permutations the mean lies within +-0.07 of 1.818750
        // for x1 and +-0.25 of 7.005625 for the group (4 sd / sqrt(R)).
        List<PermutationImportance.Importance> result =
                explainer(2_000)
                        .compute(
                                rows(),
                                Y,
                                List.of("x1", "x2", "x3"),
                                Map.of("x1+x2", new int[] {0, 1}));
        assertEquals(4, result.size());
        assertEquals("x1", result.get(0).name());
        assertEquals(1.818750, result.get(0).mean(), 0.07);
        assertEquals("x1+x2", result.get(3).name());
        assertEquals(7.005625, result.get(3).mean(), 0.25);
        // Case 18: per-permutation sd 0.692224 for x1; the sample sd should be near it.
        assertEquals(0.692224, result.get(0).sd(), 0.1);
        // The group is about twice the sum of the singles: credit is shared.
        assertTrue(result.get(3).mean() > 1.5 * (result.get(0).mean() + result.get(1).mean()));
    }

    @Test
    void compute_sameSeed_givesSameResult() {
        List<String> names = List.of("x1", "x2", "x3");
        double a = explainer(5).compute(rows(), Y, names, Map.of()).get(2).mean();
        double b = explainer(5).compute(rows(), Y, names, Map.of()).get(2).mean();
        assertEquals(a, b, 0.0);
    }

    @Test
    void compute_onSyntheticTask_ranksTheOnlyInformativeFeatureFirst() {
        // The label depends on feature 2 only; features 0, 1 and 3 are noise the model ignores.
        SplittableRandom rng = new SplittableRandom(7);
        double[][] x = new double[200][4];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextDouble(-1, 1);
            }
            y[i] = 3 * x[i][2];
        }
        BatchModel model =
                rows -> {
                    double[] p = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        p[i] = 3 * rows[i][2] + 0.01 * rows[i][0];
                    }
                    return p;
                };
        List<PermutationImportance.Importance> r =
                PermutationImportance.of(model, Loss.MSE, 10, 1)
                        .compute(x, y, List.of("a", "b", "signal", "d"), Map.of());
        for (int j : new int[] {0, 1, 3}) {
            assertTrue(r.get(2).mean() > 100 * Math.abs(r.get(j).mean()), r.toString());
        }
    }

    @Test
    void compute_whenValueNotFinite_namesRowAndFeature() {
        double[][] x = rows();
        x[3][1] = Double.NaN;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> explainer(1).compute(x, Y, List.of("x1", "x2", "x3"), Map.of()));
        assertEquals("row 3, feature x2: value NaN is not finite", e.getMessage());
    }

    @Test
    void increase_whenNotAPermutation_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                explainer(1)
                                        .increase(
                                                rows(),
                                                Y,
                                                new int[] {0},
                                                new int[] {0, 0, 1, 2, 3, 4, 5, 6}));
        assertTrue(e.getMessage().startsWith("not a permutation of 0..7"), e.getMessage());
    }

    @Test
    void of_whenRepeatsBelowOne_namesValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PermutationImportance.of(LINEAR, Loss.MSE, 0, 1));
        assertEquals("repeats must be >= 1 but was 0", e.getMessage());
    }

    /** Advances to the next lexicographic permutation; false after the last. */
    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
