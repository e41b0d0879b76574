// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a {@link SearchSpace}: an ordered map from hyper-parameter name to value.
 *
 * <p>Values are {@link Integer} (from {@code optInt}), {@link Double} (from {@code optReal}) or,
 * from {@code optChoice}, a {@link String}, {@link Integer}, {@link Double} or {@link Boolean}. The
 * order is the order in which the parameters were declared, so {@link #toJson()} is stable and can
 * be saved with a pipeline's metadata and read back by {@link #fromJson(String)} into an equal
 * configuration. Thread-safe: immutable.
 */
public final class Configuration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE =
            new TypeReference<>() {};

    private final Map<String, Object> values;

    private Configuration(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Creates a configuration from name/value pairs in the given iteration order; the map is
     * copied.
     *
     * @throws IllegalArgumentException if a name is blank or a value is not an Integer, finite
     *     Double, String or Boolean
     */
    public static Configuration of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            copy.put(checkedName(e.getKey()), checkedValue(e.getKey(), e.getValue()));
        }
        return new Configuration(copy);
    }

    /**
     * Reads a configuration written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a flat JSON object of ints, reals,
     *     strings and booleans
     */
    public static Configuration fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return of(JSON.readValue(json, MAP_TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "json is not a configuration object: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns the stable JSON object text, parameters in declaration order. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration values are always serialisable", e);
        }
    }

    /** Returns the parameter names in declaration order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Returns an unmodifiable view of the name-to-value map in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Returns the raw value of a parameter.
     *
     * @throws IllegalArgumentException if there is no parameter of that name
     */
    public Object get(String name) {
        Object v = values.get(Objects.requireNonNull(name, "name"));
        if (v == null) {
            throw new IllegalArgumentException(
                    "no parameter '" + name + "' in configuration; known: " + values.keySet());
        }
        return v;
    }

    /**
     * Returns an integer parameter.
     *
     * @throws IllegalArgumentException if the parameter is absent or not an integer
     */
    public int getInt(String name) {
        return typed(name, Integer.class, "an int");
    }

    /**
     * Returns a real parameter; an integer value is widened.
     *
     * @throws IllegalArgumentException if the parameter is absent or not a number
     */
    public double getDouble(String name) {
        Object v = get(name);
        if (v instanceof Integer || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        throw wrongType(name, v, "a real");
    }

    /**
     * Returns a string parameter.
     *
     * @throws IllegalArgumentException if the parameter is absent or not a string
     */
    public String getString(String name) {
        return typed(name, String.class, "a string");
    }

    /**
     * Returns a boolean parameter.
     *
     * @throws IllegalArgumentException if the parameter is absent or not a boolean
     */
    public boolean getBoolean(String name) {
        return typed(name, Boolean.class, "a boolean");
    }

    private <T> T typed(String name, Class<T> type, String what) {
        Object v = get(name);
        if (!type.isInstance(v)) {
            throw wrongType(name, v, what);
        }
        return type.cast(v);
    }

    private static IllegalArgumentException wrongType(String name, Object v, String what) {
        return new IllegalArgumentException(
                "parameter '"
                        + name
                        + "' is not "
                        + what
                        + " but "
                        + v.getClass().getSimpleName()
                        + " "
                        + v);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank but was " + name);
        }
        return name;
    }

    static Object checkedValue(String name, Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            throw new IllegalArgumentException(
                    "value of '" + name + "' must be finite but was " + d);
        }
        if (v instanceof Integer
                || v instanceof Double
                || v instanceof String
                || v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException(
                "value of '"
                        + name
                        + "' must be an Integer, Double, String or Boolean but was "
                        + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
