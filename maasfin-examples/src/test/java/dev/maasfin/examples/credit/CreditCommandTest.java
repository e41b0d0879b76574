// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.examples.BadCopy;
import dev.maasfin.examples.CliRun;
import dev.maasfin.examples.eval.RegistryRoundTrip;
import dev.maasfin.examples.eval.Standardiser;
import dev.maasfin.examples.eval.TabularPipelines;
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
        servedPipelineScoresAsTheDemo(f);
        assertTrue(r.out().contains("german applicant 2: P(bad)"), r.out());
        // No raw rows: the first data row of german_credit.csv must not appear.
        assertFalse(r.out().contains("A11,6,A34"), r.out());
        for (String png : List.of("german-roc.png", "german-pr.png", "german-loss.png")) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
    }

    /**
     * The training/serving skew check: the German pipeline the demo published and promoted,
     * reloaded from the registry and given the test rows before scaling (numeric columns raw,
     * categoricals one-hot), gives P(bad) bit for bit as the demo's in-memory path ({@link
     * CreditData}'s z-scored rows through the network, one batch of 300 rows).
     */
    private static void servedPipelineScoresAsTheDemo(JsonNode f) throws Exception {
        CreditData d =
                CreditData.load(
                        CreditData.Dataset.GERMAN,
                        DataDirectory.require(
                                DataDirectory.resolve(), CreditData.Dataset.GERMAN.file));
        FileSystemModelRegistry registry =
                FileSystemModelRegistry.builder().setRoot(RUNS.resolve("registry")).build();
        String name = "credit-german-mlp";
        int version = registry.current(name, RegistryRoundTrip.STAGE).orElseThrow();
        assertEquals(f.get("german.registry.version").asInt(), version);
        double[][] raw = Standardiser.select(d.unscaled(), d.split.test());
        try (Pipeline p = Pipeline.fromRegistry(registry, name, version)) {
            assertEquals(d.inputs, p.schema().columnNames());
            assertTrue(p.schema().columns().stream().allMatch(ColumnSpec::personal));
            // data README: class 1 = good, 2 = bad; the demo's output 1 is P(bad), as checked below
            assertEquals("0=good,1=bad", p.metadata().hyperParameters().get("classes"));
            double[] inMemory =
                    CreditCommand.probabilities(
                            p.model(), Standardiser.select(d.x, d.split.test()));
            BatchPrediction served = p.scoreBatch(TabularPipelines.windows(raw));
            assertEquals(300, served.rows());
            for (int i = 0; i < served.rows(); i++) {
                assertEquals(
                        Float.floatToRawIntBits((float) inMemory[i]),
                        Float.floatToRawIntBits(served.value(i, 1)),
                        "test row " + i);
            }
            refusesABrokenOneHotGroup(p, d, raw[0]);
            refusesAmountsAndAgesOutsideTheTrainingRange(p, d, raw[0]);
        }
    }

    /**
     * The published German schema declares one one-hot group per categorical column (13 in the
     * protocol's column types) and refuses a row with two levels of one set, or a level of 0.5,
     * naming the group but, every column being personal, no value or level. Expected text: the rule
     * and message pattern documented on InputSchema.
     */
    private static void refusesABrokenOneHotGroup(Pipeline p, CreditData d, double[] testRow) {
        List<InputSchema.OneHotGroup> groups = p.schema().oneHotGroups();
        assertEquals(13, groups.size(), groups.toString());
        // German credit codebook: checking_status has levels A11, A12, A13, A14
        assertEquals(
                new InputSchema.OneHotGroup(
                        "checking_status",
                        List.of(
                                "checking_status=A11",
                                "checking_status=A12",
                                "checking_status=A13",
                                "checking_status=A14")),
                groups.get(0));
        double[] two = testRow.clone();
        for (String level : groups.get(0).columns()) {
            two[d.inputs.indexOf(level)] = 0;
        }
        double[] half = two.clone();
        two[d.inputs.indexOf("checking_status=A11")] = 1;
        two[d.inputs.indexOf("checking_status=A12")] = 1;
        half[d.inputs.indexOf("checking_status=A13")] = 0.5;
        String twoSet =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> p.scoreBatch(TabularPipelines.windows(new double[][] {two})))
                        .getMessage();
        assertEquals(
                "window 0: row 0: one-hot group 'checking_status' must have exactly one member"
                        + " equal to 1 and the rest 0 but had 2 members at 1 (values withheld:"
                        + " personal column)",
                twoSet);
        String halfSet =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> p.scoreBatch(TabularPipelines.windows(new double[][] {half})))
                        .getMessage();
        assertEquals(
                "window 0: row 0: one-hot group 'checking_status' must have exactly one member"
                        + " equal to 1 and the rest 0 but had 0 members at 1 and 1 member neither 0"
                        + " nor 1 (values withheld: personal column)",
                halfSet);
        assertFalse(halfSet.contains("A13") || halfSet.contains("0.5"), halfSet);
    }

    /**
     * The scaled columns accept the training range widened by its width (never below 0 for a column
     * never negative in training): German credit amounts are 250..18,424 DM and ages 19..75 in the
     * whole data set (data README), so 1e37 DM and an age of -5 lie outside whatever the training
     * part holds; the message names the column, never the value (personal).
     */
    private static void refusesAmountsAndAgesOutsideTheTrainingRange(
            Pipeline p, CreditData d, double[] testRow) {
        double[] amount = testRow.clone();
        amount[d.inputs.indexOf("credit_amount")] = 1e37;
        String a =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        p.scoreBatch(
                                                TabularPipelines.windows(new double[][] {amount})))
                        .getMessage();
        assertTrue(
                a.startsWith(
                        "window 0: column 'credit_amount' row 0: value <withheld: personal column>"
                                + " must lie in [0.0, "),
                a);
        double[] age = testRow.clone();
        age[d.inputs.indexOf("age_years")] = -5;
        String g =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> p.scoreBatch(TabularPipelines.windows(new double[][] {age})))
                        .getMessage();
        assertTrue(
                g.startsWith(
                        "window 0: column 'age_years' row 0: value <withheld: personal column>"
                                + " must lie in [0.0, "),
                g);
        assertFalse(a.contains("1.0E37") || g.contains("-5"), a + g);
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

    /**
     * Runs credit on a copy of one data set's file with field {@code column} (0-based) of file line
     * {@code line} replaced, returning stderr with the copy's path replaced by FILE.
     */
    private static String errorWith(
            CreditData.Dataset set, String name, int line, int column, String value)
            throws Exception {
        Path dir = RUNS.resolve("bad").resolve(name);
        Path csv = BadCopy.write(dir, set.file, line, column, value);
        CliRun r =
                CliRun.of(
                        "credit",
                        "--dataset",
                        set.key,
                        "--data",
                        dir.toString(),
                        "--out",
                        RUNS.resolve("bad-out").toString());
        assertEquals(CliRun.userError(), r.status(), r.out());
        return r.err().strip().replace(csv.toString(), "FILE");
    }

    @Test
    void credit_german_whenCreditAmountIsInf_failsNamingFileLineColumnAndValue() throws Exception {
        // Field 4 of the German header is credit_amount; line 2 holds 1169 in the real file.
        assertEquals(
                "maasfin credit: FILE: line 2, column 'credit_amount', value 'inf' is not a number"
                        + " (the column is numeric)",
                errorWith(CreditData.Dataset.GERMAN, "german-inf", 2, 4, "inf"));
    }

    @Test
    void credit_german_whenPurposeIsEmpty_failsNamingFileLineAndColumn() throws Exception {
        // Field 3 is purpose, a categorical column: empty is an error, not a new level.
        assertEquals(
                "maasfin credit: FILE: line 6, column 'purpose', value '' is empty; every field"
                        + " needs a value",
                errorWith(CreditData.Dataset.GERMAN, "german-empty", 6, 3, ""));
    }

    @Test
    void credit_german_whenAgeIsNaN_failsNamingFileLineAndColumn() throws Exception {
        // Field 12 is age_years.
        assertEquals(
                "maasfin credit: FILE: line 9, column 'age_years', value 'NaN' is not finite (NaN"
                        + " and infinity are not allowed)",
                errorWith(CreditData.Dataset.GERMAN, "german-nan", 9, 12, "NaN"));
    }

    @Test
    void credit_german_whenClassIsThree_failsListingTheAllowedLabels() throws Exception {
        // Field 20 is class; the README allows 1 (good) and 2 (bad).
        assertEquals(
                "maasfin credit: FILE: line 4, column 'class', value '3' must be 1 (good) or 2"
                        + " (bad)",
                errorWith(CreditData.Dataset.GERMAN, "german-class3", 4, 20, "3"));
    }

    @Test
    void credit_german_whenClassIsEmpty_failsNamingFileLineAndColumn() throws Exception {
        assertEquals(
                "maasfin credit: FILE: line 5, column 'class', value '' is not a number (the"
                        + " column is numeric)",
                errorWith(CreditData.Dataset.GERMAN, "german-class-empty", 5, 20, ""));
    }

    @Test
    void credit_taiwan_whenLimitIsInf_failsNamingFileLineColumnAndValue() throws Exception {
        // Field 1 is LIMIT_BAL.
        assertEquals(
                "maasfin credit: FILE: line 3, column 'LIMIT_BAL', value 'Infinity' is not finite"
                        + " (NaN and infinity are not allowed)",
                errorWith(CreditData.Dataset.TAIWAN, "taiwan-inf", 3, 1, "Infinity"));
    }

    @Test
    void credit_taiwan_whenLabelIsTwo_failsListingTheAllowedLabels() throws Exception {
        // Field 24 is default.payment.next.month; the README allows 0 (no default) and 1.
        assertEquals(
                "maasfin credit: FILE: line 7, column 'default.payment.next.month', value '2' must"
                        + " be 0 (good) or 1 (bad)",
                errorWith(CreditData.Dataset.TAIWAN, "taiwan-label2", 7, 24, "2"));
    }

    @Test
    void credit_whenOutCannotBeCreated_failsBeforeTrainingSayingWhy() {
        CliRun r =
                CliRun.of("credit", "--dataset", "german", "--epochs", "1", "--out", "/proc/nope");
        assertEquals(CliRun.userError(), r.status());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(
                err.startsWith("maasfin credit: cannot create output directory /proc/nope: "), err);
        assertFalse(r.out().contains("epoch"), r.out());
    }
}
