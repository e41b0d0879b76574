// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.core.privacy.ColumnPolicy;
import dev.maasfin.core.privacy.PrivacySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSchemaTest {

    static final InputSchema SCHEMA =
            InputSchema.of(
                    List.of(
                            new ColumnSpec("rsi", 0, 100, false),
                            new ColumnSpec("amount_band", 0, 10, true)));

    @Test
    void checkColumns_withWrongCount_namesBothLists() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> SCHEMA.checkColumns(List.of("rsi")));
        assertEquals(
                "input must have 2 columns [rsi, amount_band] but had 1 [rsi]", e.getMessage());
    }

    @Test
    void checkColumns_withSwappedOrder_namesThePosition() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SCHEMA.checkColumns(List.of("amount_band", "rsi")));
        assertEquals(
                "input column 0 must be 'rsi' but was 'amount_band' (expected columns in order:"
                        + " [rsi, amount_band])",
                e.getMessage());
    }

    @Test
    void checkRow_withInfinity_namesColumnRowAndValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SCHEMA.checkRow(new double[] {Double.POSITIVE_INFINITY, 1}, 7));
        assertEquals("column 'rsi' row 7: value Infinity must be finite", e.getMessage());
    }

    @Test
    void checkRow_outOfRangeInAPersonalColumn_withholdsTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SCHEMA.checkRow(new double[] {50, 12345.0}, 2));
        assertEquals(
                "column 'amount_band' row 2: value <withheld: personal column> must lie in [0.0,"
                        + " 10.0]",
                e.getMessage());
        assertFalse(e.getMessage().contains("12345"));
    }

    @Test
    void checkRow_acceptsExactlyTheClosedRange() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(doubles().between(-50, 150))
                .checkAssert(
                        v -> {
                            boolean inside = v >= 0 && v <= 100;
                            try {
                                SCHEMA.checkRow(new double[] {v, 5}, 0);
                                assertTrue(inside, v + " accepted");
                            } catch (IllegalArgumentException e) {
                                assertFalse(inside, v + " refused");
                            }
                        });
    }

    @Test
    void fromTraining_widensTheTrainingRangeByTheMargin_ignoringWarmUpRows() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("a", new double[] {Double.NaN, 2, 4, 6});
        cols.put("b", new double[] {1, 3, 3, 3});
        InputSchema s = InputSchema.fromTraining(Frame.of(cols), 0.5, null);

        // a: rows 1..3 -> [2, 6], range 4, margin 2 -> [0, 8]
        assertEquals(new ColumnSpec("a", 0, 8, false), s.columns().get(0));
        // b: row 0 is incomplete (a is NaN) -> constant 3, pad 0.5 * max(1, 3) = 1.5
        assertEquals(new ColumnSpec("b", 1.5, 4.5, false), s.columns().get(1));
    }

    @Test
    void fromTraining_withPrivacy_refusesRawAndMarksDerivedColumnsPersonal() {
        PrivacySchema privacy =
                PrivacySchema.builder()
                        .column("pan", ColumnPolicy.PERSONAL_MASK)
                        .optDefaultPolicy(ColumnPolicy.PASS)
                        .build();
        Map<String, double[]> raw = new LinkedHashMap<>();
        raw.put("pan", new double[] {1, 2});
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> InputSchema.fromTraining(Frame.of(raw), 0, privacy));
        assertTrue(e.getMessage().startsWith("columns [pan (PERSONAL_MASK)]"), e.getMessage());

        Map<String, double[]> derived = new LinkedHashMap<>();
        derived.put("pan_masked", new double[] {1, 2});
        derived.put("x", new double[] {1, 2});
        InputSchema s = InputSchema.fromTraining(Frame.of(derived), 0, privacy);
        assertTrue(s.columns().get(0).personal());
        assertFalse(s.columns().get(1).personal());
    }

    @Test
    void json_roundTripsIncludingInfiniteBounds() {
        InputSchema s =
                InputSchema.of(
                        List.of(ColumnSpec.unbounded("r"), new ColumnSpec("v", -1.5, 2.25, true)));
        assertEquals(s, InputSchema.fromJson(s.toJson()));
        assertTrue(s.toJson().contains("\"min\" : null"), s.toJson());
    }

    @Test
    void of_withARepeatedName_isRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                InputSchema.of(
                                        List.of(
                                                ColumnSpec.unbounded("a"),
                                                ColumnSpec.unbounded("a"))));
        assertEquals("column a appears twice", e.getMessage());
    }
}
