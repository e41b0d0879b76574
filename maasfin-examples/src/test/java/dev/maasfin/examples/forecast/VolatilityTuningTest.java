// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.core.tune.Configuration;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tuning run on the real S&amp;P 500 at a tiny budget (the default configuration only, one
 * epoch, one final seed) with every origin the search reads recorded: none may be in, or have a
 * target reaching into, the protocol's test part; the best configuration is in the saved artifact.
 */
class VolatilityTuningTest {
    private static final Set<Integer> read = ConcurrentHashMap.newKeySet();
    private static Path out;
    private static Map<String, Object> figures;
    private static VolatilityTask protocol;

    @BeforeAll
    static void runTinyTuning() throws Exception {
        Path csv = DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv");
        BarSeries bars = BarCsvLoader.defaults().load(csv);
        protocol = VolatilityTask.protocol(bars);
        out = Path.of("target", "tune-isolation-" + UUID.randomUUID()).toAbsolutePath();
        VolatilityTuning.Settings s =
                new VolatilityTuning.Settings(
                        csv,
                        1,
                        null,
                        1,
                        3,
                        1,
                        1,
                        List.of(8),
                        List.of(256),
                        1,
                        42,
                        out,
                        out.resolve("registry"));
        figures =
                new VolatilityTuning(s, new PrintWriter(new StringWriter()))
                        .optOriginRecorder(read::add)
                        .run();
    }

    @Test
    void search_readsNoOriginWhoseTargetReachesTheTestPart() {
        // Protocol: the first test origin is the first kept origin whose return is dated
        // 2018-01-01 or later; origin k's target uses r_{k+1..k+5}, its window r_{..k}. So every
        // origin the search reads must satisfy k + 5 < first test origin.
        int[] testPositions = protocol.positionsOf(VolatilityTask.Part.TEST);
        int firstTest = protocol.origins()[testPositions[0]];
        assertFalse(read.isEmpty());
        for (int k : read) {
            assertTrue(
                    k + VolatilityTask.HORIZON < firstTest,
                    "origin " + k + " reaches the test part starting at " + firstTest);
        }
        // Not vacuous: fold B is scored up to the end of 2017, right before the test part.
        int last = read.stream().mapToInt(Integer::intValue).max().orElseThrow();
        LocalDate lastDate = protocol.returnDates()[last];
        assertEquals(2017, lastDate.getYear(), "last origin read " + lastDate);
    }

    @Test
    void search_evaluatesTheDefaultConfigurationAsTrialZero() {
        // The forecast command's defaults (ForecastCommand option defaults): lr 3e-4, hidden
        // 64, 1 layer, dropout 0, batch 64 — outside this test's choices (hidden 8, batch 256).
        Configuration expected =
                Configuration.fromJson(
                        "{\"lr\":3.0E-4,\"hidden\":64,\"layers\":1,\"dropout\":0.0,\"batch\":64}");
        assertEquals(expected.asMap(), figures.get("default.configuration"));
        assertEquals(0, figures.get("best.trial"));
    }

    @Test
    void savedArtifact_holdsTheBestConfigurationAndTheSummary() throws Exception {
        try (NeuralModel m = ModelArtifacts.load(out.resolve("best").resolve("artifact"))) {
            JsonNode best = new ObjectMapper().readTree((String) m.state().get("tuning.best"));
            Configuration saved = Configuration.fromJson(best.get("configuration").toString());
            assertEquals(figures.get("best.configuration"), saved.asMap());
            JsonNode summary =
                    new ObjectMapper().readTree((String) m.state().get("tuning.summary"));
            assertEquals(1, summary.get("trials").asInt());
            assertTrue(summary.get("defaultMeanQlike").asDouble() > 0);
        }
    }

    @Test
    void report_statesTestFiguresOfTheTunedAndTheDefaultConfiguration() {
        for (String who : List.of("tuned", "default")) {
            for (String metric : List.of("rmse", "qlike")) {
                Object v = figures.get("test." + who + "." + metric);
                assertTrue(
                        v instanceof Double d && d > 0 && Double.isFinite(d),
                        who + " " + metric + " = " + v);
            }
        }
    }
}
