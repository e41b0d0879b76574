// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Inverse round trips and exact state save/load for every normaliser. */
class TransformPropertiesTest {

    @Provide
    Arbitrary<Transform> normalisers() {
        return Arbitraries.of(
                ZScoreTransform.of("x"),
                ZScoreTransform.of("x").withSampleSd(),
                MinMaxTransform.of("x"),
                RobustTransform.of("x"));
    }

    /**
     * Normalise then inverse returns the input within 1e-12 relative to the column's magnitude (max
     * |x|): the affine maps lose a few ulps of the largest value, not of each value.
     */
    @Property(tries = 1000)
    void affineInverse_returnsTheInput(
            @ForAll("normalisers") Transform t,
            @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs) {
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
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
    @Property(tries = 1000)
    void logInverse_returnsTheInput(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -300, max = 300) Double> exps,
            @ForAll @DoubleRange(min = -0.99, max = 0) double nearMinusOne,
            @ForAll boolean log1p) {
        // x = 10^e spans 1e-300 .. 1e300; log1p also gets a value in [-0.99, 0]
        double[] x = exps.stream().mapToDouble(e -> Math.pow(10, e)).toArray();
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

    /** Any finite doubles, subnormals, -0.0 and extremes included, survive JSON bit for bit. */
    @Property(tries = 1000)
    void stateJson_roundTripsEveryFiniteDoubleBitExactly(
            @ForAll("finiteDoubles") @Size(max = 12) List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
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

    @Provide
    Arbitrary<List<Double>> finiteDoubles() {
        Arbitrary<Double> bits =
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> special =
                Arbitraries.of(
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
                        2e-3);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, bits),
                        net.jqwik.api.Tuple.of(2, special),
                        net.jqwik.api.Tuple.of(2, Arbitraries.doubles()))
                .list();
    }

    /** A fitted scaler restored from its JSON gives bit-identical output. */
    @Property(tries = 1000)
    void fittedScaler_restoredFromJson_givesIdenticalOutput(
            @ForAll("normalisers") Transform t,
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -1e9, max = 1e9) Double> xs) {
        Frame f =
                ScalerReferenceCasesTest.column(
                        "x", xs.stream().mapToDouble(Double::doubleValue).toArray());
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
}
