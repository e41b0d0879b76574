// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

import dev.maasfin.api.split.Split;
import dev.maasfin.core.data.DataFormatException;
import dev.maasfin.core.data.Table;
import dev.maasfin.core.data.TableCsvLoader;
import dev.maasfin.core.eval.StratifiedSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A credit data set encoded by the protocol: numeric columns z-scored with the training part's mean
 * and population sd, categorical columns one-hot over the levels seen in training (sorted as
 * strings; an unseen level is all zeros), label 1 = bad / default, and the seeded stratified
 * train/test split. Encoded columns keep a link to their source column so reason codes can be
 * grouped and named.
 *
 * <p>Immutable after loading; thread-safe.
 */
final class CreditData {

    /** The two data sets and how the protocol reads them. */
    enum Dataset {
        GERMAN("german", "german-credit/german_credit.csv", "class", "1", "2", 70, List.of()),
        TAIWAN(
                "taiwan",
                "taiwan-credit-default/UCI_Credit_Card.csv",
                "default.payment.next.month",
                "0",
                "1",
                80,
                List.of("ID"));

        final String key;
        final String file;
        final String label;
        final String goodValue;
        final String badValue;
        final int trainPercent;
        final List<String> dropped;

        Dataset(
                String key,
                String file,
                String label,
                String goodValue,
                String badValue,
                int trainPercent,
                List<String> dropped) {
            this.key = key;
            this.file = file;
            this.label = label;
            this.goodValue = goodValue;
            this.badValue = badValue;
            this.trainPercent = trainPercent;
            this.dropped = dropped;
        }

        /**
         * The protocol's column types, declared rather than inferred (so a stray {@code inf} in a
         * numeric column fails instead of turning it categorical); every other column, the label
         * included, must be numeric, and nothing counts as missing (an empty field fails).
         */
        TableCsvLoader loader() {
            TableCsvLoader.Builder b =
                    TableCsvLoader.builder().optInferTypes(false).optMissingTokens();
            if (this == TAIWAN) {
                return b.optCategorical("SEX", "EDUCATION", "MARRIAGE").build();
            }
            return b.optCategorical(
                            "checking_status",
                            "credit_history",
                            "purpose",
                            "savings",
                            "employment_since",
                            "personal_status_sex",
                            "other_debtors",
                            "property",
                            "other_installment_plans",
                            "housing",
                            "job",
                            "telephone",
                            "foreign_worker")
                    .build();
        }
    }

    final Dataset dataset;
    final int[] labels;
    final Split split;

    /** Source columns in table order. */
    final List<String> columns;

    /** Encoded input names, e.g. {@code checking_status=A11} or {@code duration_months}. */
    final List<String> inputs;

    /** Source column index of each encoded input. */
    final int[] columnOf;

    /** Training levels of each categorical column (empty list for numeric ones). */
    final List<List<String>> levels;

    /** Encoded rows, all data rows in file order. */
    final double[][] x;

    /** Mean of each encoded input over the training rows (0 for z-scored numerics). */
    final double[] trainMean;

    final Map<String, double[]> numericScaling;
    private final Table table;

