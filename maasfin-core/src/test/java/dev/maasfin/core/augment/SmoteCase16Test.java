// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import dev.maasfin.core.split.ChronologicalSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference case 16 of /work/shared/cases/reference-cases.md: SMOTE inside the training fold. */
class SmoteCase16Test {
    static final double[][] X = {
        {0.20, 0.10}, {1.60, 1.30}, {-0.40, 0.30}, {0.10, -0.50}, {1.20, 1.70}, {-0.20, -0.30},
        {0.50, 0.60}, {1.90, 0.90}, {-0.60, -0.10}, {0.30, 0.40}, {1.40, 1.10}, {0.00, 0.20},
        {0.90, 0.40}, {-1.50, 2.00}, {0.70, 0.90}, {-0.90, 1.40}, {-1.80, 2.40}, {0.40, -0.20}
    };

    static Frame data() {
        double[] a = new double[18];
        double[] b = new double[18];
        double[] y = new double[18];
        for (int r = 0; r < 18; r++) {
            a[r] = X[r][0];
            b[r] = X[r][1];
            y[r] = r % 3 == 1 ? 1 : 0; // minority at rows 1, 4, 7, 10, 13, 16
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x1", a);
        m.put("x2", b);
        m.put("y", y);
        return Frame.of(m);
    }

    // Case 16: rows 0-11 train, 12-17 test (chronological).
    static Split split() {
        return ChronologicalSplit.bySizes(18, 12, 0, 0);
    }

    @Test
    void midpoint_case16_makesExactlyTheListedSyntheticRows() {
        ResampledTraining r = Smote.midpoint().resampleTraining(data(), "y", split());
        Frame f = r.frame();
        // Case 16: training after resampling 16 rows, classes 8 / 8
        assertEquals(16, f.rows());
        assertEquals(8, count(f.column("y"), 1));
        assertEquals(8, count(f.column("y"), 0));
        // Case 16: (row, neighbour, point): (1,10,(1.5,1.2)) (4,1,(1.4,1.5)) (7,1,(1.75,1.1))
        // (10,1,(1.5,1.2))
        assertArrayEquals(new int[] {1, 4, 7, 10}, r.baseRows());
        assertArrayEquals(new int[] {10, 1, 1, 1}, r.neighbourRows());
        assertArrayEquals(new double[] {1.5, 1.4, 1.75, 1.5}, slice(f.column("x1"), 12), 1e-12);
        assertArrayEquals(new double[] {1.2, 1.5, 1.1, 1.2}, slice(f.column("x2"), 12), 1e-12);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, r.trainRows());
    }

