// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a pipeline's model outputs into the quantity the host wants, saved with the pipeline: the
 * step after the model, as the fitted transforms are the step before it.
 *
 * <p>Kinds, for a model output {@code y} (a {@code float}) of one window:
 *
 * <ul>
 *   <li>{@link Kind#IDENTITY}: the value is {@code y} unchanged, bit for bit (every pipeline saved
 *       before decoders existed decodes this way);
 *   <li>{@link Kind#LINEAR}: {@code max(floor, scale * y + shift)};
 *   <li>{@link Kind#LOG_RATIO_TO_FEATURE}: {@code max(floor, anchor * exp(y) * factor)}, for a
 *       model trained on {@code ln(target / anchor)}. The anchor is the value of the named feature
 *       column in the <b>last row of the window, as the feature stage computed it, before the
 *       pipeline's fitted transforms</b> (e.g. the raw 20-day realised volatility, not its z-score)
 *       — the only reading, recorded in the JSON as {@value #ANCHOR_READ}.
 * </ul>
 *
 * The arithmetic is done in {@code double} in exactly the order written ({@code (anchor * exp(y)) *
 * factor}, {@code exp} of the float widened to double) and rounded to {@code float} once, since
 * predictions carry floats. {@code floor} is {@code -Infinity} when there is none. A model with
 * several outputs has each output decoded with the same anchor.
 *
 * <p>JSON form ({@link #toJson}): {@code {"format":1,"kind":"LOG_RATIO_TO_FEATURE",
 * "anchorColumn":"rv20","anchorRead":"raw-feature-before-transforms","factor":1.02,"floor":1.0E-4}};
 * doubles are written by Jackson as {@link Double#toString} text and read back exactly; no floor is
 * written as {@code null}. Thread-safe: immutable.
 */
public final class OutputDecoder {

    /** The JSON format version written and read. */
    public static final int FORMAT = 1;

    /** How the anchor is read, as recorded in the JSON. */
    public static final String ANCHOR_READ = "raw-feature-before-transforms";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OutputDecoder IDENTITY =
            new OutputDecoder(Kind.IDENTITY, null, 1.0, 0.0, 1.0, Double.NEGATIVE_INFINITY);

    /** The decoding rule. */
    public enum Kind {
        /** The model's output unchanged. */
        IDENTITY,
        /** {@code max(floor, scale * y + shift)}. */
        LINEAR,
        /** {@code max(floor, anchor * exp(y) * factor)}, anchor a raw feature of the last row. */
        LOG_RATIO_TO_FEATURE
    }

    private final Kind kind;
    private final String anchorColumn;
    private final double scale;
    private final double shift;
    private final double factor;
    private final double floor;

    private OutputDecoder(
            Kind kind,
            String anchorColumn,
            double scale,
            double shift,
            double factor,
            double floor) {
        this.kind = kind;
        this.anchorColumn = anchorColumn;
        this.scale = scale;
        this.shift = shift;
        this.factor = factor;
        this.floor = floor;
    }

    /** Returns the decoder that leaves outputs unchanged (the default of every pipeline). */
    public static OutputDecoder identity() {
        return IDENTITY;
    }

    /**
     * Returns {@code max(floor, scale * y + shift)}.
     *
     * @param scale finite multiplier
     * @param shift finite offset
     * @param floor lowest value returned, finite, or {@code Double.NEGATIVE_INFINITY} for none
     * @throws IllegalArgumentException naming the parameter that is not finite (or a floor that is
     *     NaN or {@code +Infinity})
     */
    public static OutputDecoder linear(double scale, double shift, double floor) {
        requireFinite("scale", scale);
        requireFinite("shift", shift);
        return new OutputDecoder(Kind.LINEAR, null, scale, shift, 1.0, checkedFloor(floor));
    }

    /**
     * Returns {@code max(floor, anchor * exp(y) * factor)}, the anchor being the raw value (before
     * transforms) of {@code anchorColumn} in the window's last row.
     *
     * @param anchorColumn a feature column of the pipeline, e.g. {@code rv20}
     * @param factor finite and {@code > 0}, e.g. a smearing factor (1 for none)
     * @param floor lowest value returned, finite, or {@code Double.NEGATIVE_INFINITY} for none
     * @throws IllegalArgumentException if the column is blank, or {@code factor} or {@code floor}
     *     breaks its rule (naming it and the value)
     * @throws NullPointerException if {@code anchorColumn} is null
     */
    public static OutputDecoder logRatioToFeature(
            String anchorColumn, double factor, double floor) {
        Objects.requireNonNull(anchorColumn, "anchorColumn");
        if (anchorColumn.isBlank()) {
            throw new IllegalArgumentException("anchorColumn must not be blank");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0 but was " + factor);
        }
        return new OutputDecoder(
                Kind.LOG_RATIO_TO_FEATURE, anchorColumn, 1.0, 0.0, factor, checkedFloor(floor));
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite but was " + v);
        }
    }

    private static double checkedFloor(double floor) {
        if (Double.isNaN(floor) || floor == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "floor must be finite or -Infinity (no floor) but was " + floor);
        }
        return floor;
    }

    /** Returns the decoding rule. */
    public Kind kind() {
        return kind;
    }

    /** Returns whether this decoder leaves outputs unchanged. */
    public boolean isIdentity() {
        return kind == Kind.IDENTITY;
    }

    /** Returns the feature column whose raw last-row value is the anchor, if the kind uses one. */
    public Optional<String> anchorColumn() {
        return Optional.ofNullable(anchorColumn);
    }

    /** Returns the multiplier of {@link Kind#LINEAR} (1 otherwise). */
    public double scale() {
        return scale;
    }

    /** Returns the offset of {@link Kind#LINEAR} (0 otherwise). */
    public double shift() {
        return shift;
    }

    /** Returns the factor of {@link Kind#LOG_RATIO_TO_FEATURE} (1 otherwise). */
    public double factor() {
        return factor;
    }

    /** Returns the floor, or {@code Double.NEGATIVE_INFINITY} if there is none. */
    public double floor() {
        return floor;
    }

    /**
     * Decodes one model output.
     *
     * @param output the model's output
     * @param anchor the anchor column's raw value in the window's last row ({@code NaN} or anything
     *     when the kind uses no anchor; it is not read then)
     * @return the decoded value rounded to float
     */
    public float decode(float output, double anchor) {
        switch (kind) {
            case IDENTITY:
                return output;
            case LINEAR:
                return (float) Math.max(floor, scale * output + shift);
            default:
                return (float) Math.max(floor, anchor * Math.exp(output) * factor);
        }
    }

    /** Returns this decoder as JSON (format {@value #FORMAT}). */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("kind", kind.name());
        if (kind == Kind.LINEAR) {
            n.put("scale", scale);
            n.put("shift", shift);
        }
        if (kind == Kind.LOG_RATIO_TO_FEATURE) {
            n.put("anchorColumn", anchorColumn);
            n.put("anchorRead", ANCHOR_READ);
            n.put("factor", factor);
        }
        if (kind != Kind.IDENTITY) {
            if (floor == Double.NEGATIVE_INFINITY) {
                n.putNull("floor");
            } else {
                n.put("floor", floor);
            }
        }
        return n.toString();
    }

    /**
     * Reads a decoder written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the JSON is malformed, of another format, of an unknown
     *     kind, lacks a value the kind needs, records another anchor reading, or holds a value that
     *     breaks its rule (naming it)
     */
    public static OutputDecoder fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(Objects.requireNonNull(json, "json"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "output decoder JSON is malformed: " + e.getMessage(), e);
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(
                    "output decoder format must be " + FORMAT + " but was " + root.path("format"));
        }
        Kind kind = kindOf(root.path("kind").asText());
        switch (kind) {
            case IDENTITY:
                return IDENTITY;
            case LINEAR:
                return linear(number(root, "scale"), number(root, "shift"), floorOf(root));
            default:
                String read = root.path("anchorRead").asText();
                if (!ANCHOR_READ.equals(read)) {
                    throw new IllegalArgumentException(
                            "output decoder anchorRead must be '"
                                    + ANCHOR_READ
                                    + "' but was '"
                                    + read
                                    + "'");
                }
                return logRatioToFeature(
                        text(root, "anchorColumn"), number(root, "factor"), floorOf(root));
        }
    }

    private static Kind kindOf(String name) {
        try {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "output decoder kind must be one of [IDENTITY, LINEAR, LOG_RATIO_TO_FEATURE]"
                            + " but was '"
                            + name
                            + "'",
                    e);
        }
    }

    private static double number(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(
                    "output decoder '" + key + "' must be a number but was " + n);
        }
        return n.doubleValue();
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(
                    "output decoder '" + key + "' must be text but was " + n);
        }
        return n.asText();
    }

    private static double floorOf(JsonNode root) {
        if (!root.has("floor")) {
            throw new IllegalArgumentException("output decoder lacks 'floor' (null for none)");
        }
        return root.get("floor").isNull() ? Double.NEGATIVE_INFINITY : number(root, "floor");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputDecoder d
                && d.kind == kind
                && Objects.equals(d.anchorColumn, anchorColumn)
                && Double.compare(d.scale, scale) == 0
                && Double.compare(d.shift, shift) == 0
                && Double.compare(d.factor, factor) == 0
                && Double.compare(d.floor, floor) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, anchorColumn, scale, shift, factor, floor);
    }

    @Override
    public String toString() {
        switch (kind) {
            case IDENTITY:
                return "identity";
            case LINEAR:
                return "max(" + floor + ", " + scale + " * y + " + shift + ")";
            default:
                return "max(" + floor + ", " + anchorColumn + " * exp(y) * " + factor + ")";
        }
    }
}
