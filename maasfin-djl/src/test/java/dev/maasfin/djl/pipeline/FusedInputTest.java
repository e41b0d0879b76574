// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.transform.FittedChain;
import dev.maasfin.core.transform.LogTransform;
import dev.maasfin.core.transform.MinMaxTransform;
import dev.maasfin.core.transform.RobustTransform;
import dev.maasfin.core.transform.TransformChain;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-pass input of {@link Pipeline#scoreBatch} against the general path (frames, column
 * arrays, then flatten): same floats, same predictions bit for bit, same error messages.
 */
class FusedInputTest {

    private static final int WINDOW = 8;
    private static final String R = "log_return";
    private static final String C = "close";
    private static final List<String> NAMES = List.of(R, C);

    private static FittedChain chain;
    private static InputSchema schema;
    private static NeuralModel model;
    private static Pipeline fused;
    private static Pipeline general;

    /** One step over one column, the other column unscaled: the single-step loop. */
    private static FittedChain singleChain;

    private static Pipeline singleFused;
    private static Pipeline singleGeneral;

    @BeforeAll
    static void build() {
        Random rnd = new Random(11);
        double[] r = new double[300];
        double[] c = new double[300];
        for (int k = 0; k < r.length; k++) {
            r[k] = rnd.nextGaussian() * 0.01;
            c[k] = 100 + rnd.nextGaussian() * 5;
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put(R, r);
        cols.put(C, c);
        // three affine steps, the later two over one column each
        chain =
                TransformChain.of(
                                ZScoreTransform.of(R, C),
                                MinMaxTransform.of(C),
                                RobustTransform.of(R))
                        .fit(Frame.of(cols));
        schema =
                InputSchema.of(
                        List.of(ColumnSpec.unbounded(R), new ColumnSpec(C, 0, 1e300, false)));
        model =
                NeuralModel.create(
                        RecurrentForecasterSpec.builder()
                                .setWindow(WINDOW)
                                .setFeatures(2)
                                .optHidden(4)
                                .build(),
                        DeviceSpec.cpu(),
                        3);
        fused = pipeline(List.copyOf(chain.steps()));
        // the same steps hidden behind a wrapper the one-pass builder does not recognise
        general = pipeline(chain.steps().stream().map(FusedInputTest::opaque).toList());
        singleChain = TransformChain.of(ZScoreTransform.of(R)).fit(Frame.of(cols));
        singleFused = pipeline(List.copyOf(singleChain.steps()));
        singleGeneral = pipeline(singleChain.steps().stream().map(FusedInputTest::opaque).toList());
    }

    @AfterAll
    static void close() {
        fused.close(); // the two pipelines share the network: close one
    }

    private static Pipeline pipeline(List<FittedTransform> steps) {
        Pipeline.Builder b =
                Pipeline.builder()
                        .setFeatures(FeatureStages.barColumns(R, C))
                        .setSchema(schema)
                        .setModel(model)
                        .setMetadata(
                                Pipeline.provenance(model, "0".repeat(64), Map.of(), Map.of()));
        steps.forEach(b::optTransform);
        return b.build();
    }

    private static FittedTransform opaque(FittedTransform t) {
        return new FittedTransform() {
            @Override
            public Frame apply(Frame input) {
                return t.apply(input);
            }

            @Override
            public TransformState state() {
                return t.state();
            }
        };
    }

    private static double[][][] windows(long seed, int n) {
        Random rnd = new Random(seed);
        double[][][] w = new double[n][WINDOW][2];
        for (double[][] rows : w) {
            for (double[] row : rows) {
                row[0] = rnd.nextGaussian() * 0.02;
                row[1] = 80 + rnd.nextDouble() * 40;
            }
        }
        return w;
    }

    /** The model input by definition: each step applied to whole columns, then row-major floats. */
    private static float[] byDefinition(FittedChain chain, double[][][] windows) {
        float[] x = new float[windows.length * WINDOW * 2];
        int k = 0;
        for (double[][] rows : windows) {
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int c = 0; c < 2; c++) {
                double[] v = new double[WINDOW];
                for (int r = 0; r < WINDOW; r++) {
                    v[r] = rows[r][c];
                }
                cols.put(NAMES.get(c), v);
            }
            Frame f = Frame.of(cols);
            for (FittedTransform t : chain.steps()) {
                f = t.apply(f);
            }
            for (int r = 0; r < WINDOW; r++) {
                for (int c = 0; c < 2; c++) {
                    x[k++] = (float) f.column(c)[r];
                }
            }
        }
        return x;
    }

    @Test
    void prepare_ofAffineSteps_equalsTheStepsAppliedToColumnsThenFlattened_bitForBit() {
        assertPrepareIsTheDefinition(chain, general, fused);
    }

