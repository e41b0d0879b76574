// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import dev.maasfin.api.split.Split;
import dev.maasfin.core.eval.EvalFixtures;
import dev.maasfin.core.eval.StratifiedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the protocol's inputs (evaluation README, "Features per task") for baseline tests. */
final class ProtocolData {
    static final String[] GERMAN_NUMERIC = {
        "duration_months",
        "credit_amount",
        "installment_rate_pct",
        "residence_since",
        "age_years",
        "existing_credits",
        "people_liable"
    };

    /** Inputs and labels of one task's train and test parts. */
    record Task(double[][] trainX, int[] trainY, double[][] testX, int[] testY) {}

    private ProtocolData() {}

    /** German credit: 70/30, 7 numeric z-scored + 13 one-hot categoricals, bad = class 2. */
    static Task german() {
        Map<String, List<String>> cols = EvalFixtures.columns("german-credit/german_credit.csv");
        int[] y = cols.get("class").stream().mapToInt(c -> c.equals("2") ? 1 : 0).toArray();
        Split s = StratifiedSplit.split(y, 70, 0, StratifiedSplit.PROTOCOL_SEED);
        List<double[]> blocks = new ArrayList<>();
        for (String name : GERMAN_NUMERIC) {
            blocks.addAll(zScored(EvalFixtures.doubles(cols, name), s.train()));
        }
        List<String> categorical = new ArrayList<>(cols.keySet());
        categorical.removeAll(Arrays.asList(GERMAN_NUMERIC));
        categorical.remove("class");
        categorical.sort(null);
        for (String name : categorical) {
            blocks.addAll(oneHot(cols.get(name), s.train()));
        }
        double[][] x = rows(blocks, y.length);
        return new Task(
                pick(x, s.train()), pick(y, s.train()), pick(x, s.test()), pick(y, s.test()));
    }

    /** Fraud: 60/20/20; 30 features z-scored with training genuine rows' mean and pop sd. */
    static Task fraudGenuineTrainVersusTest() {
        Map<String, List<String>> cols =
                EvalFixtures.columns("creditcard-fraud/creditcard_subset.csv");
        int[] y = cols.get("Class").stream().mapToInt(Integer::parseInt).toArray();
        Split s = StratifiedSplit.split(y, 60, 20, StratifiedSplit.PROTOCOL_SEED);
        int[] genuineTrain = Arrays.stream(s.train()).filter(i -> y[i] == 0).toArray();
        List<double[]> blocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("Time");
        for (int v = 1; v <= 28; v++) {
            names.add("V" + v);
        }
        names.add("Amount");
        for (String name : names) {
            blocks.addAll(zScored(EvalFixtures.doubles(cols, name), genuineTrain));
        }
        double[][] x = rows(blocks, y.length);
        return new Task(
                pick(x, genuineTrain), pick(y, genuineTrain), pick(x, s.test()), pick(y, s.test()));
    }

    private static List<double[]> zScored(double[] v, int[] fitRows) {
        double mean = Arrays.stream(fitRows).mapToDouble(i -> v[i]).average().orElseThrow();
        double var =
                Arrays.stream(fitRows).mapToDouble(i -> (v[i] - mean) * (v[i] - mean)).sum()
                        / fitRows.length;
        double sd = Math.sqrt(var);
        return List.of(Arrays.stream(v).map(a -> (a - mean) / sd).toArray());
    }

    private static List<double[]> oneHot(List<String> v, int[] fitRows) {
        TreeSet<String> levels = new TreeSet<>();
        for (int i : fitRows) {
            levels.add(v.get(i));
        }
        List<double[]> out = new ArrayList<>();
        for (String level : levels) {
            out.add(v.stream().mapToDouble(a -> a.equals(level) ? 1 : 0).toArray());
        }
        return out;
    }

    private static double[][] rows(List<double[]> columns, int n) {
        double[][] x = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < n; i++) {
                x[i][j] = columns.get(j)[i];
            }
        }
        return x;
    }

    private static double[][] pick(double[][] x, int[] rows) {
        return Arrays.stream(rows).mapToObj(i -> x[i]).toArray(double[][]::new);
    }

    private static int[] pick(int[] y, int[] rows) {
        return Arrays.stream(rows).map(i -> y[i]).toArray();
    }
}
