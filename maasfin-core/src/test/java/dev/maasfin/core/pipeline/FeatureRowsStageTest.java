// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature-rows stage of tabular pipelines: names columns, refuses bars, round-trips JSON. */
class FeatureRowsStageTest {

    private static final String REFUSAL =
            "this pipeline takes feature rows with columns [Time, V1, Amount], not bars: score a"
                    + " Frame or windows of one row instead";

    @Test
    void featureRows_namesItsColumnsInOrder_withNoWarmUp() {
        FeatureStage s = FeatureStages.featureRows("Time", "V1", "Amount");
        assertEquals("feature-rows", s.type());
        assertEquals(List.of("Time", "V1", "Amount"), s.columnNames());
        assertEquals(0, s.warmUp());
    }

    @Test
    void fromJson_rebuildsTheSameColumnsAndTheSameJson() {
        FeatureStage s = FeatureStages.featureRows("Time", "V1", "Amount");
        String json = s.toJson();
        // the JSON form documented in FeatureRowsStage
        assertEquals("{\"columns\":[\"Time\",\"V1\",\"Amount\"]}", json);
        FeatureStage back = FeatureStages.fromJson(s.type(), json);
        assertEquals(List.of("Time", "V1", "Amount"), back.columnNames());
        assertEquals("feature-rows", back.type());
        assertEquals(json, back.toJson());
    }

    @Test
    void compute_refusesBars_sayingTheStageTakesFeatureRows() {
        FeatureStage s = FeatureStages.featureRows("Time", "V1", "Amount");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.compute(BarColumnsStageTest.bars()));
        assertEquals(REFUSAL, e.getMessage());
    }

    @Test
    void streaming_refusesBars_sayingTheStageTakesFeatureRows() {
        FeatureStage s = FeatureStages.featureRows("Time", "V1", "Amount");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.streaming(ZoneId.of("UTC")));
        assertEquals(REFUSAL, e.getMessage());
    }

    @Test
    void featureRows_withNoColumn_isRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, FeatureStages::featureRows);
        assertEquals("a feature-rows stage needs at least one column", e.getMessage());
    }

    @Test
    void featureRows_withARepeatedColumn_namesIt() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureStages.featureRows("V1", "V2", "V1"));
        assertEquals(
                "feature-rows column 'V1' appears twice (columns [V1, V2, V1])", e.getMessage());
    }

    @Test
    void featureRows_withABlankColumn_namesItsPosition() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> FeatureStages.featureRows("V1", " "));
        assertEquals("feature-rows column 1 must be a non-blank name but was  ", e.getMessage());
    }

    @Test
    void fromJson_withoutAColumnsArray_isRefusedShowingTheJson() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureStages.fromJson("feature-rows", "{\"cols\":[]}"));
        assertEquals(
                "feature-rows JSON must hold a \"columns\" array but was {\"cols\":[]}",
                e.getMessage());
    }

    @Test
    void fromJson_ofMalformedJson_isRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FeatureStages.fromJson("feature-rows", "{\"columns\":["));
        assertTrue(e.getMessage().startsWith("feature-rows JSON is malformed: "), e.getMessage());
    }
}