    /**
     * Over random batches: the one-pass input of {@code steps} equals the steps applied to whole
     * columns and flattened, and the pipelines with and without the one-pass path predict the same
     * bits.
     */
    private static void assertPrepareIsTheDefinition(
            FittedChain steps, Pipeline withoutOnePass, Pipeline withOnePass) {
        FusedInput in = FusedInput.of(schema, List.copyOf(steps.steps()), WINDOW);
        assertNotNull(in);
        qt().withFixedSeed(42)
                .withExamples(200)
                .forAll(longs().all(), integers().between(1, 6))
                .checkAssert(
                        (seed, n) -> {
                            double[][][] w = windows(seed, n);
                            assertArrayEquals(byDefinition(steps, w), in.prepare(w));
                            assertArrayEquals(
                                    withoutOnePass.scoreBatch(w).values(),
                                    withOnePass.scoreBatch(w).values());
                        });
    }

    @Test
    void scoreBatch_onePass_givesTheGeneralPathsPredictions_bitForBit() {
        qt().withFixedSeed(42)
                .withExamples(100)
                .forAll(longs().all(), integers().between(1, 5))
                .checkAssert(
                        (seed, n) -> {
                            double[][][] w = windows(seed, n);
                            // assertArrayEquals on float[] compares the bits of each element
                            assertArrayEquals(
                                    general.scoreBatch(w).values(), fused.scoreBatch(w).values());
                            assertArrayEquals(
                                    general.score(w[0]).values(), fused.score(w[0]).values());
                        });
    }

    @Test
    void of_withANonAffineStep_fallsBackToTheGeneralPath() {
        FittedTransform log = LogTransform.of(C).fit(Frame.of(Map.of(C, new double[] {1, 2, 3})));
        assertNull(FusedInput.of(schema, List.of(log), WINDOW));
    }

    @Test
    void scoreBatch_withANaN_isRefusedWithTheGeneralPathsMessage() {
        double[][][] w = windows(5, 3);
        w[1][3][1] = Double.NaN;
        // the message composed by Pipeline ("window i: ") and InputSchema.checkRow
        String expected = "window 1: column 'close' row 3: value NaN must be finite";
        assertEquals(expected, messageOf(fused, w));
        assertEquals(expected, messageOf(general, w));
    }

    @Test
    void scoreBatch_withAnOutOfRangeValue_isRefusedWithTheGeneralPathsMessage() {
        double[][][] w = windows(5, 2);
        w[0][7][1] = -2;
        String expected = "window 0: column 'close' row 7: value -2.0 must lie in [0.0, 1.0E300]";
        assertEquals(expected, messageOf(fused, w));
        assertEquals(expected, messageOf(general, w));
    }

    @Test
    void scoreBatch_withAShortWindowOrNoWindow_isRefusedAsBefore() {
        double[][][] w = windows(5, 2);
        w[1] = new double[WINDOW - 1][2];
        assertEquals("window 1: must have 8 rows but had 7", messageOf(fused, w));
        assertEquals(messageOf(general, w), messageOf(fused, w));
        double[][][] none = new double[0][][];
        assertEquals("windows must hold at least one window", messageOf(fused, none));
        assertEquals(messageOf(general, none), messageOf(fused, none));
    }

    @Test
    void scoreBatch_whenScalingOverflows_reportsWhatTheGeneralPathReports() {
        double[][][] w = windows(5, 2);
        // finite and accepted by the schema, but (x - mean) / sd overflows to infinity
        w[1][2][0] = 1e307;
        String general1 = messageOf(general, w);
        assertEquals(general1, messageOf(fused, w));
        // the robust step checks its input column (window 1, row 2 = row 10 of the batch)
        assertEquals("column 'log_return', row 10: value Infinity must be finite", general1);
    }

    @Test
    void prepare_ofOneStepPerColumnAndAnUnscaledColumn_equalsTheDefinition_bitForBit() {
        assertPrepareIsTheDefinition(singleChain, singleGeneral, singleFused);
    }

