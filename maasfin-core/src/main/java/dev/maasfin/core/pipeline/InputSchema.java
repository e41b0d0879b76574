// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.core.privacy.ColumnPolicy;
import dev.maasfin.core.privacy.PrivacySchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The columns a pipeline's model was trained on, in order, with the range of values each accepts:
 * the check at the scorer's door.
 *
 * <p>{@link #checkColumns} refuses a wrong column count, name or order; {@link #checkRow} refuses
 * NaN, infinite and out-of-range values with an {@link IllegalArgumentException} naming the column,
 * the row and the value and rule — except that a {@linkplain ColumnSpec#personal() personal}
 * column's value is replaced by {@code <withheld: personal column>}.
 *
 * <p>JSON form ({@link #toJson}): {@code {"format":1,"columns":[{"name":"r","min":-1.0,"max":1.0,
 * "personal":false}]}}, with infinite bounds written as {@code null}. Thread-safe: immutable.
 */
public final class InputSchema {

    /** The JSON format version written and read. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String WITHHELD = "<withheld: personal column>";

    private final List<ColumnSpec> columns;
    private final List<String> names;

    private InputSchema(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        List<String> n = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnSpec c : this.columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " appears twice");
            }
            n.add(c.name());
        }
        this.names = List.copyOf(n);
    }

    /**
     * Returns a schema of the given columns in order.
     *
     * @throws IllegalArgumentException if there is no column or a name repeats
     */
    public static InputSchema of(List<ColumnSpec> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an input schema needs at least one column");
        }
        return new InputSchema(columns);
    }

    /**
     * Derives a schema from training rows: each column accepts its training range widened by {@code
     * margin} times that range on each side (a constant column gets {@code margin * max(1, |v|)}).
     * Rows holding a NaN (feature warm-up) are ignored.
     *
     * @param train the training feature rows, columns in model order
     * @param margin relative widening, {@code >= 0}; e.g. 0.5 accepts values half a range outside
     * @param privacy optional: columns whose policy is not PASS, or whose name carries a privacy
     *     suffix ({@code _masked}, {@code _pseudonym}, {@code _band}), are marked personal
     * @throws IllegalArgumentException if {@code margin} is negative or not finite, or a column has
     *     no finite value in any complete row, or {@code privacy} refuses a raw personal column
     */
    public static InputSchema fromTraining(Frame train, double margin, PrivacySchema privacy) {
        Objects.requireNonNull(train, "train");
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0 but was " + margin);
        }
        if (privacy != null) {
            privacy.checkNoRawPersonalColumns(train.columnNames());
        }
        boolean[] complete = completeRows(train);
        List<ColumnSpec> out = new ArrayList<>();
        for (int c = 0; c < train.columnCount(); c++) {
            String name = train.columnNames().get(c);
            out.add(rangeOf(name, train.column(c), complete, margin, isPersonal(name, privacy)));
        }
        return of(out);
    }

    private static boolean[] completeRows(Frame f) {
        boolean[] ok = new boolean[f.rows()];
        for (int r = 0; r < f.rows(); r++) {
            ok[r] = true;
            for (int c = 0; c < f.columnCount() && ok[r]; c++) {
                ok[r] = Double.isFinite(f.get(r, c));
            }
        }
        return ok;
    }

    private static ColumnSpec rangeOf(
            String name, double[] v, boolean[] complete, double margin, boolean personal) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < v.length; r++) {
            if (complete[r]) {
                lo = Math.min(lo, v[r]);
                hi = Math.max(hi, v[r]);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException(
                    "column " + name + " has no finite value in a complete training row");
        }
        double pad = hi > lo ? margin * (hi - lo) : margin * Math.max(1.0, Math.abs(lo));
        return new ColumnSpec(name, lo - pad, hi + pad, personal);
    }

    private static boolean isPersonal(String name, PrivacySchema privacy) {
        if (privacy == null) {
            return false;
        }
        for (ColumnPolicy p : ColumnPolicy.values()) {
            if (!p.outputSuffix().isEmpty() && name.endsWith(p.outputSuffix())) {
                return true;
            }
        }
        return privacy.policyOf(name).map(p -> p != ColumnPolicy.PASS).orElse(false);
    }

    /** Returns the columns in model order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Returns the column names in model order. */
    public List<String> columnNames() {
        return names;
    }

    /** Returns the number of columns. */
    public int size() {
        return columns.size();
    }

    /**
     * Checks that {@code actual} names exactly this schema's columns in this order.
     *
     * @param actual the column names of the input
     * @throws IllegalArgumentException naming the first position where count, name or order differ,
     *     with the expected and the actual names
     */
    public void checkColumns(List<String> actual) {
        Objects.requireNonNull(actual, "columns");
        if (actual.size() != names.size()) {
            throw new IllegalArgumentException(
                    "input must have "
                            + names.size()
                            + " columns "
                            + names
                            + " but had "
                            + actual.size()
                            + " "
                            + actual);
        }
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).equals(actual.get(c))) {
                throw new IllegalArgumentException(
                        "input column "
                                + c
                                + " must be '"
                                + names.get(c)
                                + "' but was '"
                                + actual.get(c)
                                + "' (expected columns in order: "
                                + names
                                + ")");
            }
        }
    }

    /**
     * Checks one row of values in schema order.
     *
     * @param row the values, {@link #size()} long
     * @param rowIndex the row's index in the caller's input, for the message
     * @throws IllegalArgumentException if the length differs, or a value is NaN, infinite or out of
     *     its column's range (naming column, row, value and range; personal values withheld)
     */
    public void checkRow(double[] row, long rowIndex) {
        Objects.requireNonNull(row, "row");
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(
                    "row "
                            + rowIndex
                            + " must have "
                            + columns.size()
                            + " values "
                            + names
                            + " but had "
                            + row.length);
        }
        for (int c = 0; c < row.length; c++) {
            if (!columns.get(c).accepts(row[c])) {
                throw rejection(c, rowIndex, row[c]);
            }
        }
    }

    /**
     * Checks rows {@code [from, to)} of a frame whose columns {@link #checkColumns match}.
     *
     * @throws IllegalArgumentException as {@link #checkColumns} and {@link #checkRow}
     */
    public void checkRows(Frame frame, int from, int to) {
        checkColumns(frame.columnNames());
        Objects.checkFromToIndex(from, to, frame.rows());
        for (int c = 0; c < columns.size(); c++) {
            double[] v = frame.column(c);
            for (int r = from; r < to; r++) {
                if (!columns.get(c).accepts(v[r])) {
                    throw rejection(c, r, v[r]);
                }
            }
        }
    }

    private IllegalArgumentException rejection(int c, long row, double value) {
        ColumnSpec spec = columns.get(c);
        String shown = spec.personal() ? WITHHELD : String.valueOf(value);
        String rule =
                Double.isFinite(value) || spec.personal()
                        ? "must lie in [" + spec.min() + ", " + spec.max() + "]"
                        : "must be finite";
        return new IllegalArgumentException(
                "column '" + spec.name() + "' row " + row + ": value " + shown + " " + rule);
    }

    /** Returns this schema as JSON (format {@value #FORMAT}). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode cols = root.putArray("columns");
        for (ColumnSpec c : columns) {
            ObjectNode n = cols.addObject().put("name", c.name());
            bound(n, "min", c.min());
            bound(n, "max", c.max());
            n.put("personal", c.personal());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bound(ObjectNode n, String key, double v) {
        if (Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    /**
     * Reads a schema written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the JSON is malformed or of another format version
     */
    public static InputSchema fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("format").asInt(-1) != FORMAT) {
                throw new IllegalArgumentException(
                        "schema format must be " + FORMAT + " but was " + root.path("format"));
            }
            List<ColumnSpec> out = new ArrayList<>();
            for (JsonNode n : root.path("columns")) {
                out.add(
                        new ColumnSpec(
                                n.path("name").asText(),
                                readBound(n.path("min"), Double.NEGATIVE_INFINITY),
                                readBound(n.path("max"), Double.POSITIVE_INFINITY),
                                n.path("personal").asBoolean(false)));
            }
            return of(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("schema JSON is malformed: " + e.getMessage(), e);
        }
    }

    private static double readBound(JsonNode n, double infinite) {
        return n.isNumber() ? n.asDouble() : infinite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSchema s && columns.equals(s.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "InputSchema" + columns;
    }
}
