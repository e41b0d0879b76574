// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a CSV file of numeric and categorical columns into a {@link Table}.
 *
 * <p>Format: a header line, then one row per line; a UTF-8 byte-order mark and blank lines are
 * skipped; fields are trimmed. Column types: names given to {@link Builder#optCategorical} are
 * categorical; names given to {@link Builder#optNumeric} must hold numbers; every other column is
 * inferred (numeric when every non-missing value parses as a number, else categorical; a numeric
 * column then rejects NaN and infinity) unless {@link Builder#optInferTypes(boolean)} is off, in
 * which case it must be numeric. Option names match headers ignoring case. A field equal (ignoring
 * case) to a missing-value token (default {@code "", "NA", "NaN"}) is missing: {@code NaN} or
 * {@code null}.
 *
 * <p>Failures are {@link DataFormatException}s naming file, 1-based line, column and value: a row
 * with a different number of fields than the header, a value in a numeric column that is not a
 * finite number, a missing required column (the message lists the headers found), a duplicate or
 * blank header, a file without data rows, bytes that are not valid UTF-8, a quoted field left
 * unterminated. There is no lenient mode for tables.
 *
 * <p>Memory: the field texts of the whole file are held until types are decided (two passes over
 * memory, one over the file). Thread-safe: immutable; each load uses its own state.
 */
public final class TableCsvLoader {
    private final Set<String> categorical;
    private final Set<String> numeric;
    private final Set<String> required;
    private final Set<String> missingTokens;
    private final boolean inferTypes;

    private TableCsvLoader(Builder b) {
        this.categorical = Set.copyOf(b.categorical);
        this.numeric = Set.copyOf(b.numeric);
        this.required = new LinkedHashSet<>(b.required);
        this.missingTokens = Set.copyOf(b.missingTokens);
        this.inferTypes = b.inferTypes;
    }

    /** Returns a builder: infer types, no required columns, missing tokens "", "NA", "NaN". */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a loader with every default (see {@link #builder()}). */
    public static TableCsvLoader defaults() {
        return builder().build();
    }

    /**
     * Loads a UTF-8 CSV file.
     *
     * @throws DataFormatException naming file, line, column and value when a rule breaks
     * @throws IOException if the file cannot be read
     */
    public Table load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (CsvRows rows = CsvRows.open(file)) {
            return read(rows);
        }
    }

    /**
     * Loads CSV text from a reader, which is closed when done.
     *
     * @param sourceName names the source in messages
     * @throws DataFormatException naming source, line, column and value when a rule breaks
     * @throws IOException if reading fails
     */
    public Table load(Reader reader, String sourceName) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        try (CsvRows rows = CsvRows.open(reader, sourceName)) {
            return read(rows);
        }
    }

    private Table read(CsvRows rows) {
        String[] header = rows.header();
        checkHeader(rows.source(), rows.headerLine(), header);
        Fields fields = readFields(rows, header);
        if (fields.rows == 0) {
            throw new DataFormatException(rows.source(), 0, null, null, "has no data rows");
        }
        Table.Builder table = Table.builder();
        for (int c = 0; c < header.length; c++) {
            addColumn(table, rows.source(), header[c], fields, c);
        }
        return table.build();
    }

    private void checkHeader(String source, long line, String[] header) {
        Set<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new DataFormatException(
                        source,
                        line,
                        null,
                        null,
                        "header field " + (c + 1) + " is blank; every column needs a name");
            }
            if (!seen.add(key(header[c]))) {
                throw new DataFormatException(
                        source,
                        line,
                        header[c],
                        null,
                        "appears twice in the header " + Arrays.toString(header));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!seen.contains(key(r))) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    source,
                    line,
                    null,
                    null,
                    "is missing required column(s) "
                            + missing
                            + "; found headers "
                            + Arrays.toString(header));
        }
    }

    private static Fields readFields(CsvRows rows, String[] header) {
        Fields f = new Fields(header.length);
        while (rows.next()) {
            CSVRecord r = rows.record();
            if (r.size() != header.length) {
                throw new DataFormatException(
                        rows.source(),
                        rows.line(),
                        null,
                        null,
                        "has " + r.size() + " fields but the header has " + header.length);
            }
            f.add(r, rows.line());
        }
        return f;
    }

    private void addColumn(Table.Builder table, String source, String name, Fields f, int c) {
        boolean isCategorical =
                contains(categorical, name)
                        || (!contains(numeric, name) && inferTypes && !allNumeric(f, c));
        if (isCategorical) {
            table.addCategorical(name, categoricalValues(f, c));
        } else {
            table.addNumeric(name, numericValues(source, name, f, c));
        }
    }

    private boolean allNumeric(Fields f, int c) {
        for (int r = 0; r < f.rows; r++) {
            String s = f.text[c][r];
            if (!isMissing(s) && !parses(s)) {
                return false;
            }
        }
        return true;
    }

    private String[] categoricalValues(Fields f, int c) {
        String[] out = Arrays.copyOf(f.text[c], f.rows);
        for (int r = 0; r < out.length; r++) {
            if (isMissing(out[r])) {
                out[r] = null;
            }
        }
        return out;
    }

    private double[] numericValues(String source, String name, Fields f, int c) {
        double[] out = new double[f.rows];
        for (int r = 0; r < f.rows; r++) {
            String s = f.text[c][r];
            if (isMissing(s)) {
                out[r] = Double.NaN;
                continue;
            }
            double x = tryParse(s);
            if (!Double.isFinite(x)) {
                String rule =
                        Double.isInfinite(x) || s.toLowerCase(Locale.ROOT).contains("nan")
                                ? "is not finite (NaN and infinity are not allowed)"
                                : "is not a number (the column is numeric)";
                throw new DataFormatException(source, f.lines[r], name, s, rule);
            }
            out[r] = x;
        }
        return out;
    }

    /** Returns whether the text is a number; "Infinity" is, so a numeric column rejects it. */
    private static boolean parses(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Parses a number, returning NaN when the text is not one. */
    private static double tryParse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private boolean isMissing(String s) {
        return missingTokens.contains(key(s));
    }

    private static boolean contains(Set<String> keys, String name) {
        return keys.contains(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Field texts by column, with each row's file line. */
    private static final class Fields {
        String[][] text;
        long[] lines = new long[1024];
        int rows;

        Fields(int columns) {
            text = new String[columns][1024];
        }

        void add(CSVRecord r, long line) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
                for (int c = 0; c < text.length; c++) {
                    text[c] = Arrays.copyOf(text[c], rows * 2);
                }
            }
            for (int c = 0; c < text.length; c++) {
                text[c][rows] = r.get(c);
            }
            lines[rows++] = line;
        }
    }

    /** Options for a {@link TableCsvLoader}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> categorical = new LinkedHashSet<>();
        private final Set<String> numeric = new LinkedHashSet<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final Set<String> missingTokens = new LinkedHashSet<>(List.of("", "na", "nan"));
        private boolean inferTypes = true;

        private Builder() {}

        /** Declares columns categorical (kept as text). */
        public Builder optCategorical(String... columns) {
            for (String c : columns) {
                categorical.add(key(Objects.requireNonNull(c, "column")));
            }
            return this;
        }

        /** Declares columns numeric: a value that is not a finite number fails the load. */
        public Builder optNumeric(String... columns) {
            for (String c : columns) {
                numeric.add(key(Objects.requireNonNull(c, "column")));
            }
            return this;
        }

        /** Requires columns to be present (matched ignoring case). */
        public Builder optRequired(String... columns) {
            for (String c : columns) {
                required.add(Objects.requireNonNull(c, "column"));
            }
            return this;
        }

        /** Replaces the missing-value tokens (matched ignoring case after trimming). */
        public Builder optMissingTokens(String... tokens) {
            missingTokens.clear();
            for (String t : tokens) {
                missingTokens.add(key(Objects.requireNonNull(t, "token").trim()));
            }
            return this;
        }

        /** Whether undeclared columns are inferred (default) or must be numeric. */
        public Builder optInferTypes(boolean infer) {
            this.inferTypes = infer;
            return this;
        }

        /**
         * Returns the loader.
         *
         * @throws IllegalArgumentException if a column is declared both categorical and numeric
         */
        public TableCsvLoader build() {
            Set<String> both = new LinkedHashSet<>(categorical);
            both.retainAll(numeric);
            if (!both.isEmpty()) {
                throw new IllegalArgumentException(
                        "columns " + both + " are declared both categorical and numeric");
            }
            return new TableCsvLoader(this);
        }
    }
}
