// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import dev.maasfin.core.split.ChronologicalSplit;
import dev.maasfin.core.window.SlidingWindowDataset;
import dev.maasfin.core.window.SlidingWindows;
import dev.maasfin.core.window.WindowTarget;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Window augmentations: seeding, defining invariants, and training-only application. */
class AugmentationsTest {
    static final double[] W = {1, 10, 2, 20, 3, 30, 4, 40, 5, 50}; // 5 steps x 2 features

    static List<WindowAugmentation> all() {
        return List.of(
                Augmentations.jitter(0.1),
                Augmentations.scaling(0.1),
                Augmentations.magnitudeWarp(0.2, 3),
                Augmentations.windowSlice(0.6));
    }

    @Test
    void everyAugmentation_sameSeedSameOutput_inputUntouched() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all(), integers().between(0, 3))
                .checkAssert(AugmentationsTest::seededAndPure);
    }

    private static void seededAndPure(long seed, int which) {
        WindowAugmentation a = all().get(which);
        double[] in = W.clone();
        double[] x = a.apply(in, 5, 2, seed);
        assertArrayEquals(x, a.apply(W, 5, 2, seed), 0);
        assertArrayEquals(W, in, 0);
        assertTrue(Arrays.stream(x).allMatch(Double::isFinite));
    }

    @Test
    void differentSeeds_giveDifferentOutput() {
        for (WindowAugmentation a : all()) {
            assertFalse(Arrays.equals(a.apply(W, 5, 2, 1L), a.apply(W, 5, 2, 2L)), a.toString());
        }
    }

    @Test
    void zeroSigmaOrFullSlice_isTheIdentity() {
        assertArrayEquals(W, Augmentations.jitter(0).apply(W, 5, 2, 7L), 0);
        assertArrayEquals(W, Augmentations.scaling(0).apply(W, 5, 2, 7L), 0);
        assertArrayEquals(W, Augmentations.magnitudeWarp(0, 2).apply(W, 5, 2, 7L), 1e-15);
        assertArrayEquals(W, Augmentations.windowSlice(1.0).apply(W, 5, 2, 7L), 1e-15);
    }

    @Test
    void scaling_multipliesTheWholeWindowByOneFactor() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all())
                .checkAssert(AugmentationsTest::scalesByOneFactor);
    }

    private static void scalesByOneFactor(long seed) {
        double[] x = Augmentations.scaling(0.3).apply(W, 5, 2, seed);
        double factor = x[0] / W[0];
        for (int i = 0; i < W.length; i++) {
            assertEquals(factor, x[i] / W[i], 1e-12);
        }
    }

    @Test
    void windowSlice_isLinearInterpolationOfACrop() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(longs().all())
                .checkAssert(AugmentationsTest::sliceIsStretchedCrop);
    }

    private static void sliceIsStretchedCrop(long seed) {
        // W's features are linear in time, so a stretched crop stays linear and within the range
        double[] x = Augmentations.windowSlice(0.6).apply(W, 5, 2, seed);
        double step = x[2] - x[0];
        for (int t = 1; t < 5; t++) {
            assertEquals(step, x[2 * t] - x[2 * (t - 1)], 1e-12);
            assertEquals(10 * x[2 * t], x[2 * t + 1], 1e-9);
        }
        // crop of round(0.6 * 5) = 3 steps stretched over 5: slope (3 - 1) / 4 = 0.5 per step
        assertEquals(0.5, step, 1e-12);
        assertTrue(x[0] >= 1 && x[8] <= 5);
    }

    @Test
    void jitter_hasTheRequestedSpread() {
        double[] big = new double[20000];
        double[] x = Augmentations.jitter(0.5).apply(big, 20000, 1, new SplittableRandom(3));
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd =
                Math.sqrt(
                        Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
        // standard error of sd ~ 0.5 / sqrt(2 * 20000) = 0.0025: 4 standard errors = 0.01
        assertEquals(0.5, sd, 0.01);
        assertEquals(0.0, mean, 0.015);
    }

    @Test
    void invalidArguments_nameTheValue() {
        assertEquals(
                "sigma must be finite and >= 0 but was -1.0",
                assertThrows(IllegalArgumentException.class, () -> Augmentations.jitter(-1))
                        .getMessage());
        assertEquals(
                "fraction must be in (0, 1] but was 0.0",
                assertThrows(IllegalArgumentException.class, () -> Augmentations.windowSlice(0))
                        .getMessage());
        assertEquals(
                "knots must be >= 1 but was 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Augmentations.magnitudeWarp(0.1, 0))
                        .getMessage());
        assertEquals(
                "window length must be steps * features = 10 but was 9",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Augmentations.jitter(1).apply(new double[9], 5, 2, 1L))
                        .getMessage());
        assertEquals(
                "steps must be >= 2 and features >= 1 but were 1 and 1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Augmentations.windowSlice(0.5).apply(new double[1], 1, 1, 1L))
                        .getMessage());
    }

    @Test
    void augmentedWindows_readOnlyTrainingSamplesAndKeepLabels() {
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = 100 + i;
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", x);
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(Frame.of(m))
                        .setWindow(4)
                        .setTarget(WindowTarget.nextValue("x"))
                        .build(); // 16 samples
        Split s = ChronologicalSplit.bySizes(d.size(), 10, 0, 1);
        AugmentedWindows a = AugmentedWindows.ofTraining(d, s, Augmentations.jitter(0.1), 2, 42L);
        assertEquals(30, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.sourceSample(i) < 10, "only training samples");
            assertEquals(d.label(a.sourceSample(i), 0), a.label(i, 0), 0);
            assertEquals(d.end(a.sourceSample(i)), a.end(i));
        }
        assertEquals(d.value(3, 2, 0), a.value(3, 2, 0), 0); // originals first, unchanged
        assertEquals(0, a.sourceSample(10)); // then copies of sample 0
        AugmentedWindows again =
                AugmentedWindows.ofTraining(d, s, Augmentations.jitter(0.1), 2, 42L);
        assertEquals(a.value(29, 3, 0), again.value(29, 3, 0), 0);
    }
}
