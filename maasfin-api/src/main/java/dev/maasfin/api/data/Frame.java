// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable table of named numeric columns of equal length, optionally indexed by time.
 *
 * <p>Values are {@code double}; {@code NaN} marks a missing value (cleaning and validation decide
 * what is allowed where). Column order is the order given at construction and is part of a frame's
 * identity: a model's input schema refers to it. The time index, when present, is strictly
 * increasing epoch milliseconds.
 *
 * <p>Accessors return copies, except {@link #get(int, int)}. Thread-safe: immutable.
 */
public final class Frame {
    private final List<String> names;
    private final Map<String, Integer> index;
    private final double[][] columns;
    private final long[] times;
    private final int rows;

    private Frame(List<String> names, double[][] columns, long[] times, int rows) {
        this.names = names;
        this.columns = columns;
        this.times = times;
        this.rows = rows;
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            idx.put(names.get(i), i);
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /**
     * Creates a frame without a time index; arrays are copied.
     *
     * @param columns column name to values, in column order; every column the same length
     * @throws IllegalArgumentException if columns differ in length or a name is blank
     */
    public static Frame of(Map<String, double[]> columns) {
        return build(columns, null);
    }

    /**
     * Creates a time-indexed frame; arrays are copied.
     *
     * @param epochMillis row times, strictly increasing
     * @param columns column name to values, in column order; each as long as {@code epochMillis}
     * @throws IllegalArgumentException if lengths differ or times are not strictly increasing
     */
    public static Frame of(long[] epochMillis, Map<String, double[]> columns) {
        Objects.requireNonNull(epochMillis, "epochMillis");
        for (int i = 1; i < epochMillis.length; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + ": time "
                                + epochMillis[i]
                                + " is not after previous time "
                                + epochMillis[i - 1]
                                + " (times must be strictly increasing)");
            }
        }
        return build(columns, epochMillis.clone());
    }

    private static Frame build(Map<String, double[]> columns, long[] times) {
        Objects.requireNonNull(columns, "columns");
        List<String> names = new ArrayList<>(columns.size());
        double[][] data = new double[columns.size()][];
        int rows = times == null ? -1 : times.length;
        int c = 0;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "column name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("column " + c + " has a blank name");
            }
            double[] values = Objects.requireNonNull(e.getValue(), "values of column " + name);
            if (rows < 0) {
                rows = values.length;
            } else if (values.length != rows) {
                throw new IllegalArgumentException(
                        "column " + name + " has " + values.length + " rows but expected " + rows);
            }
            names.add(name);
            data[c++] = values.clone();
        }
        return new Frame(Collections.unmodifiableList(names), data, times, Math.max(rows, 0));
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int columnCount() {
        return names.size();
    }

    /** Returns the column names in order (unmodifiable). */
    public List<String> columnNames() {
        return names;
    }

    /** Returns whether a column of this name exists. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * Returns the position of a column.
     *
     * @throws IllegalArgumentException naming the column and the known columns if absent
     */
    public int columnIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException(
                    "unknown column '" + name + "'; columns are " + names);
        }
        return i;
    }

    /** Returns a copy of the named column. */
    public double[] column(String name) {
        return columns[columnIndex(name)].clone();
    }

    /** Returns a copy of column {@code c}. */
    public double[] column(int c) {
        return columns[c].clone();
    }

    /** Returns the value at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return columns[c][r];
    }

    /** Returns a copy of the time index, if the frame has one. */
    public Optional<long[]> epochMillis() {
        return times == null ? Optional.empty() : Optional.of(times.clone());
    }

    /** Returns whether the frame has a time index. */
    public boolean isTimeIndexed() {
        return times != null;
    }

    /** Returns the columns as an ordered map of copies. */
    public Map<String, double[]> toMap() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            m.put(names.get(c), columns[c].clone());
        }
        return m;
    }

    /**
     * Returns a frame with the same columns and time index, and the given column values.
     *
     * @throws IllegalArgumentException if the map's names or lengths differ from this frame's
     */
    public Frame withColumns(Map<String, double[]> replacement) {
        if (!new ArrayList<>(replacement.keySet()).equals(names)) {
            throw new IllegalArgumentException(
                    "columns " + replacement.keySet() + " do not match " + names);
        }
        return times == null ? of(replacement) : of(times, replacement);
    }

    /**
     * Returns rows {@code [from, to)} as a new frame.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, rows()]}
     */
    public Frame sliceRows(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        double[][] data = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            data[c] = Arrays.copyOfRange(columns[c], from, to);
        }
        long[] t = times == null ? null : Arrays.copyOfRange(times, from, to);
        return new Frame(names, data, t, to - from);
    }

    /**
     * Returns the given rows, in the given order, as a new frame without a time index unless the
     * rows are strictly increasing.
     */
    public Frame selectRows(int[] rowIndices) {
        double[][] data = new double[columns.length][rowIndices.length];
        boolean increasing = true;
        for (int k = 0; k < rowIndices.length; k++) {
            int r = Objects.checkIndex(rowIndices[k], rows);
            if (k > 0 && r <= rowIndices[k - 1]) {
                increasing = false;
            }
            for (int c = 0; c < columns.length; c++) {
                data[c][k] = columns[c][r];
            }
        }
        long[] t = null;
        if (times != null && increasing) {
            t = new long[rowIndices.length];
            for (int k = 0; k < rowIndices.length; k++) {
                t[k] = times[rowIndices[k]];
            }
        }
        return new Frame(names, data, t, rowIndices.length);
    }

    @Override
    public String toString() {
        return "Frame[" + rows + " rows x " + names + (times != null ? ", time-indexed" : "") + "]";
    }
}
