// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarColumnsStageTest {

    static BarSeries bars() {
        double[] close = {100, 110, 99};
        return new BarSeries(
                "t",
                ZoneId.of("UTC"),
                new long[] {1000, 2000, 3000},
                new double[] {100, 105, 100},
                new double[] {101, 111, 101},
                new double[] {99, 104, 98},
                close,
                new double[] {5, 6, 7},
                null);
    }

    @Test
    void compute_logReturnIsNaNAtRowZeroThenLnOfTheCloseRatio() {
        Frame f = FeatureStages.barColumns("log_return", "close").compute(bars());

        assertTrue(Double.isNaN(f.get(0, 0)));
        assertEquals(Math.log(110.0 / 100.0), f.get(1, 0), 0.0);
        assertEquals(Math.log(99.0 / 110.0), f.get(2, 0), 0.0);
        assertEquals(99.0, f.get(2, 1), 0.0);
    }

    @Test
    void streaming_writesTheBatchRowsBitForBit() {
        FeatureStage s = FeatureStages.barColumns("open", "volume", "log_return");
        BarSeries b = bars();
        Frame batch = s.compute(b);
        FeatureStage.Streaming st = s.streaming(ZoneId.of("UTC"));
        double[] row = new double[3];
        for (int t = 0; t < b.size(); t++) {
            st.update(
                    b.epochMillis(t), b.open(t), b.high(t), b.low(t), b.close(t), b.volume(t), row);
            for (int c = 0; c < 3; c++) {
                assertEquals(
                        Double.doubleToLongBits(batch.get(t, c)), Double.doubleToLongBits(row[c]));
            }
        }
    }

    @Test
    void fromJson_rebuildsTheStage() {
        FeatureStage s = FeatureStages.barColumns("high", "log_return");
        FeatureStage back = FeatureStages.fromJson(s.type(), s.toJson());
        assertEquals(List.of("high", "log_return"), back.columnNames());
        assertEquals(1, back.warmUp());
    }

    @Test
    void barColumns_withAnUnknownName_listsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FeatureStages.barColumns("rsi"));
        assertEquals(
                "bar column must be one of [open, high, low, close, volume, log_return] but was"
                        + " 'rsi'",
                e.getMessage());
    }
}