    @Test
    void prepare_ofAnUnscaledNegativeZero_keepsItsSign() {
        FusedInput in = FusedInput.of(schema, List.copyOf(singleChain.steps()), WINDOW);
        double[][][] w = windows(3, 1);
        w[0][4][1] = -0.0; // the close column has no step and a range [0, 1e300] that holds -0.0
        float[] x = in.prepare(w);
        // row 4, column 1 of the flattened [window, 2] input; -0.0f and 0.0f differ in bits
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(x[4 * 2 + 1]));
    }

    @Test
    void scoreBatch_oneStep_refusesNaNInfinityAndRangeAsTheGeneralPath() {
        double[][] bad = {
            {Double.NaN, 1},
            {Double.POSITIVE_INFINITY, 1},
            {0, Double.NEGATIVE_INFINITY},
            {0, -1e-9},
            {0, 1e301}
        };
        String[] expected = {
            "window 2: column 'log_return' row 5: value NaN must be finite",
            "window 2: column 'log_return' row 5: value Infinity must be finite",
            "window 2: column 'close' row 5: value -Infinity must be finite",
            "window 2: column 'close' row 5: value -1.0E-9 must lie in [0.0, 1.0E300]",
            "window 2: column 'close' row 5: value 1.0E301 must lie in [0.0, 1.0E300]"
        };
        for (int k = 0; k < bad.length; k++) {
            double[][][] w = windows(7, 4);
            w[2][5] = bad[k];
            assertEquals(expected[k], messageOf(singleFused, w));
            assertEquals(expected[k], messageOf(singleGeneral, w));
        }
        double[][][] w = windows(7, 4);
        w[3][6] = new double[] {0, 1, 2};
        assertEquals(messageOf(singleGeneral, w), messageOf(singleFused, w));
        w[3][6] = null;
        assertEquals(
                assertThrows(NullPointerException.class, () -> singleGeneral.scoreBatch(w))
                        .getMessage(),
                assertThrows(NullPointerException.class, () -> singleFused.scoreBatch(w))
                        .getMessage());
    }

    @Test
    void scoreBatch_oneStep_overflowInAnEarlierWindow_reportsWhatTheGeneralPathReports() {
        double[][][] w = windows(5, 3);
        // accepted by the schema, but (x - mean) / sd overflows; a later window's row is refused
        w[0][2][0] = 1e307;
        w[2][1][1] = -5;
        assertEquals(messageOf(singleGeneral, w), messageOf(singleFused, w));
        // and on its own, the overflow is what the general path reports
        double[][][] v = windows(5, 3);
        v[1][0][0] = -1e307;
        assertEquals(messageOf(singleGeneral, v), messageOf(singleFused, v));
    }

    /**
     * A raw value the schema accepts whose scaled value a float cannot hold (above 3.4028235e38):
     * refused before the model, naming window, column and row; the close column has no step and
     * accepts up to 1e300, and by the definition (x - 0) / 1 = 1e200 is beyond float range.
     */
    @Test
    void scoreBatch_aScaledValueBeyondFloatRange_isRefusedNamingWindowColumnAndRow() {
        double[][][] w = windows(5, 3);
        w[2][6][1] = 1e200;
        String expected =
                "window 2: column 'close' row 6: value scales to 1.0E200, beyond the float range"
                        + " of the model input (|x| <= 3.4028235E38)";
        assertEquals(expected, messageOf(singleFused, w));
        assertEquals(expected, messageOf(singleGeneral, w));
    }

    @Test
    void scoreBatch_aPersonalValueBeyondFloatRange_isRefusedWithoutShowingIt() {
        InputSchema personal =
                InputSchema.of(List.of(ColumnSpec.unbounded(R), new ColumnSpec(C, 0, 1e300, true)));
        Pipeline p =
                Pipeline.builder()
                        .setFeatures(FeatureStages.barColumns(R, C))
                        .setSchema(personal)
                        .setModel(model)
                        .setMetadata(Pipeline.provenance(model, "0".repeat(64), Map.of(), Map.of()))
                        .optTransform(singleChain.steps().get(0))
                        .build();
        double[][][] w = windows(5, 1);
        w[0][1][1] = 4.5e199; // accepted by the schema, beyond float range unscaled
        String m = messageOf(p, w);
        assertEquals(
                "window 0: column 'close' row 1: value scales to <withheld: personal column>,"
                        + " beyond the float range of the model input (|x| <= 3.4028235E38)",
                m);
        // p shares the network with the other pipelines: not closed here
    }

    @Test
    void of_aRangeNoFiniteValueMeets_refusesEveryValueWithTheSchemasMessage() {
        InputSchema none =
                InputSchema.of(
                        List.of(
                                ColumnSpec.unbounded(R),
                                new ColumnSpec(
                                        C,
                                        Double.POSITIVE_INFINITY,
                                        Double.POSITIVE_INFINITY,
                                        false)));
        FusedInput in = FusedInput.of(none, List.copyOf(singleChain.steps()), WINDOW);
        double[][][] w = windows(1, 1);
        w[0][0][1] = Double.MAX_VALUE;
        String m = assertThrows(IllegalArgumentException.class, () -> in.prepare(w)).getMessage();
        // the schema's rule: finite and within [min, max]; no finite value is >= +infinity
        assertEquals(
                "window 0: column 'close' row 0: value 1.7976931348623157E308 must lie in"
                        + " [Infinity, Infinity]",
                m);
    }

    private static String messageOf(Pipeline p, double[][][] w) {
        return assertThrows(IllegalArgumentException.class, () -> p.scoreBatch(w)).getMessage();
    }
}
