// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One-hot groups of {@link InputSchema}: the rule (every member exactly 0 or 1, exactly one member
 * 1), its messages, the group definition checks and the JSON form. Expected messages are written
 * out from the rule and the message pattern documented on {@link InputSchema}.
 */
class InputSchemaOneHotTest {

    /** x, a three-level public group 'c' and a two-level personal group 'p'. */
    static final InputSchema BASE =
            InputSchema.of(
                    List.of(
                            ColumnSpec.unbounded("x"),
                            new ColumnSpec("c=a", 0, 1, false),
                            new ColumnSpec("c=b", 0, 1, false),
                            new ColumnSpec("c=c", 0, 1, false),
                            new ColumnSpec("p=u", 0, 1, true),
                            new ColumnSpec("p=v", 0, 1, true)));

    static final InputSchema SCHEMA =
            BASE.withOneHotGroup("c", List.of("c=a", "c=b", "c=c"))
                    .withOneHotGroup("p", List.of("p=u", "p=v"));

    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void checkRow_withOneLevelSetInEachGroup_accepts() {
        SCHEMA.checkRow(new double[] {-7.5, 0, 0, 1, 1, 0}, 0);
        // -0.0 == 0 in IEEE 754, so a negative zero is a 0 level
        SCHEMA.checkRow(new double[] {0, 1, -0.0, 0, 0, 1}, 0);
    }

    @Test
    void checkRow_withTwoLevelsSet_namesRowGroupCountAndMembers() {
        assertEquals(
                "row 3: one-hot group 'c' must have exactly one member equal to 1 and the rest 0"
                        + " but had 2 members at 1 (c=a=1.0, c=b=1.0, c=c=0.0)",
                refusal(() -> SCHEMA.checkRow(new double[] {0, 1, 1, 0, 1, 0}, 3)));
    }

    @Test
    void checkRow_withNoLevelSet_isRefused() {
        assertEquals(
                "row 0: one-hot group 'c' must have exactly one member equal to 1 and the rest 0"
                        + " but had 0 members at 1 (c=a=0.0, c=b=0.0, c=c=0.0)",
                refusal(() -> SCHEMA.checkRow(new double[] {0, 0, 0, 0, 1, 0}, 0)));
    }

    @Test
    void checkRow_withAHalfLevel_countsItAsNeitherZeroNorOne() {
        // 0.5 lies in the column range [0, 1], so only the group rule can refuse it
        assertEquals(
                "row 1: one-hot group 'c' must have exactly one member equal to 1 and the rest 0"
                        + " but had 1 member at 1 and 1 member neither 0 nor 1 (c=a=1.0, c=b=0.5,"
                        + " c=c=0.0)",
                refusal(() -> SCHEMA.checkRow(new double[] {0, 1, 0.5, 0, 0, 1}, 1)));
    }

    @Test
    void checkRow_inAPersonalGroup_givesCountsButNoValuesOrLevels() {
        String two = refusal(() -> SCHEMA.checkRow(new double[] {0, 1, 0, 0, 1, 1}, 4));
        assertEquals(
                "row 4: one-hot group 'p' must have exactly one member equal to 1 and the rest 0"
                        + " but had 2 members at 1 (values withheld: personal column)",
                two);
        String half = refusal(() -> SCHEMA.checkRow(new double[] {0, 1, 0, 0, 0.25, 0}, 4));
        assertEquals(
                "row 4: one-hot group 'p' must have exactly one member equal to 1 and the rest 0"
                        + " but had 0 members at 1 and 1 member neither 0 nor 1 (values withheld:"
                        + " personal column)",
                half);
        assertFalse(half.contains("0.25") || half.contains("p=u"), half);
    }

    @Test
    void checkRow_withALevelOutOfItsRange_reportsTheColumnFirst() {
        // the per-column checks run before the group rule
        assertEquals(
                "column 'c=b' row 2: value 2.0 must lie in [0.0, 1.0]",
                refusal(() -> SCHEMA.checkRow(new double[] {0, 1, 2, 0, 1, 0}, 2)));
    }

    @Test
    void checkRow_acceptsExactlyTheRowsWithOneLevelSet() {
        // bits of k (0..7) set the three levels of group 'c'; the rule accepts exactly one bit
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(integers().between(0, 7))
                .checkAssert(
                        k -> {
                            double[] row = {0, k & 1, (k >> 1) & 1, (k >> 2) & 1, 0, 1};
                            boolean valid = Integer.bitCount(k) == 1;
                            try {
                                SCHEMA.checkRow(row, 0);
                                assertTrue(valid, k + " accepted");
                            } catch (IllegalArgumentException e) {
                                assertFalse(valid, k + " refused");
                            }
                        });
    }

