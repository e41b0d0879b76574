// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.feature.FeatureSet;
import dev.maasfin.core.feature.FeatureSpec;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The feature-set stage on real S&P 500 bars. */
class FeatureSetStageTest {

    static final FeatureStage STAGE =
            FeatureStages.of(
                    FeatureSet.of(
                            FeatureSpec.logReturns(1), FeatureSpec.rsi(14), FeatureSpec.sma(5)));

    @Test
    void streaming_writesTheBatchRowsTo1e9Relative() throws Exception {
        BarSeries all =
                BarCsvLoader.defaults()
                        .load(DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv"));
        BarSeries bars = all.slice(all.size() - 300, all.size());
        Frame batch = STAGE.compute(bars);
        FeatureStage.Streaming s = STAGE.streaming(ZoneId.of("UTC"));
        double[] row = new double[3];
        for (int t = 0; t < bars.size(); t++) {
            s.update(
                    bars.epochMillis(t),
                    bars.open(t),
                    bars.high(t),
                    bars.low(t),
                    bars.close(t),
                    bars.volume(t),
                    row);
            for (int c = 0; c < 3 && t >= STAGE.warmUp(); c++) {
                double b = batch.get(t, c);
                assertEquals(b, row[c], 1e-9 * Math.max(1, Math.abs(b)), "row " + t + " col " + c);
            }
        }
    }

    @Test
    void fromJson_rebuildsAnEqualStage() {
        FeatureStage back = FeatureStages.fromJson(STAGE.type(), STAGE.toJson());
        assertEquals("feature-set", back.type());
        assertEquals(STAGE.columnNames(), back.columnNames());
        assertEquals(STAGE.warmUp(), back.warmUp());
        assertEquals(STAGE.toJson(), back.toJson());
    }

    @Test
    void fromJson_ofAnUnknownType_listsTheKnownOnes() {
        IllegalArgumentException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> FeatureStages.fromJson("ta4j", "{}"));
        assertEquals(
                "feature stage type must be one of [bar-columns, feature-set, realised-volatility,"
                        + " feature-rows] but was ta4j",
                e.getMessage());
    }
}
