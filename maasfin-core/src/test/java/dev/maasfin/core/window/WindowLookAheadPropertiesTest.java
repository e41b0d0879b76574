// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No look-ahead, for every target kind: inputs come from rows {@code <= end(i)}, which is before
 * the label's first row {@code end(i) + 1}; and a label does not change when every row after {@code
 * end(i) + horizon} is removed.
 */
class WindowLookAheadPropertiesTest {

    @Provide
    Arbitrary<WindowTarget.Kind> kinds() {
        return Arbitraries.of(WindowTarget.Kind.class);
    }

    @Property(tries = 1000)
    void windowsNeverContainRowsAfterTheLabelStarts(
            @ForAll("kinds") WindowTarget.Kind kind,
            @ForAll @IntRange(min = 1, max = 8) int window,
            @ForAll @IntRange(min = 1, max = 5) int horizon,
            @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll @IntRange(min = 0, max = 30) int extra,
            @ForAll long seed) {
        int h =
                kind == WindowTarget.Kind.NONE
                        ? 0
                        : horizon
                                + (kind == WindowTarget.Kind.REALISED_VOLATILITY && horizon == 1
                                        ? 1
                                        : 0);
        WindowTarget target =
                new WindowTarget(kind, kind == WindowTarget.Kind.NONE ? null : "price", h);
        int n = window + h + extra;
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