    // Case 16: a 1-NN trained on the correct set predicts 0,0,0,0,0,0 on rows 12-17 (recall 0/2).
    @Test
    void oneNearestNeighbour_case16_onCorrectTrainingSetPredictsAllZeroOnTest() {
        Frame data = data();
        ResampledTraining r = Smote.midpoint().resampleTraining(data, "y", split());
        Frame test = data.selectRows(split().test());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, oneNn(r.frame(), test));
        // Case 16: test rows 12-17 unchanged, 6 rows, 2 minority
        assertEquals(6, test.rows());
        assertEquals(2, count(test.column("y"), 1));
        assertArrayEquals(new double[] {0.9, -1.5, 0.7, -0.9, -1.8, 0.4}, test.column("x1"), 0);
    }

    // Case 16, wrong output to recognise: oversampling all 18 rows first adds (13, 16,
    // (-1.65, 2.2)) twice, and 1-NN then predicts 0, 1, 0, 1, 1, 0 on rows 12-17 via the leak.
    @Test
    void oneNearestNeighbour_case16_whenResampledBeforeSplit_findsTheTestFraudsThroughTheLeak() {
        Frame data = data();
        int[] all = ChronologicalSplit.bySizes(18, 17, 0, 0).train();
        all = java.util.Arrays.copyOf(all, 18);
        all[17] = 17;
        ResampledTraining leaky =
                Smote.midpoint()
                        .resampleTraining(data, "y", new Split(all, new int[0], new int[0]));
        int leaks = 0;
        for (int i = leaky.originalCount(); i < leaky.frame().rows(); i++) {
            if (Math.abs(leaky.frame().get(i, 0) + 1.65) < 1e-12
                    && Math.abs(leaky.frame().get(i, 1) - 2.2) < 1e-12) {
                leaks++;
            }
        }
        assertEquals(2, leaks);
        // leaky training set: rows 0-11 plus every synthetic row
        int[] keep = new int[12 + leaky.syntheticCount()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i < 12 ? i : leaky.originalCount() + i - 12;
        }
        Frame leakyTrain = leaky.frame().selectRows(keep);
        assertArrayEquals(
                new double[] {0, 1, 0, 1, 1, 0},
                oneNn(leakyTrain, data.selectRows(split().test())));
    }

    // Case 16 property: every synthetic row lies on a segment between two training minority rows.
    @Test
    void randomLambda_case16_syntheticRowsAreOnTrainingMinoritySegments() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all())
                .checkAssert(SmoteCase16Test::syntheticRowsOnMinoritySegments);
    }

    private static void syntheticRowsOnMinoritySegments(long seed) {
        Frame data = data();
        int k = 1 + (int) Math.floorMod(seed, 3); // k in 1..3 (4 training minority rows)
        ResampledTraining r = Smote.random(k, seed).resampleTraining(data, "y", split());
        Frame f = r.frame();
        assertEquals(16, f.rows());
        assertEquals(8, count(f.column("y"), 1));
        int[] base = r.baseRows();
        int[] nb = r.neighbourRows();
        for (int j = 0; j < r.syntheticCount(); j++) {
            assertTrue(base[j] < 12 && nb[j] < 12 && base[j] % 3 == 1 && nb[j] % 3 == 1);
            double ax = X[base[j]][0], ay = X[base[j]][1];
            double dx = X[nb[j]][0] - ax, dy = X[nb[j]][1] - ay;
            double px = f.get(12 + j, 0) - ax, py = f.get(12 + j, 1) - ay;
            assertEquals(0, px * dy - py * dx, 1e-9, "collinear");
            double lambda = (px * dx + py * dy) / (dx * dx + dy * dy);
            assertTrue(lambda >= -1e-12 && lambda <= 1 + 1e-12, "lambda " + lambda);
        }
        // same seed, same output
        Frame again = Smote.random(k, seed).resampleTraining(data, "y", split()).frame();
        assertArrayEquals(f.column("x1"), again.column("x1"), 0);
    }

    @Test
    void resample_whenLabelIsNotBinary_namesColumnRowAndValue() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", new double[] {1, 2, 3});
        m.put("y", new double[] {0, 2, 1});
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Smote.midpoint()
                                        .resampleTraining(
                                                Frame.of(m),
                                                "y",
                                                ChronologicalSplit.bySizes(3, 2, 0, 0)));
        assertEquals("label column 'y', row 1: value 2.0 must be 0 or 1", e.getMessage());
    }

    @Test
    void resample_whenTooFewMinorityRowsForK_saysSo() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Smote.random(4, 1).resampleTraining(data(), "y", split()));
        assertEquals(
                "k must be < the number of training minority rows (4) but was 4", e.getMessage());
    }

    static double[] oneNn(Frame train, Frame test) {
        double[] out = new double[test.rows()];
        for (int i = 0; i < test.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < train.rows(); j++) {
                double d0 = train.get(j, 0) - test.get(i, 0);
                double d1 = train.get(j, 1) - test.get(i, 1);
                double d = d0 * d0 + d1 * d1;
                if (d < best) {
                    best = d;
                    out[i] = train.get(j, 2);
                }
            }
        }
        return out;
    }

    static int count(double[] y, double v) {
        int n = 0;
        for (double d : y) {
            n += d == v ? 1 : 0;
        }
        return n;
    }

    static double[] slice(double[] a, int from) {
        return java.util.Arrays.copyOfRange(a, from, a.length);
    }
}
