// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import dev.maasfin.api.data.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Immutable table of numeric ({@code double[]}) and categorical ({@code String[]}) columns of equal
 * length, in the order of the source file.
 *
 * <p>A missing numeric value is {@code NaN}; a missing categorical value is {@code null}. Use
 * {@link #toFrame(String...)} to hand numeric columns to transforms and models; categorical columns
 * are encoded elsewhere (for example one-hot over {@link #levels(String)} of the training part).
 * Accessors return copies. Thread-safe: immutable.
 */
public final class Table {
    private final List<String> names;
    private final Map<String, Integer> index;
    private final double[][] numeric;
    private final String[][] categorical;
    private final int rows;

    private Table(Builder b) {
        this.names = Collections.unmodifiableList(new ArrayList<>(b.names));
        this.numeric = b.numeric.toArray(new double[0][]);
        this.categorical = b.categorical.toArray(new String[0][]);
        this.rows = b.rows < 0 ? 0 : b.rows;
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            idx.put(names.get(i), i);
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int columnCount() {
        return names.size();
    }

    /** Returns every column name in order (unmodifiable). */
    public List<String> columnNames() {
        return names;
    }

    /** Returns whether a column of this exact name exists. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * Returns whether the named column is numeric.
     *
     * @throws IllegalArgumentException if there is no such column (the message lists the columns)
     */
    public boolean isNumeric(String name) {
        return numeric[position(name)] != null;
    }

    /** Returns the numeric column names in order. */
    public List<String> numericColumnNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (numeric[i] != null) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    /** Returns the categorical column names in order. */
    public List<String> categoricalColumnNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (categorical[i] != null) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    /**
     * Returns a copy of a numeric column ({@code NaN} where missing).
     *
     * @throws IllegalArgumentException if there is no such column or it is categorical
     */
    public double[] numeric(String name) {
        int i = position(name);
        if (numeric[i] == null) {
            throw new IllegalArgumentException("column '" + name + "' is categorical, not numeric");
        }
        return numeric[i].clone();
    }

    /**
     * Returns a copy of a categorical column ({@code null} where missing).
     *
     * @throws IllegalArgumentException if there is no such column or it is numeric
     */
    public String[] categorical(String name) {
        int i = position(name);
        if (categorical[i] == null) {
            throw new IllegalArgumentException("column '" + name + "' is numeric, not categorical");
        }
        return categorical[i].clone();
    }

    /**
     * Returns the distinct non-missing values of a categorical column, sorted as strings.
     *
     * @throws IllegalArgumentException if there is no such column or it is numeric
     */
    public List<String> levels(String name) {
        TreeSet<String> set = new TreeSet<>();
        for (String s : categorical(name)) {
            if (s != null) {
                set.add(s);
            }
        }
        return List.copyOf(set);
    }

    /**
     * Returns the given numeric columns, in the given order, as a frame without a time index.
     *
     * @param numericColumns the columns; none means every numeric column in table order
     * @throws IllegalArgumentException if a name is unknown or names a categorical column
     */
    public Frame toFrame(String... numericColumns) {
        List<String> wanted =
                numericColumns.length == 0 ? numericColumnNames() : List.of(numericColumns);
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String name : wanted) {
            m.put(name, numeric[positionNumeric(name)]);
        }
        return Frame.of(m);
    }

    private int positionNumeric(String name) {
        int i = position(name);
        if (numeric[i] == null) {
            throw new IllegalArgumentException(
                    "column '" + name + "' is categorical; toFrame takes numeric columns only");
        }
        return i;
    }

    private int position(String name) {
        Integer i = index.get(Objects.requireNonNull(name, "name"));
        if (i == null) {
            throw new IllegalArgumentException(
                    "unknown column '" + name + "'; columns are " + names);
        }
        return i;
    }

    @Override
    public String toString() {
        return "Table["
                + rows
                + " rows x "
                + names.size()
                + " columns, "
                + numericColumnNames().size()
                + " numeric]";
    }

    /** Collects columns for a {@link Table}; arrays are copied. Not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<double[]> numeric = new ArrayList<>();
        private final List<String[]> categorical = new ArrayList<>();
        private int rows = -1;

        private Builder() {}

        /**
         * Adds a numeric column.
         *
         * @throws IllegalArgumentException if the name is blank or taken, or the length differs
         */
        public Builder addNumeric(String name, double[] values) {
            add(name, Objects.requireNonNull(values, "values").length);
            numeric.add(values.clone());
            categorical.add(null);
            return this;
        }

        /**
         * Adds a categorical column.
         *
         * @throws IllegalArgumentException if the name is blank or taken, or the length differs
         */
        public Builder addCategorical(String name, String[] values) {
            add(name, Objects.requireNonNull(values, "values").length);
            numeric.add(null);
            categorical.add(values.clone());
            return this;
        }

        private void add(String name, int length) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("column " + names.size() + " has a blank name");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' is added twice");
            }
            if (rows >= 0 && length != rows) {
                throw new IllegalArgumentException(
                        "column '" + name + "' has " + length + " rows but expected " + rows);
            }
            rows = length;
            names.add(name);
        }

        /** Returns the table. */
        public Table build() {
            return new Table(this);
        }
    }
}
