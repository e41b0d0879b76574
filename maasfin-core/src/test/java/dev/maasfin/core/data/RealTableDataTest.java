// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads every real tabular file through {@link DataDirectory}; expected figures are quoted from
 * each data set's README (or derived from the evaluation README's split rule, arithmetic shown).
 */
class RealTableDataTest {
    private static final Path DATA = DataDirectory.resolve();

    private static Table load(String file, TableCsvLoader loader) throws IOException {
        return loader.load(DataDirectory.require(DATA, file));
    }

    private static int count(double[] values, double target) {
        int n = 0;
        for (double v : values) {
            if (v == target) {
                n++;
            }
        }
        return n;
    }

    private static int count(String[] values, String target) {
        int n = 0;
        for (String v : values) {
            if (target.equals(v)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void creditcardFraud_loads1722NumericRowsWith492Frauds() throws IOException {
        Table t =
                load(
                        "creditcard-fraud/creditcard_subset.csv",
                        TableCsvLoader.builder().optRequired("Time", "Amount", "Class").build());

        // README: "1,722 rows", columns "Time,V1,...,V28,Amount,Class", "All 492 fraud
        // transactions", Time 36 to 172,679 s, Amount 0.00 to 3,168.80, no missing values.
        assertEquals(1722, t.rows());
        assertEquals(31, t.columnCount());
        assertEquals(31, t.numericColumnNames().size());
        assertEquals("Time", t.columnNames().get(0));
        assertEquals("Class", t.columnNames().get(30));
        assertEquals(492, count(t.numeric("Class"), 1.0));
        double[] time = t.numeric("Time");
        assertEquals(36.0, java.util.Arrays.stream(time).min().getAsDouble());
        assertEquals(172_679.0, java.util.Arrays.stream(time).max().getAsDouble());
        assertEquals(3168.8, java.util.Arrays.stream(t.numeric("Amount")).max().getAsDouble());
        Frame f = t.toFrame("V1", "Amount");
        assertEquals(List.of("V1", "Amount"), f.columnNames());
        assertEquals(1722, f.rows());
    }

    @Test
    void germanCredit_infersThirteenCategoricalColumnsAnd700Good() throws IOException {
        Table t = load("german-credit/german_credit.csv", TableCsvLoader.defaults());

        // README: "1,000 rows x 21 fields"; 13 categorical columns (A11-style codes), 7 integer
        // columns and the label `class`: "1 = good (700 rows), 2 = bad (300 rows)".
        assertEquals(1000, t.rows());
        assertEquals(21, t.columnCount());
        assertEquals(13, t.categoricalColumnNames().size());
        assertEquals(8, t.numericColumnNames().size());
        assertEquals("A11", t.categorical("checking_status")[0]);
        assertEquals(List.of("A11", "A12", "A13", "A14"), t.levels("checking_status"));
        assertEquals(700, count(t.numeric("class"), 1.0));
        assertEquals(300, count(t.numeric("class"), 2.0));
        assertEquals(
                List.of(
                        "duration_months",
                        "credit_amount",
                        "installment_rate_pct",
                        "residence_since",
                        "age_years",
                        "existing_credits",
                        "people_liable",
                        "class"),
                t.numericColumnNames());
    }

    @Test
    void germanNumeric_loads1000RowsOf25NumericColumns() throws IOException {
        Table t =
                load(
                        "german-credit/german_numeric.csv",
                        TableCsvLoader.builder().optInferTypes(false).build());

        // README: header "a1,...,a24,class", 1,000 rows; the class split is 700 / 300.
        assertEquals(1000, t.rows());
        assertEquals(25, t.numericColumnNames().size());
        assertEquals(700, count(t.numeric("class"), 1.0));
    }

    @Test
    void taiwanCreditDefault_loads30000RowsWith6636Defaults() throws IOException {
        Table t =
                load(
                        "taiwan-credit-default/UCI_Credit_Card.csv",
                        TableCsvLoader.builder()
                                .optRequired("ID", "default.payment.next.month")
                                .optCategorical("SEX", "EDUCATION", "MARRIAGE")
                                .build());

        // README: "30,000 data rows x 25 columns"; "1 = default in October 2005 (6,636 rows)";
        // ID runs 1..30000.
        assertEquals(30_000, t.rows());
        assertEquals(25, t.columnCount());
        assertEquals(22, t.numericColumnNames().size());
        assertEquals(6636, count(t.numeric("default.payment.next.month"), 1.0));
        assertEquals(1.0, t.numeric("ID")[0]);
        assertEquals(30_000.0, t.numeric("ID")[29_999]);
        assertEquals(List.of("1", "2"), t.levels("SEX"));
    }

    @Test
    void evaluationFraudSplit_hasOneRowPerFraudRow() throws IOException {
        Table t = load("evaluation/fraud_split.csv", TableCsvLoader.defaults());

        // README: every one of the 1,722 fraud rows gets a part; 60/20/20 per class:
        // class 0: floor(1230*0.6)=738 train, floor(1230*0.2)=246 validation, 246 test;
        // class 1: floor(492*0.6)=295 train, floor(492*0.2)=98 validation, 99 test
        // ("the fraud test part has 99 frauds", "n_neg = 246").
        assertEquals(1722, t.rows());
        assertFalse(t.isNumeric("part"));
        String[] part = t.categorical("part");
        assertEquals(738 + 295, count(part, "train"));
        assertEquals(246 + 98, count(part, "validation"));
        assertEquals(246 + 99, count(part, "test"));
    }

    @Test
    void evaluationGermanTestIndices_has300Rows() throws IOException {
        Table t = load("evaluation/german_test_indices.csv", TableCsvLoader.defaults());

        // 70/30 per class: good 700 - floor(700*0.7)=210, bad 300 - floor(300*0.7)=90; 300 rows.
        assertEquals(300, t.rows());
        assertEquals(90, count(t.numeric("bad"), 1.0));
    }

    @Test
    void evaluationTaiwanTestIndices_has6001Rows() throws IOException {
        Table t = load("evaluation/taiwan_test_indices.csv", TableCsvLoader.defaults());

        // 80/20 per class: 23,364 - floor(23,364*0.8)=23,364-18,691=4,673 non-defaults and
        // 6,636 - floor(6,636*0.8)=6,636-5,308=1,328 defaults; 6,001 rows.
        assertEquals(6001, t.rows());
        assertEquals(1328, count(t.numeric("default"), 1.0));
    }

    @Test
    void evaluationVolReferenceSeries_has1050TestOrigins() throws IOException {
        Table t = load("evaluation/vol_reference_series.csv", TableCsvLoader.defaults());

        // README: "Test: 1,050 origins, 2018-01-02 to 2022-03-03"; dates stay text here.
        String[] date = t.categorical("origin_date");
        String[] part = t.categorical("part");
        assertEquals(1050, count(part, "test"));
        assertEquals("2022-03-03", date[date.length - 1]);
        assertTrue(t.isNumeric("garch11"));
    }

    @Test
    void indicatorOracleSma_readsEmptyWarmUpFieldsAsNaN() throws IOException {
        Table t = load("indicator-oracle/sma.standard.csv", TableCsvLoader.defaults());

        // README: every oracle CSV has 502 rows; sma(20) "first value" at row 19; "empty field =
        // no value yet (warm-up)".
        assertEquals(502, t.rows());
        double[] sma = t.numeric("sma");
        for (int i = 0; i < 19; i++) {
            assertTrue(Double.isNaN(sma[i]), "row " + i + " is warm-up");
        }
        assertFalse(Double.isNaN(sma[19]));
        assertFalse(t.isNumeric("timestamp"));
    }
}
