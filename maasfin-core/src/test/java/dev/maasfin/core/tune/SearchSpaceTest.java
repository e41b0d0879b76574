// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void sampledValues_alwaysLieInTheirDeclaredRanges() {
        qt().withFixedSeed(42)
                .withExamples(300)
                .forAll(
                        longs().all(),
                        doubles().between(-1e3, 1e3),
                        doubles().between(1e-3, 1e3),
                        integers().between(0, 100))
                .checkAssert(
                        (seed, lo, width, span) -> {
                            SearchSpace space =
                                    SearchSpace.builder()
                                            .optReal("lin", lo, lo + width, Scale.LINEAR)
                                            .optReal("log", 1e-6, 1e-6 * (1 + width), Scale.LOG)
                                            .optInt("n", -span, span)
                                            .optChoice("c", "a", 2, 3.5, true)
                                            .build();
                            for (Configuration c : space.sample(50, seed)) {
                                double x = c.getDouble("lin");
                                assertTrue(x >= lo && x < lo + width, "lin " + x);
                                double y = c.getDouble("log");
                                assertTrue(y >= 1e-6 && y < 1e-6 * (1 + width), "log " + y);
                                int n = c.getInt("n");
                                assertTrue(n >= -span && n <= span, "int " + n);
                                assertTrue(List.of("a", 2, 3.5, true).contains(c.get("c")));
                            }
                        });
    }

    @Test
    void logScaleSamples_areUniformInLogSpace() {
        // Log-uniform on [1e-5, 1): log10 is uniform on [-5, 0), so by definition 2 of the 5
        // decades (values below 1e-3) hold 40% of samples and the top decade 20%. With 4000
        // draws the binomial sd is about 0.008, so +-0.04 is a 5-sd band.
        SearchSpace space = SearchSpace.builder().optReal("lr", 1e-5, 1.0, Scale.LOG).build();
        qt().withFixedSeed(42)
                .withExamples(50)
                .forAll(longs().all())
                .checkAssert(
                        seed -> {
                            List<Configuration> draws = space.sample(4000, seed);
                            double below = fraction(draws, v -> v < 1e-3);
                            double top = fraction(draws, v -> v >= 1e-1);
                            assertEquals(0.4, below, 0.04, "share below 1e-3");
                            assertEquals(0.2, top, 0.04, "share in [0.1, 1)");
                        });
    }

    @Test
    void linearScaleSamples_areNotLogUniform() {
        // Uniform on [1e-5, 1): P(x < 1e-3) = (1e-3 - 1e-5) / (1 - 1e-5), about 0.001, not 0.4.
        SearchSpace space = SearchSpace.builder().optReal("lr", 1e-5, 1.0, Scale.LINEAR).build();
        double below = fraction(space.sample(4000, 3), v -> v < 1e-3);
        assertTrue(below < 0.01, "share below 1e-3 was " + below);
    }

    private static double fraction(
            List<Configuration> draws, java.util.function.DoublePredicate test) {
        return draws.stream().mapToDouble(c -> c.getDouble("lr")).filter(test).count()
                / (double) draws.size();
    }

    @Test
    void intParameter_reachesBothEnds() {
        // Both ends are included: with 300 draws from {1, 2, 3} each value appears.
        SearchSpace space = SearchSpace.builder().optInt("k", 1, 3).build();
        Set<Integer> seen = new HashSet<>();
        space.sample(300, 11).forEach(c -> seen.add(c.getInt("k")));
        assertEquals(Set.of(1, 2, 3), seen);
    }

    @Test
    void sample_withSameSeed_isIdentical_andOtherSeedDiffers() {
        SearchSpace space = TuneFixtures.learningRateSpace();
        assertEquals(space.sample(20, 5), space.sample(20, 5));
        assertNotEquals(space.sample(20, 5), space.sample(20, 6));
    }

    @Test
    void sample_keepsDeclarationOrder() {
        Configuration c = TuneFixtures.learningRateSpace().sample(new SplittableRandom(1));
        assertEquals(List.of("lr", "units", "optimiser"), c.names());
    }

    @Test
    void optReal_withLoNotBelowHi_isRejectedNamingParameter() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optReal("lr", 1.0, 0.5, Scale.LINEAR));
        assertEquals("lo must be < hi for real 'lr' but was 1.0 >= 0.5", e.getMessage());
    }

    @Test
    void optReal_logScaleWithZeroLo_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optReal("lr", 0.0, 1.0, Scale.LOG));
        assertEquals("log scale needs lo > 0 for 'lr' but was 0.0", e.getMessage());
    }

    @Test
    void optReal_withInfiniteBound_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SearchSpace.builder()
                                        .optReal(
                                                "lr", 0.0, Double.POSITIVE_INFINITY, Scale.LINEAR));
        assertEquals("bounds must be finite for real 'lr' but were 0.0, Infinity", e.getMessage());
    }

    @Test
    void optInt_withLoAboveHi_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optInt("units", 5, 3));
        assertEquals("lo must be <= hi for int 'units' but was 5 > 3", e.getMessage());
    }

    @Test
    void optChoice_emptyRepeatedOrUnsupported_isRejected() {
        var empty =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optChoice("opt"));
        assertEquals("choice 'opt' needs at least one value but had none", empty.getMessage());
        var repeated =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optChoice("opt", "adam", "adam"));
        assertEquals("choice 'opt' lists value adam more than once", repeated.getMessage());
        var type =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optChoice("opt", 1L));
        assertEquals(
                "value of 'opt' must be an Integer, Double, String or Boolean but was Long 1",
                type.getMessage());
    }

    @Test
    void duplicateName_andEmptySpace_areRejected() {
        var dup =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchSpace.builder().optInt("k", 1, 2).optInt("k", 1, 2));
        assertEquals("parameter 'k' is declared more than once", dup.getMessage());
        var none = assertThrows(IllegalArgumentException.class, SearchSpace.builder()::build);
        assertEquals("search space needs at least one parameter but had none", none.getMessage());
    }

    @Test
    void sample_withZeroCount_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TuneFixtures.learningRateSpace().sample(0, 1));
        assertEquals("count must be >= 1 but was 0", e.getMessage());
    }
}
