// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.window.WindowedDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference case 9 of /work/shared/cases/reference-cases.md, targets and validation. */
class SlidingWindowsTest {
    static final double[] X = {3.1, 3.4, 3.3, 3.8, 4.0, 3.9, 4.4, 4.6, 4.5};

    static Frame frame(double[] x) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", x);
        return Frame.of(m);
    }

    static SlidingWindowDataset build(double[] x, int window, WindowTarget target) {
        return SlidingWindows.builder()
                .setFrame(frame(x))
                .setWindow(window)
                .setTarget(target)
                .build();
    }

    static double[] input(WindowedDataset d, int i) {
        double[] w = new double[d.window()];
        for (int t = 0; t < w.length; t++) {
            w[t] = d.value(i, t, 0);
        }
        return w;
    }

    static double[] labels(WindowedDataset d, int i) {
        double[] l = new double[d.labelWidth()];
        for (int j = 0; j < l.length; j++) {
            l[j] = d.label(i, j);
        }
        return l;
    }

    // Case 9, horizon 1: N - L = 5 pairs with the listed windows and next values.
    @Test
    void nextValue_case9_givesFivePairsIncludingTheLastWindow() {
        SlidingWindowDataset d = build(X, 4, WindowTarget.nextValue("x"));
        assertEquals(5, d.size());
        double[][] windows = {
            {3.1, 3.4, 3.3, 3.8},
            {3.4, 3.3, 3.8, 4.0},
            {3.3, 3.8, 4.0, 3.9},
            {3.8, 4.0, 3.9, 4.4},
            {4.0, 3.9, 4.4, 4.6}
        };
        double[] targets = {4.0, 3.9, 4.4, 4.6, 4.5};
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(windows[i], input(d, i), 0);
            assertArrayEquals(new double[] {targets[i]}, labels(d, i), 0);
            // Case 9: the target index is always greater than the window's last index
            assertEquals(i + 3, d.end(i));
        }
    }

    // Case 9, inference windows: N - L + 1 = 6, the last is [3.9, 4.4, 4.6, 4.5].
    @Test
    void inference_case9_givesSixWindowsEndingAtTheLastRow() {
        SlidingWindowDataset d = build(X, 4, WindowTarget.none());
        assertEquals(6, d.size());
        assertEquals(0, d.labelWidth());
        assertArrayEquals(new double[] {3.9, 4.4, 4.6, 4.5}, input(d, 5), 0);
    }

    // Case 9, target 3 steps ahead: N - L - 3 + 1 = 3 pairs.
    @Test
    void valueAhead3_case9_givesThreePairs() {
        SlidingWindowDataset d = build(X, 4, WindowTarget.valueAhead("x", 3));
        assertEquals(3, d.size());
        assertArrayEquals(new double[] {3.1, 3.4, 3.3, 3.8}, input(d, 0), 0);
        assertArrayEquals(new double[] {3.4, 3.3, 3.8, 4.0}, input(d, 1), 0);
        assertArrayEquals(new double[] {3.3, 3.8, 4.0, 3.9}, input(d, 2), 0);
        assertArrayEquals(new double[] {4.4}, labels(d, 0), 0);
        assertArrayEquals(new double[] {4.6}, labels(d, 1), 0);
        assertArrayEquals(new double[] {4.5}, labels(d, 2), 0);
    }

    // Case 9, next 2 values: 4 pairs, the last [3.8,4.0,3.9,4.4] -> [4.6,4.5].
    @Test
    void nextValues2_case9_givesFourPairsWithVectorLabels() {
        SlidingWindowDataset d = build(X, 4, WindowTarget.nextValues("x", 2));
        assertEquals(4, d.size());
        assertEquals(2, d.labelWidth());
        assertArrayEquals(new double[] {3.8, 4.0, 3.9, 4.4}, input(d, 3), 0);
        assertArrayEquals(new double[] {4.6, 4.5}, labels(d, 3), 0);
    }

    @Test
    void returnTargets_followTheirDefinitionsByHand() {
        double[] p = {100, 110, 121, 108.9, 130.68};
        // window 2 ends at row 1 (110); h = 2 -> p[3] = 108.9
        assertEquals(
                Math.log(108.9 / 110),
                build(p, 2, WindowTarget.logReturn("x", 2)).label(0, 0),
                1e-15);
        assertEquals(
                108.9 / 110 - 1, build(p, 2, WindowTarget.simpleReturn("x", 2)).label(0, 0), 1e-15);
        // direction over 1 step: 121 > 110 -> 1; then 108.9 < 121 -> 0; 130.68 > 108.9 -> 1
        SlidingWindowDataset dir = build(p, 2, WindowTarget.direction("x", 1));
        assertArrayEquals(
                new double[] {1, 0, 1},
                new double[] {dir.label(0, 0), dir.label(1, 0), dir.label(2, 0)},
                0);
        // realised vol over h = 3 after row 1: log returns ln1.1, ln0.9, ln1.2; sample sd by hand
        double a = Math.log(1.1), b = Math.log(0.9), c = Math.log(1.2);
        double m = (a + b + c) / 3;
        double sd = Math.sqrt(((a - m) * (a - m) + (b - m) * (b - m) + (c - m) * (c - m)) / 2);
        assertEquals(sd, build(p, 2, WindowTarget.realisedVolatility("x", 3)).label(0, 0), 1e-15);
    }

    @Test
    void direction_whenPriceUnchanged_isClassZero() {
        SlidingWindowDataset d = build(new double[] {5, 5, 5}, 2, WindowTarget.direction("x", 1));
        assertEquals(0.0, d.label(0, 0), 0);
    }

    @Test
    void stride_skipsEnds() {
        // N = 9, L = 4, h = 1, stride 2: ends 3, 5, 7 -> floor((9-4-1)/2)+1 = 3 samples
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(frame(X))
                        .setWindow(4)
                        .setTarget(WindowTarget.nextValue("x"))
                        .optStride(2)
                        .build();
        assertEquals(3, d.size());
        assertEquals(7, d.end(2));
        assertEquals(4.5, d.label(2, 0), 0);
    }

    @Test
    void copySample_writesRowMajorTimeOuterFeatureInner() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {1, 2, 3});
        m.put("b", new double[] {10, 20, 30});
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(Frame.of(m))
                        .setWindow(2)
                        .setTarget(WindowTarget.nextValue("a"))
                        .build();
        float[] dst = new float[5];
        d.copySample(0, dst, 1);
        assertArrayEquals(new float[] {0, 1, 10, 2, 20}, dst, 0);
    }

    @Test
    void build_whenSeriesTooShort_namesWindowHorizonAndLength() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                build(
                                        new double[] {1, 2, 3, 4, 5},
                                        4,
                                        WindowTarget.valueAhead("x", 3)));
        assertEquals(
                "series of length 5 is too short for window 4 and horizon 3: need at least 7 rows",
                e.getMessage());
    }

    @Test
    void build_whenSettingsMissingOrInvalid_namesEachOne() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SlidingWindows.builder().optStride(0).build());
        assertEquals(
                "frame is required (setFrame); window is required (setWindow);"
                        + " target is required (setTarget; WindowTarget.none() for inference);"
                        + " stride must be >= 1 but was 0",
                e.getMessage());
        IllegalArgumentException w =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SlidingWindows.builder()
                                        .setFrame(frame(X))
                                        .setWindow(0)
                                        .setTarget(WindowTarget.nextValue("y"))
                                        .build());
        assertEquals(
                "window must be >= 1 but was 0; column 'y' is not in the frame [x]",
                w.getMessage());
        IllegalArgumentException h =
                assertThrows(IllegalArgumentException.class, () -> WindowTarget.valueAhead("x", 0));
        assertEquals("horizon must be >= 1 for VALUE_AHEAD but was 0", h.getMessage());
        IllegalArgumentException v =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WindowTarget.realisedVolatility("x", 1));
        assertEquals("horizon must be >= 2 for REALISED_VOLATILITY but was 1", v.getMessage());
    }

    @Test
    void build_whenNaNInsideUsedWindow_namesRowAndColumn() {
        double[] x = X.clone();
        x[2] = Double.NaN;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(x, 4, WindowTarget.nextValue("x")));
        assertEquals(
                "row 2, column 'x': value NaN inside window 0 must be finite"
                        + " (optAllowNaN permits NaN)",
                e.getMessage());
        SlidingWindowDataset allowed =
                SlidingWindows.builder()
                        .setFrame(frame(x))
                        .setWindow(4)
                        .setTarget(WindowTarget.nextValue("x"))
                        .optAllowNaN(true)
                        .build();
        assertEquals(5, allowed.size());
    }

    @Test
    void build_whenNaNOnlyInUnusedRowOrLabel_reportsTheLabelRow() {
        double[] x = X.clone();
        x[8] = Double.NaN; // row 8 is only a label for the last horizon-1 sample
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(x, 4, WindowTarget.nextValue("x")));
        assertEquals("row 8, column 'x': label value NaN must be finite", e.getMessage());
        // with stride 4 and window 1 rows 1..3 are in no window: NaN there is fine
        double[] y = {1, Double.NaN, Double.NaN, Double.NaN, 5, 6};
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(frame(y))
                        .setWindow(1)
                        .optStride(4)
                        .setTarget(WindowTarget.none())
                        .build();
        assertEquals(2, d.size());
    }

    @Test
    void returnTarget_whenPriceNotPositive_namesRowAndColumn() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(new double[] {1, 2, 0, 3}, 2, WindowTarget.logReturn("x", 1)));
        assertEquals(
                "row 2, column 'x': price 0.0 must be finite and > 0 for a return label",
                e.getMessage());
    }

    @Test
    void endTime_whenFrameUntimed_saysToUseEnd() {
        SlidingWindowDataset d = build(X, 4, WindowTarget.none());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.endTime(0));
        assertEquals(
                "the source frame has no time index; use end(i) for the row instead",
                e.getMessage());
        long[] t = {10, 20, 30, 40, 50, 60, 70, 80, 90};
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", X);
        SlidingWindowDataset timed =
                SlidingWindows.builder()
                        .setFrame(Frame.of(t, m))
                        .setWindow(4)
                        .setTarget(WindowTarget.none())
                        .build();
        assertEquals(40, timed.endTime(0));
    }
}
