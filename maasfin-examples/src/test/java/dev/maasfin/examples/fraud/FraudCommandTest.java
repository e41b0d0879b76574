// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maasfin.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud demo on reduced sizes (one seed, few epochs) and its one-line errors. */
class FraudCommandTest {
    private static final Path RUNS = Path.of("target", "test-runs", "fraud");

    @Test
    void fraud_onReducedRun_writesSaneFiguresReproducesMahalanobisAndRescoresBitIdentically()
            throws Exception {
        Path out = RUNS.resolve("report");
        CliRun r =
                CliRun.of(
                        "fraud",
                        "--epochs",
                        "40",
                        "--out",
                        out.toString(),
                        "--registry",
                        RUNS.resolve("registry").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode f = CliRun.figures(out);
        for (String model :
                List.of(
                        "autoencoder",
                        "mahalanobis",
                        "isolationForest",
                        "logisticRegression",
                        "mlp")) {
            for (String metric : List.of("rocAuc", "prAuc", "recallAt1pctFpr")) {
                double v = f.get(model + "." + metric).asDouble();
                assertTrue(v >= 0 && v <= 1, model + "." + metric + " = " + v);
            }
        }
        // Evaluation protocol README, reference figures: Mahalanobis ROC-AUC 0.973, PR-AUC 0.964
        // on the test part (deterministic, so reproduced to the rounding).
        assertEquals(0.973, f.get("mahalanobis.rocAuc").asDouble(), 0.0005);
        assertEquals(0.964, f.get("mahalanobis.prAuc").asDouble(), 0.0005);
        // Logistic regression (L2, C = 1) reference: ROC-AUC 0.993.
        assertEquals(0.993, f.get("logisticRegression.rocAuc").asDouble(), 0.0005);
        // Issue 8: even a short autoencoder run separates fraud well above chance.
        assertTrue(f.get("autoencoder.rocAuc").asDouble() > 0.9, f.toString());
        assertTrue(f.get("registry.bitIdentical").asBoolean());
        assertEquals(345, f.get("registry.rescoredRows").asInt());
        assertEquals(5, f.get("explanation.topFraud.features").size());
        assertTrue(
                f.get("explanation.topFraud.features")
                        .get(0)
                        .asText()
                        .matches("V\\d+|Time|Amount"));
        for (String png : List.of("roc.png", "pr.png", "loss.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        assertTrue(r.out().contains("autoencoder seed 1: epoch 1 "), r.out());
    }

    @Test
    void fraud_whenDataDirectoryMissing_printsOneLineNamingTheFile(@TempDir Path empty) {
        CliRun r = CliRun.of("fraud", "--data", empty.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("creditcard_subset.csv"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void fraud_whenLabelColumnMissing_printsOneLineNamingFileAndColumn(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve(FraudData.FILE);
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "Time,V1,Amount\n0,1.5,10\n1,-0.5,20\n");
        CliRun r = CliRun.of("fraud", "--data", dir.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(
                "maasfin fraud: " + csv.toAbsolutePath().normalize() + ": no label column 'Class'",
                r.err().strip());
    }

    @Test
    void fraud_whenEpochsNotPositive_printsOneLineWithRule() {
        CliRun r = CliRun.of("fraud", "--epochs", "0", "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals("maasfin fraud: --epochs must be >= 1 but was 0", r.err().strip());
    }
}
