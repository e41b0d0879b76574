// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TuningResultFilesTest {
    private static final Path DIR = Path.of("target", "tune-files-test");
    private static TuningResult result;

    @BeforeAll
    static void search() throws Exception {
        Files.createDirectories(DIR);
        result =
                Tuner.builder()
                        .setSearchSpace(TuneFixtures.learningRateSpace())
                        .setObjective(
                                f -> {
                                    if (f.configuration().getInt("units") > 45) {
                                        throw new IllegalArgumentException("too wide, \"quoted\"");
                                    }
                                    return TuneFixtures.syntheticLoss(
                                                    new TuneFixtures.RecordingData(300))
                                            .evaluate(f);
                                })
                        .setFolds(TuneFixtures.threeFolds())
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(9)
                        .setSeed(3)
                        .optStrategy(Strategy.successiveHalving(3, 1, 9))
                        .optListener(TrialListener.none())
                        .build()
                        .search();
    }

    @Test
    void csv_hasOneHeaderAndOneRecordPerRow_withValuesOfTheRecords() throws Exception {
        Path file = DIR.resolve("trials.csv");
        result.writeCsv(file);
        List<CSVRecord> records;
        try (CSVParser p =
                CSVParser.parse(
                        file,
                        StandardCharsets.UTF_8,
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(
                    List.of(
                            "trial",
                            "rung",
                            "resource",
                            "status",
                            "promoted",
                            "seed",
                            "lr",
                            "units",
                            "optimiser",
                            "fold_0",
                            "fold_1",
                            "fold_2",
                            "mean",
                            "sd",
                            "wall_millis",
                            "error"),
                    p.getHeaderNames());
            records = p.getRecords();
        }
        // 9 -> 3 -> 1 rows with eta 3 and resources 1, 3, 9.
        assertEquals(13, records.size());
        // Guard against a vacuous pass: seed 3 samples units above 45 at least once.
        assertTrue(result.completedCount() < 13, "no failed row to check quoting");
        for (int i = 0; i < records.size(); i++) {
            CSVRecord rec = records.get(i);
            TrialRecord row = result.rows().get(i);
            assertEquals(row.trialId(), Integer.parseInt(rec.get("trial")));
            assertEquals(row.configuration().getDouble("lr"), Double.parseDouble(rec.get("lr")));
            assertEquals(row.status().name(), rec.get("status"));
            assertEquals(row.error(), rec.get("error"));
            if (row.status() == TrialStatus.FAILED) {
                assertEquals(
                        "fold 0: IllegalArgumentException: too wide, \"quoted\"", rec.get("error"));
            }
            if (row.status() == TrialStatus.COMPLETED) {
                assertEquals(row.mean(), Double.parseDouble(rec.get("mean")));
            } else {
                assertEquals("", rec.get("mean"));
            }
        }
    }

    @Test
    void json_holdsSettingsBestAndEveryRow() throws Exception {
        Path file = DIR.resolve("trials.json");
        result.writeJson(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("MINIMISE", root.get("direction").asText());
        assertEquals(3, root.get("seed").asLong());
        assertEquals(13, root.get("trials").size());
        assertEquals(result.totalResource(), root.get("totalResource").asLong());
        TrialRecord best = result.best().orElseThrow();
        assertEquals(best.trialId(), root.get("best").get("trial").asInt());
        assertEquals(
                result.bestConfiguration(),
                Configuration.fromJson(root.get("best").get("configuration").toString()));
    }

    @Test
    void bestJson_configurationReadsBackForPipelineMetadata() throws Exception {
        JsonNode best = new ObjectMapper().readTree(result.bestJson());
        assertEquals(
                result.bestConfiguration(),
                Configuration.fromJson(best.get("configuration").toString()));
        assertEquals(9, best.get("resource").asInt());
        assertEquals(3, best.get("folds").asInt());
    }

    @Test
    void writes_leaveNoTemporaryFiles_andReplaceExistingFile() throws Exception {
        Path file = DIR.resolve("replace.csv");
        Files.writeString(file, "old");
        result.writeCsv(file);
        result.writeCsv(file);
        assertTrue(Files.readString(file).startsWith("trial,rung,resource"));
        try (Stream<Path> files = Files.list(DIR)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }
}
