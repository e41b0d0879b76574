// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

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

/** The credit demo on reduced sizes (one seed, few epochs) and its one-line errors. */
class CreditCommandTest {
    private static final Path RUNS = Path.of("target", "test-runs", "credit");

    /** A reason name: a category level in words, or a numeric column and its side of the mean. */
    private static final String READABLE =
            "[A-Za-z_0-9]+ = \\w+ \\(.+\\)|[A-Za-z_0-9]+ \\(.+\\) (above|below) average";

    @Test
    void credit_german_reproducesLogisticRegressionAndGivesReadableReasonCodes() throws Exception {
        Path out = RUNS.resolve("german");
        CliRun r =
                CliRun.of(
                        "credit",
                        "--dataset",
                        "german",
                        "--epochs",
                        "30",
                        "--applicants",
                        "2",
                        "--out",
                        out.toString(),
                        "--registry",
                        RUNS.resolve("registry").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode f = CliRun.figures(out);
        // Evaluation protocol README: German logistic regression ROC-AUC 0.802, KS 0.505, Brier
        // 0.158 on the 30 % test part.
        assertEquals(0.802, f.get("german.logisticRegression.rocAuc").asDouble(), 0.0005);
        assertEquals(0.505, f.get("german.logisticRegression.ks").asDouble(), 0.0005);
        assertEquals(0.158, f.get("german.logisticRegression.brier").asDouble(), 0.0005);
        for (String metric : List.of("rocAuc", "ks", "brier", "prAuc")) {
            double v = f.get("german.mlp." + metric).asDouble();
            assertTrue(v >= 0 && v <= 1, metric + " = " + v);
        }
        // A short run is not the acceptance figure, but it must be well above chance.
        assertTrue(f.get("german.mlp.rocAuc").asDouble() > 0.7, f.toString());
        for (String model : List.of("mlpReasons", "lrReasons")) {
            JsonNode reasons = f.get("german.applicant1." + model);
            assertTrue(reasons.size() >= 1 && reasons.size() <= 3, reasons.toString());
            for (JsonNode reason : reasons) {
                assertTrue(reason.asText().matches(READABLE), reason.asText());
            }
        }
        assertTrue(f.get("german.registry.bitIdentical").asBoolean());
        assertTrue(r.out().contains("german applicant 2: P(bad)"), r.out());
        // No raw rows: the first data row of german_credit.csv must not appear.
        assertFalse(r.out().contains("A11,6,A34"), r.out());
        for (String png : List.of("german-roc.png", "german-pr.png", "german-loss.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
    }

    @Test
    void credit_taiwan_reproducesLogisticRegressionAndNamesRepaymentMonths() throws Exception {
        Path out = RUNS.resolve("taiwan");
        CliRun r =
                CliRun.of(
                        "credit",
                        "--dataset",
                        "taiwan",
                        "--epochs",
                        "3",
                        "--applicants",
                        "1",
                        "--out",
                        out.toString(),
                        "--registry",
                        RUNS.resolve("registry").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode f = CliRun.figures(out);
        // Evaluation protocol README: Taiwan logistic regression ROC-AUC 0.741.
        assertEquals(0.741, f.get("taiwan.logisticRegression.rocAuc").asDouble(), 0.0005);
        assertTrue(f.get("taiwan.mlp.rocAuc").asDouble() > 0.7, f.toString());
        double brier = f.get("taiwan.mlp.brier").asDouble();
        assertTrue(brier > 0 && brier < 0.25, "Brier " + brier);
        assertTrue(r.out().contains("taiwan: 30000 rows, 33 inputs"), r.out());
        JsonNode reasons = f.get("taiwan.applicant1.lrReasons");
        for (JsonNode reason : reasons) {
            assertTrue(reason.asText().matches(READABLE), reason.asText());
        }
    }

    @Test
    void credit_whenDatasetUnknown_printsOneLineListingTheChoices() {
        CliRun r = CliRun.of("credit", "--dataset", "french", "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(
                "maasfin credit: --dataset must be german, taiwan or both but was 'french'",
                r.err().strip());
    }

    @Test
    void credit_whenEpochsNotPositive_printsOneLineWithRule() {
        CliRun r = CliRun.of("credit", "--epochs", "-1", "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals("maasfin credit: --epochs must be >= 1 but was -1", r.err().strip());
    }

    @Test
    void credit_whenDataDirectoryMissing_printsOneLineNamingTheFile(@TempDir Path empty) {
        CliRun r = CliRun.of("credit", "--data", empty.toString(), "--out", RUNS.toString());
        assertEquals(CliRun.userError(), r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("german_credit.csv"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
