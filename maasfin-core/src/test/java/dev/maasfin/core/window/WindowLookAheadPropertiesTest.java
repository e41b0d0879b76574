// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * No look-ahead, for every target kind: inputs come from rows {@code <= end(i)}, which is before
 * the label's first row {@code end(i) + 1}; and a label does not change when every row after {@code
 * end(i) + horizon} is removed.
 */
class WindowLookAheadPropertiesTest {

    /** One generated configuration: target kind, window shape and the seed of the prices. */
    private record Case(
            WindowTarget.Kind kind, int window, int horizon, int stride, int extra, long seed) {}

    private static Gen<Case> cases() {
        return arbitrary()
                .enumValues(WindowTarget.Kind.class)
                .zip(
                        integers().between(1, 8),
                        integers().between(1, 5),
                        integers().between(1, 4),
                        (kind, window, horizon, stride) ->
                                new Case(kind, window, horizon, stride, 0, 0L))
                .zip(
                        integers().between(0, 30),
                        longs().all(),
                        (c, extra, seed) ->
                                new Case(
                                        c.kind(),
                                        c.window(),
                                        c.horizon(),
                                        c.stride(),
                                        extra,
                                        seed));
    }

    @Test
    void windowsNeverContainRowsAfterTheLabelStarts() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(cases())
                .checkAssert(WindowLookAheadPropertiesTest::noLookAhead);
    }

    private static void noLookAhead(Case c) {
        WindowTarget.Kind kind = c.kind();
        int window = c.window();
        int horizon = c.horizon();
        int stride = c.stride();
        long seed = c.seed();
        int h =
                kind == WindowTarget.Kind.NONE
                        ? 0
                        : horizon
                                + (kind == WindowTarget.Kind.REALISED_VOLATILITY && horizon == 1
                                        ? 1
                                        : 0);
        WindowTarget target =
                new WindowTarget(kind, kind == WindowTarget.Kind.NONE ? null : "price", h);
        int n = window + h + c.extra();
        Frame frame = frame(n, seed);
        SlidingWindowDataset d = build(frame, window, stride, target);

        assertEquals((n - window - h) / stride + 1, d.size());
        for (int i = 0; i < d.size(); i++) {
            int end = d.end(i);
            assertTrue(end + h < n);
            for (int t = 0; t < window; t++) {
                // feature "row" holds the row index: every input row is <= end < end + 1
                double row = d.value(i, t, 0);
                assertEquals(end - window + 1 + t, row, 0);
                assertTrue(row < end + 1);
            }
        }
        float[] copy = new float[window * 2];
        d.copySample(d.size() - 1, copy, 0);
        for (int t = 0; t < window; t++) {
            assertEquals((float) d.value(d.size() - 1, t, 1), copy[2 * t + 1], 0);
        }
        int i = d.size() - 1 - (int) Math.floorMod(seed, d.size());
        SlidingWindowDataset truncated =
                build(frame.sliceRows(0, d.end(i) + h + 1), window, stride, target);
        for (int j = 0; j < d.labelWidth(); j++) {
            assertEquals(
                    Double.doubleToLongBits(d.label(i, j)),
                    Double.doubleToLongBits(truncated.label(i, j)),
                    "label must not depend on rows after end + horizon");
        }
    }

    static SlidingWindowDataset build(Frame f, int window, int stride, WindowTarget target) {
        return SlidingWindows.builder()
                .setFrame(f)
                .setWindow(window)
                .optStride(stride)
                .optFeatures("row", "price")
                .setTarget(target)
                .build();
    }

    static Frame frame(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] row = new double[n];
        double[] price = new double[n];
        double p = 100;
        for (int r = 0; r < n; r++) {
            row[r] = r;
            p *= Math.exp(0.02 * (rnd.nextDouble() - 0.5));
            price[r] = p;
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("row", row);
        m.put("price", price);
        return Frame.of(m);
    }
}
