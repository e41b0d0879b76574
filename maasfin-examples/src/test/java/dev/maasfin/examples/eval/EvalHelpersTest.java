// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.maasfin.core.metrics.ClassificationMetrics;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Z-scoring, precision-recall points and seed figures, against hand-worked values. */
class EvalHelpersTest {

    @Test
    void standardiser_usesPopulationSdOfTheFittedRowsOnly() {
        // Rows 0 and 2 hold 1 and 3: mean 2, population sd 1 (sample sd would be 1.414).
        double[][] x = {{1}, {100}, {3}};
        Standardiser s = Standardiser.fit(x, new int[] {0, 2});
        assertArrayEquals(new double[] {2}, s.mean(), 0);
        assertArrayEquals(new double[] {1}, s.sd(), 0);
        assertArrayEquals(new double[] {98}, s.apply(x, new int[] {1})[0], 0);
    }

    @Test
    void standardiser_whenColumnConstant_mapsItToZero() {
        double[][] x = {{5}, {5}};
        assertArrayEquals(
                new double[] {0},
                Standardiser.fit(x, new int[] {0, 1}).apply(x, new int[] {1})[0],
                0);
    }

    @Test
    void standardiser_whenNoRows_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Standardiser.fit(new double[][] {{1}}, new int[0]));
        assertEquals("rows must not be empty", e.getMessage());
    }

    @Test
    void standardiser_fittedRowsHaveMeanZeroAndSdOne() {
        qt().withFixedSeed(42)
                .withExamples(200)
                .forAll(integers().between(2, 40), doubles().between(-1e3, 1e3))
                .checkAssert(
                        (n, shift) -> {
                            Random rnd = new Random(n);
                            double[][] x = new double[n][1];
                            int[] rows = new int[n];
                            for (int i = 0; i < n; i++) {
                                x[i][0] = shift + rnd.nextGaussian() * 10;
                                rows[i] = i;
                            }
                            double[][] z = Standardiser.fit(x, rows).apply(x, rows);
                            double m = 0;
                            double ss = 0;
                            for (double[] r : z) {
                                m += r[0] / n;
                            }
                            for (double[] r : z) {
                                ss += (r[0] - m) * (r[0] - m) / n;
                            }
                            assertEquals(0, m, 1e-9);
                            assertEquals(1, ss, 1e-9);
                        });
    }

    @Test
    void precisionRecall_tiedScoresFormOneStep() {
        // Scores 0.9 (pos), 0.5 (pos), 0.5 (neg), 0.1 (neg). Thresholds by hand: at 0.9 recall
        // 1/2 precision 1; at 0.5 (tie of one pos and one neg) recall 1 precision 2/3; at 0.1
        // recall 1 precision 1/2.
        int[] y = {1, 1, 0, 0};
        double[] s = {0.9, 0.5, 0.5, 0.1};
        double[][] pr = Curves.precisionRecall(y, s);
        assertArrayEquals(new double[] {0.5, 1, 1}, pr[0], 1e-12);
        assertArrayEquals(new double[] {1, 2.0 / 3, 0.5}, pr[1], 1e-12);
    }

    @Test
    void seedFigure_meanAndSdAreOverSeeds_intervalBracketsTheMean() {
        // Seed 1 ranks perfectly (ROC-AUC 1); seed 2 ranks exactly backwards (ROC-AUC 0):
        // mean 0.5, population sd 0.5.
        int[] y = {0, 0, 1, 1};
        double[][] scores = {{0.1, 0.2, 0.8, 0.9}, {0.9, 0.8, 0.2, 0.1}};
        SeedFigure f = SeedFigure.of(y, scores, ClassificationMetrics::rocAuc);
        assertArrayEquals(new double[] {1, 0}, f.perSeed(), 0);
        assertEquals(0.5, f.mean(), 0);
        assertEquals(0.5, f.sd(), 0);
        assertTrue(f.lower() <= 0.5 && f.upper() >= 0.5, f.toString());
    }

    @Test
    void seedFigure_whenScoresMisaligned_namesTheSeed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SeedFigure.of(
                                        new int[] {0, 1},
                                        new double[][] {{0.1}},
                                        ClassificationMetrics::rocAuc));
        assertEquals("seed 0 has 1 scores but there are 2 labels", e.getMessage());
    }
}
