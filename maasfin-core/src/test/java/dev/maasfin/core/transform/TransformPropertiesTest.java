// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Inverse round trips and exact state save/load for every normaliser. */
class TransformPropertiesTest {

    static final List<Transform> NORMALISERS =
            List.of(
                    ZScoreTransform.of("x"),
                    ZScoreTransform.of("x").withSampleSd(),
                    MinMaxTransform.of("x"),
                    RobustTransform.of("x"));

    /**
     * Finite doubles that random generation rarely or never hits: signed zeros, the smallest and
     * largest subnormals, the normal boundary, the extremes, and decimals without an exact binary
     * form.
     */
    static final double[] EDGE_DOUBLES = {
        -0.0,
        0.0,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL),
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1e23,
        0.1,
        2e-3
    };

    static Gen<Transform> normalisers() {
        return arbitrary().pick(NORMALISERS);
    }

    /** Lists of {@code min..max} doubles drawn uniformly from {@code [-bound, bound]}. */
    static Gen<double[]> columns(int min, int max, double bound) {
        return lists().of(doubles().between(-bound, bound))
                .ofSizeBetween(min, max)
                .map(TransformPropertiesTest::toArray);
    }

    /**
     * Columns random draws would almost never produce: constant (zero spread, zero IQR), signed
     * zeros, and the range bounds.
     */
    static List<double[]> edgeColumns(double bound) {
        return List.of(
                new double[] {0.0, 0.0},
                new double[] {-0.0, 0.0, -0.0},
                new double[] {bound, bound},
                new double[] {-bound, bound},
                new double[] {-bound, -bound, bound, 0.0},
                new double[] {1.5, 1.5, 1.5, 1.5, 7.0});
    }

    /**
     * Normalise then inverse returns the input within 1e-12 relative to the column's magnitude (max
     * |x|): the affine maps lose a few ulps of the largest value, not of each value.
     */
    @Test
    void affineInverse_returnsTheInput() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(normalisers(), columns(2, 40, 1e6))
                .checkAssert(TransformPropertiesTest::inverseReturnsInput);
        for (Transform t : NORMALISERS) {
            edgeColumns(1e6).forEach(x -> inverseReturnsInput(t, x));
        }
    }

    private static void inverseReturnsInput(Transform t, double[] x) {
        Frame f = ScalerReferenceCasesTest.column("x", x);
        FittedTransform fitted = t.fit(f);
        double[] back = fitted.inverse(fitted.apply(f)).column("x");
        double magnitude = 0;
        for (double v : x) {
            magnitude = Math.max(magnitude, Math.abs(v));
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(
                    x[i], back[i], 1e-12 * Math.max(magnitude, Double.MIN_NORMAL), t.toString());
        }
    }

    /** Log and log1p: exp(log x) returns x within 1e-12 relative to each value. */
    @Test
    void logInverse_returnsTheInput() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(columns(1, 20, 300), doubles().between(-0.99, 0), booleans().all())
                .checkAssert(TransformPropertiesTest::logRoundTrips);
        // the ends of both ranges: x = 1e-300, 1 and 1e300; log1p at -0.99 and 0
        double[] ends = {-300, 0, 300};
        for (boolean log1p : new boolean[] {false, true}) {
            logRoundTrips(ends, -0.99, log1p);
            logRoundTrips(ends, 0.0, log1p);
        }
    }

    private static void logRoundTrips(double[] exps, double nearMinusOne, boolean log1p) {
        // x = 10^e spans 1e-300 .. 1e300; log1p also gets a value in [-0.99, 0]
        double[] x = new double[exps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, exps[i]);
        }
        if (log1p) {
            x[0] = nearMinusOne;
        }
        Frame f = ScalerReferenceCasesTest.column("x", x);
        LogTransform t = log1p ? LogTransform.of("x").withLog1p() : LogTransform.of("x");
        FittedTransform fitted = t.fit(f);
        double[] back = fitted.inverse(fitted.apply(f)).column("x");
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-12 * Math.abs(x[i]));
        }
    }

    /**
     * Any finite doubles, subnormals, -0.0 and extremes included, survive JSON bit for bit. The
     * random lists mix raw bit patterns (weight 5), {@link #EDGE_DOUBLES} (weight 2) and short
     * decimals (weight 2); the edge values are also checked all together and one by one.
     */
    @Test
    void stateJson_roundTripsEveryFiniteDoubleBitExactly() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(lists().of(finiteDoubles()).ofSizeBetween(0, 12))
                .checkAssert(values -> stateRoundTripsBitExactly(toArray(values)));
        stateRoundTripsBitExactly(new double[0]);
        stateRoundTripsBitExactly(EDGE_DOUBLES.clone());
        for (double v : EDGE_DOUBLES) {
            stateRoundTripsBitExactly(new double[] {v});
        }
    }

    static Gen<Double> finiteDoubles() {
        Gen<Double> bits = longs().all().map(Double::longBitsToDouble).assuming(Double::isFinite);
        Gen<Double> edge = arbitrary().pick(toList(EDGE_DOUBLES));
        // two decimal places, magnitudes up to 1e10: the values people write by hand
        Gen<Double> decimals =
                longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(c -> c / 100.0);
        return integers()
                .between(0, 8)
                .zip(bits, edge, decimals, (w, b, e, d) -> w < 5 ? b : w < 7 ? e : d);
    }

    private static void stateRoundTripsBitExactly(double[] v) {
        TransformState s =
                new TransformState(
                        "zscore",
                        List.of("a"),
                        Map.of("k", "v"),
                        Map.of("center", v, "scale", new double[] {1}));
        TransformState back = TransformStates.fromJson(TransformStates.toJson(s));
        assertEquals(s, back); // record equals compares the arrays with Arrays.equals
        double[] b = back.array("center");
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(b[i]));
        }
    }

    /** A fitted scaler restored from its JSON gives bit-identical output. */
    @Test
    void fittedScaler_restoredFromJson_givesIdenticalOutput() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(normalisers(), columns(2, 30, 1e9))
                .checkAssert(TransformPropertiesTest::restoredScalerIsIdentical);
        for (Transform t : NORMALISERS) {
            edgeColumns(1e9).forEach(x -> restoredScalerIsIdentical(t, x));
        }
    }

    private static void restoredScalerIsIdentical(Transform t, double[] x) {
        Frame f = ScalerReferenceCasesTest.column("x", x);
        FittedTransform fitted = t.fit(f);
        FittedTransform back =
                TransformStates.restore(
                        TransformStates.fromJson(TransformStates.toJson(fitted.state())));
        double[] a = fitted.apply(f).column("x");
        double[] b = back.apply(f).column("x");
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]));
            assertTrue(Double.isFinite(a[i]));
        }
    }

    static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<Double> toList(double[] xs) {
        return java.util.Arrays.stream(xs).boxed().toList();
    }
}
