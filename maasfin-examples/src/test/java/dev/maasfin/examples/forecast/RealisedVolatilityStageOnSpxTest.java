// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.VolatilityScale;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realised-volatility stage against the demo's own {@link VolatilityWindows} on the whole
 * S&amp;P 500 file (8,111 bars): every day's four features, bit for bit. Day {@code j} of
 * VolatilityWindows (the return ending at bar {@code j + 1}) is the stage's row {@code j + 1}.
 */
class RealisedVolatilityStageOnSpxTest {

    static BarSeries bars;
    static VolatilityProblem problem;
    static double[] returns;
    static int[] days;

    @BeforeAll
    static void load() throws Exception {
        bars =
                BarCsvLoader.defaults()
                        .load(DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv"));
        problem =
                VolatilityProblem.of(bars, 60, LocalDate.of(2015, 1, 1), LocalDate.of(2018, 1, 1));
        returns = problem.task.returns();
        days = IntStream.range(VolatilityWindows.FIRST_FEATURE_DAY, returns.length).toArray();
    }

    @Test
    void linearStage_rv20_isTheDemosRv20BitForBit_onEveryDay() {
        Frame f =
                FeatureStages.realisedVolatility(5, 20, VolatilityScale.LINEAR, 1e-3).compute(bars);
        VolatilityWindows vw =
                VolatilityWindows.fit(
                        returns,
                        1,
                        problem.lastTrainOrigin(),
                        VolatilityWindows.FeatureScale.LINEAR);

        double[] rv20 = vw.rv20(days);

        for (int i = 0; i < days.length; i++) {
            assertEquals(
                    Double.doubleToLongBits(rv20[i]),
                    Double.doubleToLongBits(f.get(days[i] + 1, 3)),
                    "day " + days[i]);
        }
    }

    @Test
    void linearStage_givesTheDemosMeansAndZScoredFeatures_bitForBit() {
        assertStageMatches(VolatilityScale.LINEAR, VolatilityWindows.FeatureScale.LINEAR);
    }

    @Test
    void logStage_givesTheDemosMeansAndZScoredFeatures_bitForBit() {
        assertStageMatches(VolatilityScale.LOG, VolatilityWindows.FeatureScale.LOG);
    }

    /**
     * The demo's training means (computed with {@code Arrays.stream(...).average()} over days 19 ..
     * last training origin) equal the same average of the stage's column bit for bit, and every
     * day's z-scored float feature ({@code (float) ((x - mean) / sd)}, windows of 1 day) equals the
     * stage value z-scored the same way.
     */
    private static void assertStageMatches(
            VolatilityScale stageScale, VolatilityWindows.FeatureScale demoScale) {
        Frame f = FeatureStages.realisedVolatility(5, 20, stageScale, 1e-3).compute(bars);
        int last = problem.lastTrainOrigin();
        VolatilityWindows vw = VolatilityWindows.fit(returns, 1, last, demoScale);
        double[] mean = vw.means();
        double[] sd = vw.sds();
        float[] z = vw.windows(days);

        for (int c = 0; c < 4; c++) {
            double[] train =
                    Arrays.copyOfRange(
                            f.column(c), VolatilityWindows.FIRST_FEATURE_DAY + 1, last + 2);
            double m = Arrays.stream(train).average().orElseThrow();
            assertEquals(Double.doubleToLongBits(mean[c]), Double.doubleToLongBits(m), "mean " + c);
            for (int i = 0; i < days.length; i++) {
                float expected = z[i * 4 + c];
                float got = (float) ((f.get(days[i] + 1, c) - mean[c]) / sd[c]);
                assertEquals(
                        Float.floatToIntBits(expected),
                        Float.floatToIntBits(got),
                        "day " + days[i] + " feature " + VolatilityWindows.NAMES[c]);
            }
        }
    }
}
