// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and loads {@link TransformState} as JSON and rebuilds fitted transforms by type name.
 *
 * <p>JSON layout (format 1): {@code {"format":1,"type":"zscore","columns":["a"],
 * "params":{"sd":"population"},"arrays":{"center":[1.5],"scale":[0.5]}}}. Doubles are written as
 * the text of {@link Double#toString(double)} and read back with {@link Double#parseDouble} from
 * the token's text (never through a {@code BigDecimal}, which would lose {@code -0.0}); that pair
 * is exact for every finite double, subnormals and {@code -0.0} included, and the writer checks it
 * value by value. NaN and infinity are rejected: learned state must be finite.
 *
 * <p>The registry maps a type name to a {@link FittedTransformFactory}. The types of this package
 * ({@code zscore}, {@code minmax}, {@code robust}, {@code log}, {@code chain}) are built in; other
 * packages add theirs (for example {@code quantile-clip}, {@code mad-winsorise}) once at start-up,
 * typically in a static initializer of the transform class, with {@link #register}. Thread-safe:
 * the registry is a concurrent map and the methods hold no other state.
 */
public final class TransformStates {
    /** Current JSON format version, written as {@code "format"}. */
    public static final int FORMAT = 1;

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, FittedTransformFactory> FACTORIES = new ConcurrentHashMap<>();

    static {
        FACTORIES.put(ZScoreTransform.TYPE, ZScoreTransform.FittedZScore::new);
        FACTORIES.put(MinMaxTransform.TYPE, MinMaxTransform.FittedMinMax::new);
        FACTORIES.put(RobustTransform.TYPE, RobustTransform.FittedRobust::new);
        FACTORIES.put(LogTransform.TYPE, LogTransform.FittedLog::new);
        FACTORIES.put(FittedChain.TYPE, FittedChain::fromState);
    }

    private TransformStates() {}

    /**
     * Registers the factory for a type name so that {@link #restore} can rebuild it.
     *
     * <p>Registering the same factory instance again is a no-op.
     *
     * @throws IllegalArgumentException if {@code type} is blank, or already registered to a
     *     different factory (the message names the type)
     */
    public static void register(String type, FittedTransformFactory factory) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        FittedTransformFactory previous = FACTORIES.putIfAbsent(type, factory);
        if (previous != null && previous != factory) {
            throw new IllegalArgumentException(
                    "transform type '" + type + "' is already registered to another factory");
        }
    }

    /** Returns the registered type names, sorted. */
    public static Set<String> registeredTypes() {
        return new TreeSet<>(FACTORIES.keySet());
    }

    /**
     * Rebuilds the fitted transform that produced {@code state}.
     *
     * @throws IllegalArgumentException if no factory is registered for the state's type (the
     *     message names it and the known types) or the state is invalid for it
     */
    public static FittedTransform restore(TransformState state) {
        Objects.requireNonNull(state, "state");
        FittedTransformFactory factory = FACTORIES.get(state.type());
        if (factory == null) {
            throw new IllegalArgumentException(
                    "no transform registered for type '"
                            + state.type()
                            + "'; registered types are "
                            + registeredTypes());
        }
        return factory.restore(state);
    }

    /**
     * Writes a state as JSON with exact doubles.
     *
     * @throws IllegalArgumentException if an array holds NaN or infinity (names array and index)
     */
    public static String toJson(TransformState state) {
        Objects.requireNonNull(state, "state");
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes several states as one JSON array, in order.
     *
     * @throws IllegalArgumentException if an array holds NaN or infinity
     */
    public static String toJson(List<TransformState> states) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (TransformState s : states) {
                write(g, Objects.requireNonNull(s, "state"));
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads a state written by {@link #toJson(TransformState)}.
     *
     * @throws IllegalArgumentException if the text is not valid state JSON, has an unknown format
     *     version, or holds a non-numeric array value (the message says where)
     */
    public static TransformState fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "state");
            return readState(p);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "invalid transform state JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a list of states written by {@link #toJson(List)}.
     *
     * @throws IllegalArgumentException if the text is not a JSON array of valid states
     */
    public static List<TransformState> listFromJson(String json) {
        Objects.requireNonNull(json, "json");
        List<TransformState> states = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY, "state list");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p, p.currentToken(), JsonToken.START_OBJECT, "state");
                states.add(readState(p));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "invalid transform state JSON: " + e.getMessage(), e);
        }
        return states;
    }

    private static void write(JsonGenerator g, TransformState state) throws IOException {
        g.writeStartObject();
        g.writeNumberField("format", FORMAT);
        g.writeStringField("type", state.type());
        g.writeArrayFieldStart("columns");
        for (String c : state.columns()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> e : new TreeMap<>(state.params()).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("arrays");
        for (Map.Entry<String, double[]> e : new TreeMap<>(state.arrays()).entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            double[] values = e.getValue();
            for (int i = 0; i < values.length; i++) {
                g.writeNumber(exactText(state.type(), e.getKey(), i, values[i]));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String exactText(String type, String array, int index, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    type
                            + " state array '"
                            + array
                            + "' index "
                            + index
                            + ": value "
                            + v
                            + " must be finite to be saved");
        }
        String text = Double.toString(v);
        if (Double.doubleToRawLongBits(Double.parseDouble(text)) != Double.doubleToRawLongBits(v)) {
            throw new IllegalStateException("double " + text + " does not round-trip");
        }
        return text;
    }

    private static TransformState readState(JsonParser p) throws IOException {
        String type = null;
        List<String> columns = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        int format = FORMAT;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "format" -> format = p.getIntValue();
                case "type" -> type = p.getValueAsString();
                case "columns" -> readStrings(p, t, columns);
                case "params" -> readParams(p, t, params);
                case "arrays" -> readArrays(p, t, arrays);
                default -> p.skipChildren();
            }
        }
        if (format != FORMAT) {
            throw new IllegalArgumentException(
                    "transform state format must be " + FORMAT + " but was " + format);
        }
        if (type == null) {
            throw new IllegalArgumentException("transform state JSON has no 'type'");
        }
        return new TransformState(type, columns, params, arrays);
    }

    private static void readStrings(JsonParser p, JsonToken t, List<String> out)
            throws IOException {
        expect(p, t, JsonToken.START_ARRAY, "columns");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p, p.currentToken(), JsonToken.VALUE_STRING, "column name");
            out.add(p.getText());
        }
    }

    private static void readParams(JsonParser p, JsonToken t, Map<String, String> out)
            throws IOException {
        expect(p, t, JsonToken.START_OBJECT, "params");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            expect(p, p.nextToken(), JsonToken.VALUE_STRING, "param '" + key + "'");
            out.put(key, p.getText());
        }
    }

    private static void readArrays(JsonParser p, JsonToken t, Map<String, double[]> out)
            throws IOException {
        expect(p, t, JsonToken.START_OBJECT, "arrays");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_ARRAY, "array '" + name + "'");
            double[] values = new double[8];
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonToken v = p.currentToken();
                if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
                    throw new IllegalArgumentException(
                            "array '"
                                    + name
                                    + "' index "
                                    + n
                                    + " must be a finite number but was "
                                    + p.getText());
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                double d = Double.parseDouble(p.getText());
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(
                            "array '"
                                    + name
                                    + "' index "
                                    + n
                                    + ": value "
                                    + p.getText()
                                    + " is not a finite double");
                }
                values[n++] = d;
            }
            out.put(name, Arrays.copyOf(values, n));
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            throw new IllegalArgumentException(
                    what
                            + " must be "
                            + wanted
                            + " but was "
                            + actual
                            + " at "
                            + p.currentLocation());
        }
    }
}
