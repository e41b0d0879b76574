// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON save/load, the type registry and chain state. */
class TransformStatesTest {

    @Test
    void toJson_writesTheDocumentedLayout() {
        TransformState s =
                new TransformState(
                        "zscore",
                        List.of("a"),
                        Map.of("sd", "population"),
                        Map.of("center", new double[] {1.5}, "scale", new double[] {-0.0}));
        String json =
                TransformStates.toJson(
                        new TransformState(
                                s.type(),
                                s.columns(),
                                s.params(),
                                new java.util.LinkedHashMap<>(
                                        Map.of("center", new double[] {1.5}))));
        assertEquals(
                "{\"format\":1,\"type\":\"zscore\",\"columns\":[\"a\"],"
                        + "\"params\":{\"sd\":\"population\"},\"arrays\":{\"center\":[1.5]}}",
                json);
    }

    @Test
    void fromJson_keepsNegativeZeroSubnormalsAndExtremes() {
        double[] values = {-0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 0.1, 1e23};
        TransformState s = new TransformState("x", List.of("c"), Map.of(), Map.of("v", values));
        double[] back = TransformStates.fromJson(TransformStates.toJson(s)).array("v");
        for (int i = 0; i < values.length; i++) {
            assertEquals(
                    Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]));
        }
    }

    @Test
    void toJson_whenStateHoldsNaN_namesArrayAndIndex() {
        TransformState s =
                new TransformState(
                        "zscore",
                        List.of("a", "b"),
                        Map.of(),
                        Map.of("center", new double[] {1, Double.NaN}));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TransformStates.toJson(s));
        assertEquals(
                "zscore state array 'center' index 1: value NaN must be finite to be saved",
                e.getMessage());
    }

    @Test
    void fromJson_whenValueIsNotANumber_saysWhere() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TransformStates.fromJson(
                                        "{\"type\":\"t\",\"arrays\":{\"v\":[1,\"x\"]}}"));
        assertEquals("array 'v' index 1 must be a finite number but was x", e.getMessage());
        IllegalArgumentException big =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TransformStates.fromJson(
                                        "{\"type\":\"t\",\"arrays\":{\"v\":[1e400]}}"));
        assertEquals("array 'v' index 0: value 1e400 is not a finite double", big.getMessage());
        IllegalArgumentException nan =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TransformStates.fromJson(
                                        "{\"type\":\"t\",\"arrays\":{\"v\":[NaN]}}"));
        assertTrue(nan.getMessage().startsWith("invalid transform state JSON"), nan.getMessage());
    }

    @Test
    void restore_whenTypeUnknown_namesItAndTheKnownTypes() {
        TransformState s = new TransformState("nope", List.of("a"), Map.of(), Map.of());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TransformStates.restore(s));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "no transform registered for type 'nope'; registered"
                                        + " types are ["),
                e.getMessage());
        assertTrue(e.getMessage().contains("zscore"));
    }

    /** A stand-in for a transform another package registers (as quantile-clip would). */
    record Clip(TransformState state) implements FittedTransform {
        @Override
        public Frame apply(Frame input) {
            return input;
        }
    }

    @Test
    void register_letsAnotherPackageAddTypesAndRejectsConflicts() {
        FittedTransformFactory clip = Clip::new;
        TransformStates.register("quantile-clip", clip);
        TransformStates.register("quantile-clip", clip); // same factory again: no-op
        TransformStates.register("mad-winsorise", Clip::new);
        TransformState s =
                new TransformState(
                        "quantile-clip",
                        List.of("a"),
                        Map.of("q", "0.01"),
                        Map.of("low", new double[] {-1}, "high", new double[] {1}));
        FittedTransform back =
                TransformStates.restore(TransformStates.fromJson(TransformStates.toJson(s)));
        assertEquals(s, back.state());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TransformStates.register("zscore", Clip::new));
        assertEquals(
                "transform type 'zscore' is already registered to another factory", e.getMessage());
        assertTrue(
                TransformStates.registeredTypes()
                        .containsAll(
                                List.of(
                                        "chain",
                                        "log",
                                        "minmax",
                                        "robust",
                                        "zscore",
                                        "quantile-clip",
                                        "mad-winsorise")));
    }

    @Test
    void chainState_restoresThroughTheRegistryWithIdenticalOutput() {
        Frame train =
                ScalerReferenceCasesTest.frame(
                        new String[] {"p", "v"},
                        new double[] {10.0, 10.4, 10.2, 10.9},
                        new double[] {100, 300, 200, 250});
        FittedChain chain =
                TransformChain.of(
                                LogTransform.of("v"),
                                ZScoreTransform.of("p", "v"),
                                RobustTransform.of("p"))
                        .fit(train);
        FittedTransform back =
                TransformStates.restore(
                        TransformStates.fromJson(TransformStates.toJson(chain.state())));
        assertEquals(chain.state(), back.state());
        assertArrayEquals(chain.apply(train).column("p"), back.apply(train).column("p"), 0);
        assertArrayEquals(chain.apply(train).column("v"), back.apply(train).column("v"), 0);
        List<TransformState> list =
                TransformStates.listFromJson(TransformStates.toJson(chain.states()));
        assertEquals(chain.states(), list);
        assertEquals(chain.state(), FittedChain.fromStates(list).state());
    }

    @Test
    void restore_rebuildsTheRightFittedType() {
        Frame f = ScalerReferenceCasesTest.column("x", 1, 2, 4);
        FittedTransform m = MinMaxTransform.of("x").fit(f);
        FittedTransform back = TransformStates.restore(m.state());
        assertSame(MinMaxTransform.FittedMinMax.class, back.getClass());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new ZScoreTransform.FittedZScore(m.state()));
        assertEquals("state type must be 'zscore' but was 'minmax'", e.getMessage());
    }
}