    private CreditData(Dataset dataset, Table table, int[] labels) {
        this.dataset = dataset;
        this.table = table;
        this.labels = labels;
        this.split =
                StratifiedSplit.split(
                        labels, dataset.trainPercent, 0, StratifiedSplit.PROTOCOL_SEED);
        this.columns = new ArrayList<>(table.columnNames());
        columns.remove(dataset.label);
        columns.removeAll(dataset.dropped);
        this.levels = new ArrayList<>();
        this.inputs = new ArrayList<>();
        this.numericScaling = new LinkedHashMap<>();
        List<Integer> owner = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            addInputs(c, owner);
        }
        this.columnOf = owner.stream().mapToInt(Integer::intValue).toArray();
        this.x = encode(true);
        this.trainMean = meanOfTrainingRows();
    }

    /**
     * Loads and encodes a data set. Numeric columns must hold finite numbers and categorical
     * columns non-empty text in every row; the label must be the data set's good or bad value.
     * Errors found after loading (empty categorical field, bad label) name the file line as data
     * row + 2, which assumes the file has no blank lines (the loader skips them).
     *
     * @throws IllegalArgumentException if the label column is missing, a value is missing or not a
     *     finite number, or a label is not one of the two allowed values
     */
    static CreditData load(Dataset dataset, Path csv) throws IOException {
        Table t = dataset.loader().load(csv);
        for (String c : t.categoricalColumnNames()) {
            checkNoEmpty(csv, c, t.categorical(c));
        }
        if (!t.hasColumn(dataset.label)) {
            throw new IllegalArgumentException(csv + ": no label column '" + dataset.label + "'");
        }
        for (String c : dataset.dropped) {
            if (!t.hasColumn(c)) {
                throw new IllegalArgumentException(csv + ": no column '" + c + "'");
            }
        }
        return new CreditData(dataset, t, labels(dataset, t, csv));
    }

    private static void checkNoEmpty(Path csv, String column, String[] values) {
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].isEmpty()) {
                throw new DataFormatException(
                        csv.toString(), r + 2, column, "", "is empty; every field needs a value");
            }
        }
    }

    private static int[] labels(Dataset d, Table t, Path csv) {
        String[] raw = labelText(d, t);
        int[] y = new int[raw.length];
        for (int i = 0; i < y.length; i++) {
            if (!raw[i].equals(d.badValue) && !raw[i].equals(d.goodValue)) {
                throw new DataFormatException(
                        csv.toString(),
                        i + 2,
                        d.label,
                        raw[i],
                        "must be " + d.goodValue + " (good) or " + d.badValue + " (bad)");
            }
            y[i] = raw[i].equals(d.badValue) ? 1 : 0;
        }
        return y;
    }

    private static String[] labelText(Dataset d, Table t) {
        if (!t.isNumeric(d.label)) {
            return t.categorical(d.label);
        }
        double[] v = t.numeric(d.label);
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] == Math.rint(v[i]) ? Long.toString((long) v[i]) : Double.toString(v[i]);
        }
        return s;
    }

    private void addInputs(int c, List<Integer> owner) {
        String name = columns.get(c);
        if (table.isNumeric(name)) {
            levels.add(List.of());
            inputs.add(name);
            owner.add(c);
            numericScaling.put(name, meanSd(table.numeric(name)));
            return;
        }
        String[] values = table.categorical(name);
        java.util.TreeSet<String> seen = new java.util.TreeSet<>();
        for (int r : split.train()) {
            if (values[r] != null) {
                seen.add(values[r]);
            }
        }
        levels.add(List.copyOf(seen));
        for (String level : seen) {
            inputs.add(name + "=" + level);
            owner.add(c);
        }
    }

    /** Mean and population sd over the training rows. */
    private double[] meanSd(double[] v) {
        double m = 0;
        for (int r : split.train()) {
            m += v[r];
        }
        m /= split.train().length;
        double ss = 0;
        for (int r : split.train()) {
            ss += (v[r] - m) * (v[r] - m);
        }
        double sd = Math.sqrt(ss / split.train().length);
        return new double[] {m, sd == 0 ? 1 : sd};
    }

    /**
     * The encoded rows before z-scoring: numeric columns raw, categorical ones one-hot; what the
     * published scoring pipeline takes (it z-scores the numeric inputs itself).
     */
    double[][] unscaled() {
        return encode(false);
    }

    /** The names of the numeric (z-scored) inputs, in input order. */
    List<String> numericInputs() {
        return List.copyOf(numericScaling.keySet());
    }

    /**
     * The one-hot groups of the encoded inputs: per categorical column with at least two training
     * levels, its name and its level inputs ({@code column=level}) in input order. A column with
     * one training level has a single input and no group (the schema's range check alone applies).
     */
    Map<String, List<String>> oneHotGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (levels.get(c).size() >= 2) {
                List<String> members = new ArrayList<>();
                for (String level : levels.get(c)) {
                    members.add(columns.get(c) + "=" + level);
                }
                groups.put(columns.get(c), members);
            }
        }
        return groups;
    }

    private double[][] encode(boolean scale) {
        double[][] out = new double[table.rows()][inputs.size()];
        int j = 0;
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (table.isNumeric(name)) {
                double[] v = table.numeric(name);
                double[] ms = numericScaling.get(name);
                for (int r = 0; r < v.length; r++) {
                    out[r][j] = scale ? (v[r] - ms[0]) / ms[1] : v[r];
                }
                j++;
            } else {
                String[] v = table.categorical(name);
                List<String> lv = levels.get(c);
                for (int r = 0; r < v.length; r++) {
                    int k = lv.indexOf(v[r]);
                    if (k >= 0) {
                        out[r][j + k] = 1;
                    }
                }
                j += lv.size();
            }
        }
        return out;
    }

    private double[] meanOfTrainingRows() {
        double[] m = new double[inputs.size()];
        for (int r : split.train()) {
            for (int j = 0; j < m.length; j++) {
                m[j] += x[r][j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= split.train().length;
        }
        return m;
    }

    boolean isCategorical(int column) {
        return !levels.get(column).isEmpty();
    }

    /** The level of a categorical column in data row {@code row}. */
    String levelOf(int column, int row) {
        return table.categorical(columns.get(column))[row];
    }
}
