// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.DenseRegressorSpec;
import dev.maasfin.djl.model.NeuralModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A pipeline whose schema has a one-hot group refuses a broken group through every entry point,
 * with the schema's message, although its z-score alone would take the one-pass path.
 */
class OneHotPipelineTest {

    private static final List<String> COLUMNS = List.of("amount", "c=a", "c=b");

    private static final InputSchema UNGROUPED =
            InputSchema.of(
                    List.of(
                            ColumnSpec.unbounded("amount"),
                            new ColumnSpec("c=a", 0, 1, false),
                            new ColumnSpec("c=b", 0, 1, false)));

    private static final InputSchema GROUPED =
            UNGROUPED.withOneHotGroup("c", List.of("c=a", "c=b"));

    /** Rule and message pattern of InputSchema, written out for two levels both set. */
    private static final String TWO_SET =
            "one-hot group 'c' must have exactly one member equal to 1 and the rest 0 but had 2"
                    + " members at 1 (c=a=1.0, c=b=1.0)";

    private static final String NONE_SET =
            "one-hot group 'c' must have exactly one member equal to 1 and the rest 0 but had 0"
                    + " members at 1 (c=a=0.0, c=b=0.0)";

    private static FittedTransform zScoreOfAmount() {
        return ZScoreTransform.of("amount")
                .fit(Frame.of(Map.of("amount", new double[] {1, 2, 3, 4})));
    }

    /** All weights 0 and output bias 0.5, so every accepted row scores 0.5. */
    private static Pipeline pipeline() {
        NeuralModel m =
                NeuralModel.create(
                        DenseRegressorSpec.builder().setInputWidth(3).build(), DeviceSpec.cpu(), 1);
        List<String> names = List.copyOf(m.parameterShapes().keySet());
        for (String name : names) {
            m.setParameter(name, new float[m.parameter(name).length]);
        }
        m.setParameter(names.get(names.size() - 1), new float[] {0.5f});
        return Pipeline.builder()
                .setFeatures(FeatureStages.featureRows(COLUMNS.toArray(String[]::new)))
                .optTransform(zScoreOfAmount())
                .setSchema(GROUPED)
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "3".repeat(64), Map.of(), Map.of()))
                .build();
    }

    private static Frame rows(double[]... rows) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            double[] v = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                v[r] = rows[r][c];
            }
            m.put(COLUMNS.get(c), v);
        }
        return Frame.of(m);
    }

    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void of_whenTheSchemaHasOneHotGroups_leavesTheRowsToTheGeneralPath() {
        List<FittedTransform> z = List.of(zScoreOfAmount());
        assertNotNull(FusedInput.of(UNGROUPED, z, 1));
        assertNull(FusedInput.of(GROUPED, z, 1));
    }

    @Test
    void scoreBatch_withTwoLevelsSet_isRefusedWithTheSchemasMessage() {
        try (Pipeline p = pipeline()) {
            double[][][] ok = {{{2.5, 1, 0}}, {{-1, 0, 1}}};
            assertArrayEquals(new float[] {0.5f, 0.5f}, p.scoreBatch(ok).values());
            double[][][] bad = {{{2.5, 1, 0}}, {{-1, 1, 1}}};
            assertEquals("window 1: row 0: " + TWO_SET, refusal(() -> p.scoreBatch(bad)));
            assertEquals(
                    "window 0: row 0: " + NONE_SET,
                    refusal(() -> p.score(new double[][] {{2.5, 0, 0}})));
        }
    }

    @Test
    void scoreFrame_withALevelMissing_isRefusedNamingTheFrameRow() {
        try (Pipeline p = pipeline()) {
            Frame f = rows(new double[] {1, 1, 1}, new double[] {2, 0, 1}, new double[] {3, 0, 0});
            assertEquals("row 2: " + NONE_SET, refusal(() -> p.score(f)));
            assertEquals("row 0: " + TWO_SET, refusal(() -> p.scoreWindows(f, new int[] {1, 0})));
            // row 1 alone is valid
            assertArrayEquals(new float[] {0.5f}, p.scoreWindows(f, new int[] {1}).values());
        }
    }

    @Test
    void savedAndLoaded_keepsTheGroupAndStillRefuses() throws Exception {
        Path dir = PipelineFixtures.freshDir("one-hot");
        try (Pipeline p = pipeline()) {
            p.save(dir);
        }
        try (Pipeline p = Pipeline.load(dir)) {
            assertEquals(GROUPED.oneHotGroups(), p.schema().oneHotGroups());
            assertEquals(
                    "window 0: row 0: " + TWO_SET,
                    refusal(() -> p.scoreBatch(new double[][][] {{{0, 1, 1}}})));
        }
    }
}