    @Test
    void checkRows_namesTheFrameRowAndChecksOnlyTheRange() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", new double[] {0, 0, 0, 0});
        m.put("c=a", new double[] {1, 1, 0, 1});
        m.put("c=b", new double[] {0, 0, 0, 1});
        m.put("c=c", new double[] {1, 0, 1, 0});
        m.put("p=u", new double[] {1, 1, 1, 1});
        m.put("p=v", new double[] {0, 0, 0, 0});
        Frame f = Frame.of(m);
        SCHEMA.checkRows(f, 1, 3); // rows 1 and 2 are valid; rows 0 and 3 are not
        assertEquals(
                "row 3: one-hot group 'c' must have exactly one member equal to 1 and the rest 0"
                        + " but had 2 members at 1 (c=a=1.0, c=b=1.0, c=c=0.0)",
                refusal(() -> SCHEMA.checkRows(f, 1, 4)));
        assertEquals(
                "row 0: one-hot group 'c' must have exactly one member equal to 1 and the rest 0"
                        + " but had 2 members at 1 (c=a=1.0, c=b=0.0, c=c=1.0)",
                refusal(() -> SCHEMA.checkRows(f, 0, 4)));
    }

    @Test
    void withOneHotGroup_returnsANewSchemaAndLeavesThisOne() {
        assertTrue(BASE.oneHotGroups().isEmpty());
        assertEquals(
                List.of(
                        new InputSchema.OneHotGroup("c", List.of("c=a", "c=b", "c=c")),
                        new InputSchema.OneHotGroup("p", List.of("p=u", "p=v"))),
                SCHEMA.oneHotGroups());
        assertNotEquals(BASE, SCHEMA);
        BASE.checkRow(new double[] {0, 1, 1, 0, 1, 1}, 0); // no groups: range checks only
    }

    @Test
    void withOneHotGroup_withAnUnknownColumn_namesItAndTheSchema() {
        assertEquals(
                "one-hot group 'c' names column 'c=z' which is not in the schema"
                        + " [x, c=a, c=b, c=c, p=u, p=v]",
                refusal(() -> BASE.withOneHotGroup("c", List.of("c=a", "c=z"))));
    }

    @Test
    void withOneHotGroup_withAColumnOfAnotherGroup_namesBothGroups() {
        assertEquals(
                "column 'c=c' cannot join one-hot group 'q': it is already a member of group 'c'",
                refusal(() -> SCHEMA.withOneHotGroup("q", List.of("c=c", "x"))));
    }

    @Test
    void withOneHotGroup_withBadDefinitions_isRefusedNamingTheProblem() {
        assertEquals(
                "one-hot group 'c' must have at least 2 member columns but had 1 [c=a]",
                refusal(() -> BASE.withOneHotGroup("c", List.of("c=a"))));
        assertEquals(
                "one-hot group name must not be blank",
                refusal(() -> BASE.withOneHotGroup(" ", List.of("c=a", "c=b"))));
        assertEquals(
                "one-hot group 'c' lists a member twice: [c=a, c=a]",
                refusal(() -> BASE.withOneHotGroup("c", List.of("c=a", "c=a"))));
        assertEquals(
                "one-hot group 'c' is declared twice",
                refusal(() -> SCHEMA.withOneHotGroup("c", List.of("x", "c=a"))));
    }

    @Test
    void json_withGroups_roundTrips() {
        InputSchema back = InputSchema.fromJson(SCHEMA.toJson());
        assertEquals(SCHEMA, back);
        assertEquals(SCHEMA.oneHotGroups(), back.oneHotGroups());
    }

    @Test
    void json_withoutGroups_isWrittenAndReadAsBefore() {
        assertFalse(BASE.toJson().contains("oneHotGroups"), BASE.toJson());
        // a schema saved before groups existed
        String saved =
                "{\"format\":1,\"columns\":[{\"name\":\"c=a\",\"min\":0.0,\"max\":1.0,"
                        + "\"personal\":false},{\"name\":\"c=b\",\"min\":0.0,\"max\":1.0,"
                        + "\"personal\":false}]}";
        InputSchema s = InputSchema.fromJson(saved);
        assertTrue(s.oneHotGroups().isEmpty());
        s.checkRow(new double[] {1, 1}, 0);
    }

    @Test
    void json_withMalformedGroups_isRefusedSayingWhere() {
        String head =
                "{\"format\":1,\"columns\":[{\"name\":\"a\",\"min\":0,\"max\":1},"
                        + "{\"name\":\"b\",\"min\":0,\"max\":1}],\"oneHotGroups\":";
        assertEquals(
                "schema JSON: oneHotGroups must be an array but was {\"name\":\"g\"}",
                refusal(() -> InputSchema.fromJson(head + "{\"name\":\"g\"}}")));
        assertEquals(
                "schema JSON: oneHotGroups[0].name must be a string but was 7",
                refusal(
                        () ->
                                InputSchema.fromJson(
                                        head + "[{\"name\":7,\"columns\":[\"a\",\"b\"]}]}")));
        assertEquals(
                "schema JSON: oneHotGroups[0].name must be a string but was missing",
                refusal(() -> InputSchema.fromJson(head + "[{\"columns\":[\"a\",\"b\"]}]}")));
        assertEquals(
                "schema JSON: oneHotGroups[0].columns must be an array of column names but was"
                        + " [\"a\",2]",
                refusal(
                        () ->
                                InputSchema.fromJson(
                                        head + "[{\"name\":\"g\",\"columns\":[\"a\",2]}]}")));
        assertEquals(
                "schema JSON: oneHotGroups[0].columns must be an array of column names but was"
                        + " missing",
                refusal(() -> InputSchema.fromJson(head + "[{\"name\":\"g\"}]}")));
        assertEquals(
                "one-hot group 'g' names column 'z' which is not in the schema [a, b]",
                refusal(
                        () ->
                                InputSchema.fromJson(
                                        head + "[{\"name\":\"g\",\"columns\":[\"a\",\"z\"]}]}")));
    }
}
