// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference cases 6 and 8 of /work/shared/cases/reference-cases.md, and constant columns. */
class ScalerReferenceCasesTest {

    static Frame frame(String[] names, double[]... columns) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], columns[i]);
        }
        return Frame.of(m);
    }

    static Frame column(String name, double... values) {
        return frame(new String[] {name}, values);
    }

    // Case 6: min-max fitted on [[7.25,10],[7.25,14],[7.25,12],[7.25,18]].
    @Test
    void minMax_case6_constantColumnMapsToZeroAndUnseenValuesAreNotClipped() {
        Frame train =
                frame(
                        new String[] {"a", "b"},
                        new double[] {7.25, 7.25, 7.25, 7.25},
                        new double[] {10, 14, 12, 18});
        FittedTransform f = MinMaxTransform.of("a", "b").fit(train);

        Frame scaled = f.apply(train);
        assertArrayEquals(new double[] {0, 0, 0, 0}, scaled.column("a"), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.25, 1}, scaled.column("b"), 1e-12);

        // Case 6: unseen [8.0, 20.0] -> [0.75, 1.25] (zero range treated as 1, no clipping).
        Frame unseen =
                f.apply(frame(new String[] {"a", "b"}, new double[] {8.0}, new double[] {20}));
        assertEquals(0.75, unseen.get(0, 0), 1e-12);
        assertEquals(1.25, unseen.get(0, 1), 1e-12);
    }

    // Case 6: robust with IQR 0 -> median subtracted, scale 1.
    @Test
    void robust_case6_zeroIqrUsesScaleOne() {
        Frame train = column("x", 20.5, 20.5, 20.5, 23.5, 20.5, 20.5, 20.5);
        FittedTransform f = RobustTransform.of("x").fit(train);
        assertArrayEquals(new double[] {0, 0, 0, 3, 0, 0, 0}, f.apply(train).column("x"), 1e-12);
    }

    // Case 6 control: median 4, Q1 2.5, Q3 5.5, IQR 3.
    @Test
    void robust_case6Control_usesLinearInterpolationQuartiles() {
        Frame train = column("x", 1, 2, 3, 4, 5, 6, 100);
        RobustTransform.FittedRobust f =
                (RobustTransform.FittedRobust) RobustTransform.of("x").fit(train);
        assertArrayEquals(new double[] {4}, f.centers(), 0);
        assertArrayEquals(new double[] {3}, f.scales(), 0);
        assertArrayEquals(
                new double[] {-1, -0.666667, -0.333333, 0, 0.333333, 0.666667, 32},
                f.apply(train).column("x"),
                1e-6);
    }

    static final double[] CASE8 = {10.0, 10.4, 10.2, 10.9, 11.3, 11.0, 11.8, 12.1, 12.9, 13.4};

    // Case 8: min-max fitted on the 8 training values only.
    @Test
    void minMax_case8_fittedOnTrainingSliceOnly() {
        Frame all = column("close", CASE8);
        FittedTransform f = MinMaxTransform.of("close").fit(all.sliceRows(0, 8));
        assertArrayEquals(
                new double[] {0, 0.190476, 0.095238, 0.428571, 0.619048, 0.476190, 0.857143, 1.0},
                f.apply(all.sliceRows(0, 8)).column("close"),
                1e-6);
        assertArrayEquals(
                new double[] {1.380952, 1.619048},
                f.apply(all.sliceRows(8, 10)).column("close"),
                1e-6);
    }

    // Case 8, z-score variant: mean 10.9625, population sd 0.701672; test z 2.761261, 3.473845.
    @Test
    void zScore_case8_populationSdFittedOnTrainingSliceOnly() {
        Frame all = column("close", CASE8);
        ZScoreTransform.FittedZScore f =
                (ZScoreTransform.FittedZScore) ZScoreTransform.of("close").fit(all.sliceRows(0, 8));
        assertEquals(10.9625, f.centers()[0], 1e-12);
        assertEquals(0.701672, f.scales()[0], 1e-6);
        assertArrayEquals(
                new double[] {2.761261, 3.473845},
                f.apply(all.sliceRows(8, 10)).column("close"),
                1e-6);
    }

    // Case 8 invariance: test prices 50, 60 change neither the parameters nor the train values.
    @Test
    void scalers_case8_testPricesDoNotChangeFittedStateOrTrainingValues() {
        double[] changed = CASE8.clone();
        changed[8] = 50;
        changed[9] = 60;
        for (Transform t :
                new Transform[] {
                    MinMaxTransform.of("close"),
                    ZScoreTransform.of("close"),
                    RobustTransform.of("close")
                }) {
            Frame a = column("close", CASE8);
            Frame b = column("close", changed);
            FittedTransform fa = t.fit(a.sliceRows(0, 8));
            FittedTransform fb = t.fit(b.sliceRows(0, 8));
            assertEquals(fa.state(), fb.state(), t.toString());
            assertArrayEquals(
                    fa.apply(a.sliceRows(0, 8)).column("close"),
                    fb.apply(b.sliceRows(0, 8)).column("close"),
                    0);
            // the test rows are still rows 8 and 9 of the full series
            assertEquals(2, b.sliceRows(8, 10).rows());
        }
        // Case 8 wrong output (fitted on all 10): the train value at row 1 would be 0.117647.
        Frame a = column("close", CASE8);
        double leaky = MinMaxTransform.of("close").fit(a).apply(a).get(1, 0);
        assertEquals(0.117647, leaky, 1e-6);
    }

    // Whole kind of fault (Case 6): every scaler maps a constant column to 0, never NaN.
    @Test
    void everyScaler_whenColumnIsConstant_mapsTrainingValuesToZeroWithoutNaN() {
        Frame train = column("x", 0.1, 0.1, 0.1, 0.1, 0.1);
        for (Transform t :
                new Transform[] {
                    MinMaxTransform.of("x"),
                    ZScoreTransform.of("x"),
                    ZScoreTransform.of("x").withSampleSd(),
                    RobustTransform.of("x")
                }) {
            FittedTransform f = t.fit(train);
            assertArrayEquals(new double[5], f.apply(train).column("x"), 0, t.toString());
            // an unseen value maps to x - centre (scale 1)
            assertEquals(0.4, f.apply(column("x", 0.5)).get(0, 0), 1e-15, t.toString());
        }
        // log of a constant column is constant: ln(0.1)
        double[] logged = LogTransform.of("x").fit(train).apply(train).column("x");
        assertTrue(Arrays.stream(logged).allMatch(v -> v == Math.log(0.1)));
    }

    @Test
    void zScore_sampleSd_dividesByNMinusOne() {
        // x = 1, 2, 3, 4: mean 2.5, squared deviations sum 5; sample sd sqrt(5/3)
        ZScoreTransform.FittedZScore f =
                (ZScoreTransform.FittedZScore)
                        ZScoreTransform.of("x").withSampleSd().fit(column("x", 1, 2, 3, 4));
        assertEquals(Math.sqrt(5.0 / 3.0), f.scales()[0], 1e-15);
        ZScoreTransform.FittedZScore p =
                (ZScoreTransform.FittedZScore) ZScoreTransform.of("x").fit(column("x", 1, 2, 3, 4));
        assertEquals(Math.sqrt(5.0 / 4.0), p.scales()[0], 1e-15);
    }

    @Test
    void everyScaler_whenTrainingHasNaN_namesColumnAndRow() {
        Frame train = column("price", 1, 2, Double.NaN, 4);
        for (Transform t :
                new Transform[] {
                    MinMaxTransform.of("price"),
                    ZScoreTransform.of("price"),
                    RobustTransform.of("price")
                }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> t.fit(train));
            assertEquals("column 'price', row 2: value NaN must be finite", e.getMessage());
        }
        IllegalArgumentException inf =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ZScoreTransform.of("price")
                                        .fit(column("price", 1, Double.POSITIVE_INFINITY)));
        assertEquals("column 'price', row 1: value Infinity must be finite", inf.getMessage());
    }

    @Test
    void scalers_withNaNSkipped_fitOnFiniteValuesAndKeepNaN() {
        Frame train = column("x", 1, Double.NaN, 3);
        FittedTransform f = MinMaxTransform.of("x").withNaNSkipped().fit(train);
        double[] y = f.apply(train).column("x");
        assertEquals(0, y[0], 0);
        assertTrue(Double.isNaN(y[1]));
        assertEquals(1, y[2], 0);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MinMaxTransform.of("x")
                                        .withNaNSkipped()
                                        .fit(column("x", Double.NaN)));
        assertEquals("column 'x' has no non-NaN training values to fit on", e.getMessage());
    }

    @Test
    void fittedScaler_whenLaterDataHasNaN_namesColumnAndRow() {
        FittedTransform f = ZScoreTransform.of("x").fit(column("x", 1, 2, 3));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> f.apply(column("x", 4, Double.NaN)));
        assertEquals("column 'x', row 1: value NaN must be finite", e.getMessage());
    }

    @Test
    void log_whenValueNotPositive_namesColumnRowAndValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LogTransform.of("volume").fit(column("volume", 3, 1, 0)));
        assertEquals("column 'volume', row 2: value 0.0 must be > 0 for log", e.getMessage());
        IllegalArgumentException e1p =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LogTransform.of("r").withLog1p().fit(column("r", 0.5, -1.0)));
        assertEquals("column 'r', row 1: value -1.0 must be > -1 for log1p", e1p.getMessage());
    }

    @Test
    void log_andLog1p_computeNaturalLogs() {
        Frame f = column("x", Math.E, 1.0);
        assertArrayEquals(
                new double[] {1, 0}, LogTransform.of("x").fit(f).apply(f).column("x"), 1e-15);
        // log1p(e - 1) = 1, log1p(0) = 0
        Frame g = column("x", Math.E - 1, 0);
        assertArrayEquals(
                new double[] {1, 0},
                LogTransform.of("x").withLog1p().fit(g).apply(g).column("x"),
                1e-15);
    }

    @Test
    void fit_whenColumnMissing_namesItAndTheFrameColumns() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ZScoreTransform.of("close").fit(column("open", 1, 2)));
        assertEquals("column 'close' is missing; the frame has [open]", e.getMessage());
    }

    @Test
    void fit_whenTrainingFrameEmpty_saysSo() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MinMaxTransform.of("x").fit(column("x")));
        assertEquals("training frame must have at least one row", e.getMessage());
    }

    @Test
    void otherColumns_passThroughUnchanged() {
        Frame f = frame(new String[] {"a", "b"}, new double[] {1, 3}, new double[] {5, 7});
        Frame y = MinMaxTransform.of("a").fit(f).apply(f);
        assertArrayEquals(new double[] {5, 7}, y.column("b"), 0);
        assertArrayEquals(new double[] {0, 1}, y.column("a"), 0);
    }

    @Test
    void chain_fitsEachStepOnTheOutputOfThePreviousAndInvertsInReverse() {
        // log then min-max: ln(1)=0, ln(e)=1, ln(e^2)=2 -> min-max 0, 0.5, 1
        Frame f = column("x", 1, Math.E, Math.exp(2));
        FittedChain chain = TransformChain.of(LogTransform.of("x"), MinMaxTransform.of("x")).fit(f);
        assertArrayEquals(new double[] {0, 0.5, 1}, chain.apply(f).column("x"), 1e-15);
        assertArrayEquals(f.column("x"), chain.inverse(chain.apply(f)).column("x"), 1e-14);
        assertEquals(2, chain.states().size());
        assertEquals("log", chain.states().get(0).type());
        assertEquals("minmax", chain.states().get(1).type());
    }
}
