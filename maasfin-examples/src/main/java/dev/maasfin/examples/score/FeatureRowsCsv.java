// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.core.pipeline.InputSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the feature rows of a tabular pipeline from a CSV file whose header names the schema's
 * columns (in any order; other columns are listed and ignored, e.g. a label).
 *
 * <p>Each schema column must appear exactly once in the header; every data row must have as many
 * fields as the header and a decimal number (optionally signed, with exponent) in each schema
 * column, so an empty cell, text, {@code NaN} or {@code inf} is refused. A leading UTF-8 byte-order
 * mark and blank lines are skipped. Rows are numbered from 1 after the header; messages name the
 * file, the row, its file line and the column, and show a cell's text only for a column the schema
 * does not mark personal. Then each row is checked against the schema (range), with the schema's
 * own message.
 *
 * <p>Thread-safe: {@link #read} creates its own reader state for each file.
 */
final class FeatureRowsCsv {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    /**
     * The rows read.
     *
     * @param values one row per data row, values in schema order
     * @param ignored the header's columns that are not in the schema, in file order
     * @param lines per data row, the CSV record number the messages call its line
     */
    record Rows(double[][] values, List<String> ignored, long[] lines) {}

    private static final Pattern WINDOW = Pattern.compile("^window (\\d+): (.*)$", Pattern.DOTALL);

    /**
     * Restates a scoring refusal (a pipeline names the window, 0-based, and a row inside it) in
     * this file's terms: {@code <file>: row N (line L), <what>}, rows counted from 1 as in every
     * other message about the file. Other messages are returned unchanged.
     *
     * @param file the file the rows came from
     * @param in the rows as read
     * @param e the refusal of a {@code scoreBatch} of one-row windows over {@code in}
     */
    static IllegalArgumentException atRow(Path file, Rows in, IllegalArgumentException e) {
        Matcher m = WINDOW.matcher(e.getMessage());
        if (!m.matches()) {
            return e;
        }
        int w = Integer.parseInt(m.group(1));
        if (w >= in.lines().length) {
            return e;
        }
        String where = "row " + (w + 1) + " (line " + in.lines()[w] + ")";
        return new IllegalArgumentException(file + ": " + joined(where, m.group(2), 0), e);
    }

    /**
     * {@code where} followed by a schema or pipeline message about row {@code row}, with the
     * message's own row number taken out ({@code where} names the row): {@code "column 'x' row 3:
     * value ..."} becomes {@code "<where>, column 'x': value ..."} and {@code "row 3: one-hot group
     * ..."} becomes {@code "<where>: one-hot group ..."}.
     */
    static String joined(String where, String message, long row) {
        String lead = "row " + row + ": ";
        if (message.startsWith(lead)) {
            return where + ": " + message.substring(lead.length());
        }
        String inner = " row " + row + ":";
        int at = message.startsWith("column '") ? message.indexOf(inner) : -1;
        if (at < 0) {
            return where + ": " + message;
        }
        return where
                + ", "
                + message.substring(0, at)
                + ":"
                + message.substring(at + inner.length());
    }

    private final Path file;
    private final InputSchema schema;
    private int[] fieldOf;

    private FeatureRowsCsv(Path file, InputSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException if the file is empty or has no data row, the header misses
     *     or repeats a schema column, a row has another field count, a cell is not a finite decimal
     *     number, or a row fails the schema; each message starts with the file
     * @throws IOException if the file cannot be read
     */
    static Rows read(Path file, InputSchema schema) throws IOException {
        return new FeatureRowsCsv(file, schema).read();
    }

    private Rows read() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(skipByteOrderMark(in), FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord header = nextNonBlank(it);
            if (header == null) {
                throw refuse("is empty: it needs a header line naming the columns " + columns());
            }
            List<String> ignored = mapHeader(header);
            List<double[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord r = nextNonBlank(it); r != null; r = nextNonBlank(it)) {
                rows.add(row(r, rows.size() + 1, header.size()));
                lines.add(r.getRecordNumber());
            }
            if (rows.isEmpty()) {
                throw refuse("has a header but no data row");
            }
            return new Rows(
                    rows.toArray(double[][]::new),
                    ignored,
                    lines.stream().mapToLong(Long::longValue).toArray());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    file + ": is not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** Skips a leading U+FEFF (Excel's "CSV UTF-8" starts the file with EF BB BF). */
    private static Reader skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static CSVRecord nextNonBlank(Iterator<CSVRecord> it) {
        while (it.hasNext()) {
            CSVRecord r = it.next();
            if (!(r.size() == 1 && r.get(0).isEmpty())) {
                return r;
            }
        }
        return null;
    }

    /** Finds each schema column's field; returns the header's other columns. */
    private List<String> mapHeader(CSVRecord header) {
        List<String> names = header.toList();
        fieldOf = new int[schema.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            String name = schema.columnNames().get(c);
            fieldOf[c] = names.indexOf(name);
            if (fieldOf[c] < 0) {
                missing.add(name);
            } else if (names.lastIndexOf(name) != fieldOf[c]) {
                throw refuse("header names column '" + name + "' twice");
            }
        }
        if (!missing.isEmpty()) {
            throw refuse(
                    "header lacks the model's column(s) "
                            + missing
                            + "; the model takes the columns "
                            + columns());
        }
        List<String> ignored = new ArrayList<>(names);
        ignored.removeAll(schema.columnNames());
        return ignored;
    }

    private double[] row(CSVRecord r, int row, int fields) {
        String where = "row " + row + " (line " + r.getRecordNumber() + ")";
        if (r.size() != fields) {
            throw refuse(where + " has " + r.size() + " fields but the header has " + fields);
        }
        double[] v = new double[schema.size()];
        for (int c = 0; c < v.length; c++) {
            v[c] = number(r.get(fieldOf[c]), where, schema.columns().get(c));
        }
        try {
            schema.checkRow(v, row);
        } catch (IllegalArgumentException e) {
            throw refuse(joined(where, e.getMessage(), row));
        }
        return v;
    }

    private double number(String text, String where, ColumnSpec column) {
        String shown = column.personal() ? "<withheld: personal column>" : "'" + text + "'";
        if (text.isEmpty()) {
            throw refuse(where + ", column '" + column.name() + "': the cell is empty");
        }
        String value = where + ", column '" + column.name() + "': value " + shown;
        if (!DECIMAL.matcher(text).matches()) {
            throw refuse(value + " is not a finite decimal number (NaN and inf are refused)");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw refuse(value + " overflows a double");
        }
        return v;
    }

    private String columns() {
        return String.join(",", schema.columnNames());
    }

    private IllegalArgumentException refuse(String what) {
        return new IllegalArgumentException(file + ": " + what);
    }
}
