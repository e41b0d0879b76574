// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.transform;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The complete learned state of a fitted transform, as plain values that any format can hold.
 *
 * <p>{@code type} names the transform (for example {@code "zscore"}); {@code columns} are the
 * columns it acts on, in order; {@code params} holds scalar settings as text; {@code arrays} holds
 * learned numbers, one value per column. Saving and loading must reproduce every double bit for
 * bit. Thread-safe: immutable (arrays are copied in and out).
 *
 * @param type the transform's registered type name
 * @param columns the columns acted on, in order
 * @param params scalar settings as strings
 * @param arrays learned parameter vectors
 */
public record TransformState(
        String type,
        List<String> columns,
        Map<String, String> params,
        Map<String, double[]> arrays) {

    /** Validates and copies every component. */
    public TransformState {
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Map<String, double[]> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.clone()));
        arrays = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns a copy of the named learned vector.
     *
     * @throws IllegalArgumentException if the state has no such vector
     */
    public double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException(
                    type + " state has no array '" + name + "'; it has " + arrays.keySet());
        }
        return a.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransformState other)) {
            return false;
        }
        if (!type.equals(other.type)
                || !columns.equals(other.columns)
                || !params.equals(other.params)
                || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(type, columns, params);
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + Arrays.hashCode(e.getValue());
        }
        return h;
    }
}
