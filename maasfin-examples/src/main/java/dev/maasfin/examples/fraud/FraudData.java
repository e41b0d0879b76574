// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.fraud;

import dev.maasfin.api.split.Split;
import dev.maasfin.core.data.Table;
import dev.maasfin.core.data.TableCsvLoader;
import dev.maasfin.core.eval.StratifiedSplit;
import dev.maasfin.examples.eval.Standardiser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The card-fraud table cut by the protocol: features {@code Time, V1..V28, Amount}, label {@code
 * Class} (1 = fraud), and the seeded 60/20/20 stratified split on the label.
 *
 * <p>Immutable after loading; thread-safe.
 */
final class FraudData {
    static final String FILE = "creditcard-fraud/creditcard_subset.csv";
    static final String LABEL = "Class";

    final List<String> features;
    final double[][] x;
    final int[] labels;
    final Split split;

    private FraudData(List<String> features, double[][] x, int[] labels) {
        this.features = List.copyOf(features);
        this.x = x;
        this.labels = labels;
        this.split = StratifiedSplit.split(labels, 60, 20, StratifiedSplit.PROTOCOL_SEED);
    }

    /**
     * Loads the file. Every column must hold a finite number in every row: there are no
     * missing-value tokens, so an empty field, {@code NaN} or {@code inf} fails naming file, line,
     * column and value. Label errors name the file line as data row + 2, which assumes the file has
     * no blank lines (the loader skips them).
     *
     * @throws IllegalArgumentException if {@code Class} is missing or not 0/1, or a value is not a
     *     finite number
     */
    static FraudData load(Path csv) throws IOException {
        Table t = loader().load(csv);
        if (!t.hasColumn(LABEL)) {
            throw new IllegalArgumentException(csv + ": no label column '" + LABEL + "'");
        }
        List<String> names = new ArrayList<>(t.columnNames());
        names.remove(LABEL);
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = t.numeric(names.get(j));
        }
        double[][] x = new double[t.rows()][names.size()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < columns.length; j++) {
                x[i][j] = columns[j][i];
            }
        }
        int[] y = labels(csv, t.numeric(LABEL));
        checkClassCounts(csv, y);
        FraudData d = new FraudData(names, x, y);
        d.checkParts(csv);
        return d;
    }

    /**
     * The 60/20/20 split needs, per part, 2 genuine rows (autoencoder training and early stopping
     * fit a covariance) and 1 fraud row (the supervised models and the test metrics need both
     * classes): at least 6 genuine and 3 fraud rows overall, checked before splitting.
     */
    private static void checkClassCounts(Path csv, int[] y) {
        int frauds = Arrays.stream(y).sum();
        int genuine = y.length - frauds;
        if (genuine < 6 || frauds < 3) {
            throw new IllegalArgumentException(
                    csv
                            + ": has "
                            + genuine
                            + " genuine and "
                            + frauds
                            + " fraud rows but needs at least 6 genuine and 3 fraud (2 genuine"
                            + " and 1 fraud in each of the train, validation and test parts)");
        }
    }

    /** Checks every part of the split got 2 genuine and 1 fraud row. */
    private void checkParts(Path csv) {
        String[] names = {"train", "validation", "test"};
        int[][] parts = {split.train(), split.validation(), split.test()};
        for (int p = 0; p < parts.length; p++) {
            int genuine = withLabel(parts[p], labels, 0).length;
            int frauds = withLabel(parts[p], labels, 1).length;
            if (genuine < 2 || frauds < 1) {
                throw new IllegalArgumentException(
                        csv
                                + ": the "
                                + names[p]
                                + " part has "
                                + genuine
                                + " genuine and "
                                + frauds
                                + " fraud rows but needs at least 2 genuine and 1 fraud; add"
                                + " rows of the smaller class");
            }
        }
    }

    /** All of {@code Time, V1..V28, Amount, Class} numeric; no value may be missing. */
    private static TableCsvLoader loader() {
        List<String> numeric = new ArrayList<>(List.of("Time", "Amount", LABEL));
        for (int k = 1; k <= 28; k++) {
            numeric.add("V" + k);
        }
        return TableCsvLoader.builder()
                .optNumeric(numeric.toArray(String[]::new))
                .optInferTypes(false)
                .optMissingTokens()
                .build();
    }

    private static int[] labels(Path csv, double[] values) {
        int[] y = new int[values.length];
        for (int i = 0; i < y.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(
                        csv
                                + ": line "
                                + (i + 2)
                                + ", column 'Class', value '"
                                + values[i]
                                + "' must be 0 or 1");
            }
            y[i] = (int) values[i];
        }
        return y;
    }

    /** Rows of a part with the given label. */
    static int[] withLabel(int[] part, int[] labels, int label) {
        return Arrays.stream(part).filter(r -> labels[r] == label).toArray();
    }

    int[] trainGenuine() {
        return withLabel(split.train(), labels, 0);
    }

    int[] validationGenuine() {
        return withLabel(split.validation(), labels, 0);
    }

    int[] testLabels() {
        return Standardiser.select(labels, split.test());
    }
}
