// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Seeded invariants of the missing-value helpers (QuickTheories inside JUnit 5). */
class CleaningPropertiesTest {

    private static final double NAN = Double.NaN;

    /**
     * Columns the random runs cannot be relied on to produce, checked on every run: empty, all
     * missing, a leading gap with nothing to carry forward, a trailing gap with no right neighbour,
     * a gap longer than any limit, and the bounds of the generated value range.
     */
    private static final List<double[]> EDGE_COLUMNS =
            List.of(
                    new double[0],
                    new double[] {NAN},
                    new double[] {NAN, NAN, NAN},
                    new double[] {7.5},
                    new double[] {NAN, NAN, 3, NAN, 5},
                    new double[] {1, NAN, NAN, NAN, NAN, NAN, NAN},
                    new double[] {-100, NAN, NAN, NAN, NAN, NAN, 100},
                    new double[] {100, NAN, -100, NAN, NAN, 100},
                    new double[] {0, NAN, 0, 2, NAN, NAN, NAN, NAN, NAN, 2});

    /** Doubles in [-100, 100] with weight 3 and NaN with weight 2; arrays of 0 to 60 values. */
    private static Gen<double[]> columnsWithGaps() {
        Gen<Double> value =
                Generate.frequency(
                        Pair.of(3, doubles().between(-100, 100)),
                        Pair.of(2, arbitrary().constant(NAN)));
        return lists().of(value)
                .ofSizeBetween(0, 60)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                .describedAs(Arrays::toString);
    }

    @Test
    void forwardFill_keepsObservedValuesAndFillsAtMostLimitInARow() {
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(columnsWithGaps(), integers().between(1, 4))
                .checkAssert(CleaningPropertiesTest::forwardFillKeepsObservedAndBoundsRuns);
    }

    @Test
    void forwardFill_onEdgeColumnsAndLimits_keepsObservedValuesAndFillsAtMostLimitInARow() {
        for (double[] x : EDGE_COLUMNS) {
            for (int limit = 1; limit <= 4; limit++) {
                forwardFillKeepsObservedAndBoundsRuns(x, limit);
            }
        }
    }

    private static void forwardFillKeepsObservedAndBoundsRuns(double[] x, int limit) {
        double[] y = MissingValues.forwardFill(x, limit);

        int filledRun = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                assertEquals(x[i], y[i]);
                filledRun = 0;
            } else if (!Double.isNaN(y[i])) {
                filledRun++;
                assertTrue(filledRun <= limit, "more than " + limit + " fills in a row at " + i);
            }
        }
    }

    @Test
    void interpolateLinear_staysWithinItsNeighbours() {
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(columnsWithGaps())
                .checkAssert(CleaningPropertiesTest::interpolationStaysWithinNeighbours);
    }

    @Test
    void interpolateLinear_onEdgeColumns_staysWithinItsNeighbours() {
        EDGE_COLUMNS.forEach(CleaningPropertiesTest::interpolationStaysWithinNeighbours);
    }

    private static void interpolationStaysWithinNeighbours(double[] x) {
        double[] y = MissingValues.interpolateLinear(x);

        int prev = -1;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            for (int k = prev + 1; prev >= 0 && k < i; k++) {
                double lo = Math.min(x[prev], x[i]) - 1e-9;
                double hi = Math.max(x[prev], x[i]) + 1e-9;
                assertTrue(y[k] >= lo && y[k] <= hi, "row " + k + " outside its neighbours");
            }
            prev = i;
        }
    }
}
