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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>One-hot groups ({@link #withOneHotGroup}) tie together the 0/1 level columns of one
 * categorical input: after the per-column checks, {@link #checkRow} and {@link #checkRows} require
 * every member of each group to be exactly 0 or 1 and exactly one member to be 1. If any member is
 * personal the message gives counts only, never values or which level is set. A group cannot tell a
 * level unseen in training (all members 0) from a broken encoding: both are refused.
 *
 * <p>JSON form ({@link #toJson}): {@code {"format":1,"columns":[{"name":"r","min":-1.0,"max":1.0,
 * "personal":false}],"oneHotGroups":[{"name":"g","columns":["g=a","g=b"]}]}}, with infinite bounds
 * written as {@code null}; {@code oneHotGroups} is written only when there is a group and an absent
 * field reads as none. Thread-safe: immutable.
 */
public final class InputSchema {

    /** The JSON format version written and read. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String WITHHELD = "<withheld: personal column>";
    private static final String GROUPS = "oneHotGroups";

    private final List<ColumnSpec> columns;
    private final List<String> names;
    private final List<OneHotGroup> groups;

    /** Per group, the schema positions of its members, in the group's order. */
    private final int[][] groupIndex;

    /** Per group, whether any member is personal (messages then give counts only). */
    private final boolean[] groupPersonal;

    /**
     * A named set of 0/1 level columns of one categorical input, of which exactly one is 1 in a
     * valid row. Thread-safe: immutable.
     *
     * @param name the group's name (e.g. the categorical column, {@code checking_status}), not
     *     blank
     * @param columns the member column names, at least two, no repeats
     */
    public record OneHotGroup(String name, List<String> columns) {

        /**
         * Checks and copies the components.
         *
         * @throws IllegalArgumentException if the name is blank, there are fewer than two members,
         *     or a member repeats
         * @throws NullPointerException if the name, the list or a member is null
         */
        public OneHotGroup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(columns, "columns");
            if (name.isBlank()) {
                throw new IllegalArgumentException("one-hot group name must not be blank");
            }
            columns = List.copyOf(columns);
            if (columns.size() < 2) {
                throw new IllegalArgumentException(
                        "one-hot group '"
                                + name
                                + "' must have at least 2 member columns but had "
                                + columns.size()
                                + " "
                                + columns);
            }
            if (new HashSet<>(columns).size() != columns.size()) {
                throw new IllegalArgumentException(
                        "one-hot group '" + name + "' lists a member twice: " + columns);
            }
        }
    }

    private InputSchema(List<ColumnSpec> columns) {
        this(columns, List.of());
    }

    private InputSchema(List<ColumnSpec> columns, List<OneHotGroup> groups) {
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
        this.groups = List.copyOf(groups);
        this.groupIndex = new int[this.groups.size()][];
        this.groupPersonal = new boolean[this.groups.size()];
        indexGroups();
    }

    /** Resolves each group's members to schema positions, checking membership rules. */
    private void indexGroups() {
        Map<String, String> owner = new HashMap<>();
        Set<String> groupNames = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            OneHotGroup group = groups.get(g);
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException(
                        "one-hot group '" + group.name() + "' is declared twice");
            }
            groupIndex[g] = new int[group.columns().size()];
            for (int k = 0; k < groupIndex[g].length; k++) {
                String member = group.columns().get(k);
                int c = names.indexOf(member);
                if (c < 0) {
                    throw new IllegalArgumentException(
                            "one-hot group '"
                                    + group.name()
                                    + "' names column '"
                                    + member
                                    + "' which is not in the schema "
                                    + names);
                }
                String previous = owner.putIfAbsent(member, group.name());
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "column '"
                                    + member
                                    + "' cannot join one-hot group '"
                                    + group.name()
                                    + "': it is already a member of group '"
                                    + previous
                                    + "'");
                }
                groupIndex[g][k] = c;
                groupPersonal[g] |= columns.get(c).personal();
            }
        }
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
     * Returns this schema with one more one-hot group: in a valid row every member is exactly 0 or
     * 1 and exactly one member is 1. Existing groups are kept; this schema is unchanged.
     *
     * @param name the group's name, e.g. the categorical column {@code checking_status}
     * @param columns the member columns (this schema's names), at least two
     * @throws IllegalArgumentException if the name is blank or already a group's, there are fewer
     *     than two members, a member repeats, is not a column of this schema or already belongs to
     *     another group
     * @throws NullPointerException if the name, the list or a member is null
     */
    public InputSchema withOneHotGroup(String name, List<String> columns) {
        List<OneHotGroup> all = new ArrayList<>(groups);
        all.add(new OneHotGroup(name, columns));
        return new InputSchema(this.columns, all);
    }

    /** Returns the one-hot groups in declaration order (empty when there is none). */
    public List<OneHotGroup> oneHotGroups() {
        return groups;
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
     * Checks one row of values in schema order: each column's range, then each one-hot group.
     *
     * @param row the values, {@link #size()} long
     * @param rowIndex the row's index in the caller's input, for the message
     * @throws IllegalArgumentException if the length differs, or a value is NaN, infinite or out of
     *     its column's range (naming column, row, value and range; personal values withheld), or a
     *     one-hot group's members are not all 0 or 1 with exactly one 1 (naming row and group;
     *     counts only if a member is personal)
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
        for (int g = 0; g < groups.size(); g++) {
            checkGroup(g, row, rowIndex);
        }
    }

    /**
     * Checks rows {@code [from, to)} of a frame whose columns {@link #checkColumns match}: every
     * column's range over the rows first, then the one-hot groups row by row.
     *
     * @throws IllegalArgumentException as {@link #checkColumns} and {@link #checkRow}; the row
     *     named is the frame's row index
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
        if (groups.isEmpty()) {
            return;
        }
        double[][] cols = new double[columns.size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = frame.column(c);
        }
        // one scratch row in schema order, holding only the members of the group being checked
        double[] row = new double[columns.size()];
        for (int r = from; r < to; r++) {
            for (int g = 0; g < groups.size(); g++) {
                for (int c : groupIndex[g]) {
                    row[c] = cols[c][r];
                }
                checkGroup(g, row, r);
            }
        }
    }

    /** Checks group {@code g} of a row in schema order. */
    private void checkGroup(int g, double[] row, long rowIndex) {
        int ones = 0;
        boolean other = false;
        for (int c : groupIndex[g]) {
            ones += row[c] == 1 ? 1 : 0;
            other |= row[c] != 1 && row[c] != 0;
        }
        if (ones != 1 || other) {
            throw groupRejection(g, rowIndex, row);
        }
    }

    /**
     * The refusal of group {@code g} in a row (schema order); counts only if a member is personal.
     */
    private IllegalArgumentException groupRejection(int g, long rowIndex, double[] row) {
        int ones = 0;
        int others = 0;
        for (int c : groupIndex[g]) {
            ones += row[c] == 1 ? 1 : 0;
            others += row[c] != 1 && row[c] != 0 ? 1 : 0;
        }
        StringBuilder m =
                new StringBuilder("row ")
                        .append(rowIndex)
                        .append(": one-hot group '")
                        .append(groups.get(g).name())
                        .append("' must have exactly one member equal to 1 and the rest 0 but had ")
                        .append(count(ones))
                        .append(" at 1");
        if (others > 0) {
            m.append(" and ").append(count(others)).append(" neither 0 nor 1");
        }
        if (groupPersonal[g]) {
            return new IllegalArgumentException(m + " (values withheld: personal column)");
        }
        m.append(" (");
        for (int k = 0; k < groupIndex[g].length; k++) {
            m.append(k == 0 ? "" : ", ")
                    .append(groups.get(g).columns().get(k))
                    .append('=')
                    .append(row[groupIndex[g][k]]);
        }
        return new IllegalArgumentException(m.append(')').toString());
    }

    private static String count(int n) {
        return n + (n == 1 ? " member" : " members");
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
        if (!groups.isEmpty()) {
            ArrayNode gs = root.putArray(GROUPS);
            for (OneHotGroup g : groups) {
                ObjectNode n = gs.addObject().put("name", g.name());
                g.columns().forEach(n.putArray("columns")::add);
            }
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
     * Reads a schema written by {@link #toJson}; a schema without {@code oneHotGroups} (as written
     * before groups existed) reads as one without groups.
     *
     * @throws IllegalArgumentException if the JSON is malformed or of another format version, or
     *     {@code oneHotGroups} is not an array of objects each with a string {@code name} and an
     *     array of string {@code columns}, or a group breaks a {@link #withOneHotGroup} rule
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
            InputSchema schema = of(out);
            for (OneHotGroup g : readGroups(root)) {
                schema = schema.withOneHotGroup(g.name(), g.columns());
            }
            return schema;
        } catch (IOException e) {
            throw new IllegalArgumentException("schema JSON is malformed: " + e.getMessage(), e);
        }
    }

    private static List<OneHotGroup> readGroups(JsonNode root) {
        JsonNode gs = root.path(GROUPS);
        if (gs.isMissingNode()) {
            return List.of();
        }
        if (!gs.isArray()) {
            throw new IllegalArgumentException(
                    "schema JSON: " + GROUPS + " must be an array but was " + gs);
        }
        List<OneHotGroup> out = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) {
            JsonNode g = gs.get(i);
            String at = "schema JSON: " + GROUPS + "[" + i + "]";
            if (!g.path("name").isTextual()) {
                throw new IllegalArgumentException(
                        at
                                + ".name must be a string but was "
                                + (g.path("name").isMissingNode() ? "missing" : g.path("name")));
            }
            JsonNode cols = g.path("columns");
            List<String> members = new ArrayList<>();
            for (JsonNode c : cols) {
                members.add(c.isTextual() ? c.asText() : null);
            }
            if (!cols.isArray() || members.contains(null)) {
                throw new IllegalArgumentException(
                        at
                                + ".columns must be an array of column names but was "
                                + (cols.isMissingNode() ? "missing" : cols));
            }
            out.add(new OneHotGroup(g.get("name").asText(), members));
        }
        return out;
    }

    private static double readBound(JsonNode n, double infinite) {
        return n.isNumber() ? n.asDouble() : infinite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSchema s && columns.equals(s.columns) && groups.equals(s.groups);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + groups.hashCode();
    }

    @Override
    public String toString() {
        return groups.isEmpty() ? "InputSchema" + columns : "InputSchema" + columns + groups;
    }
}
