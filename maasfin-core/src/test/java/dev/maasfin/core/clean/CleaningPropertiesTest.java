// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Seeded invariants of the missing-value helpers. */
class CleaningPropertiesTest {

    @Provide
    Arbitrary<double[]> columnsWithGaps() {
        Arbitrary<Double> value =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-100, 100)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(Double.NaN)));
        return value.array(double[].class).ofMinSize(0).ofMaxSize(60);
    }

    @Property(seed = "42", tries = 300)
    void forwardFill_keepsObservedValuesAndFillsAtMostLimitInARow(
            @ForAll("columnsWithGaps") double[] x, @ForAll @IntRange(min = 1, max = 4) int limit) {
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

    @Property(seed = "42", tries = 300)
    void interpolateLinear_staysWithinItsNeighbours(@ForAll("columnsWithGaps") double[] x) {
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
