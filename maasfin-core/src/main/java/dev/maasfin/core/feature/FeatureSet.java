// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A declarative, ordered set of features: named once (in code through {@link #builder()} or in
 * JSON), saved with a model, and recomputed identically at scoring time.
 *
 * <p>{@link #columnNames()} is the concatenation of each spec's columns in the order the features
 * were added; names are deterministic functions of the parameters (e.g. {@code "rsi_14"}, {@code
 * "macd_12_26_9.signal"}) and must be unique. {@link #warmUp()} is the largest warm-up: from that
 * row on, every column of a clean series is a number. {@link #compute(BarSeries)} gives a
 * time-indexed {@link Frame}; {@link #streaming()} gives a bar-by-bar form with the same values (to
 * 1e-9 relative; most columns bit-identical). JSON ({@link #toJson()}, {@link #fromJson}) is {@code
 * {"formatVersion":1,"features":[{"type":"rsi","period":14}, ...]}}; a loaded set equals the saved
 * one.
 *
 * <p>Thread safety: immutable and thread-safe; each {@link #streaming()} call returns a new,
 * single-threaded state.
 */
@JsonPropertyOrder({"formatVersion", "features"})
public final class FeatureSet {
    /** The JSON format version written by {@link #toJson()}. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final List<FeatureSpec> features;
    private final List<String> columnNames;
    private final int warmUp;

    private FeatureSet(List<FeatureSpec> features) {
        this.features = List.copyOf(features);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int maxWarmUp = 0;
        for (FeatureSpec f : this.features) {
            for (String name : f.columnNames()) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(
                            "column '" + name + "' appears twice; each feature must be unique");
                }
                names.add(name);
            }
            maxWarmUp = Math.max(maxWarmUp, f.warmUp());
        }
        this.columnNames = Collections.unmodifiableList(names);
        this.warmUp = maxWarmUp;
    }

    /**
     * Creates a set from specs in order.
     *
     * @throws IllegalArgumentException if there are none, one is null or two share a column
     */
    public static FeatureSet of(FeatureSpec... features) {
        Builder b = builder();
        for (FeatureSpec f : Objects.requireNonNull(features, "features")) {
            b.add(f);
        }
        return b.build();
    }

    @JsonCreator
    static FeatureSet fromJsonFields(
            @JsonProperty("formatVersion") Integer formatVersion,
            @JsonProperty("features") List<FeatureSpec> features) {
        if (formatVersion != null && formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "formatVersion must be " + FORMAT_VERSION + " but was " + formatVersion);
        }
        if (features == null) {
            throw new IllegalArgumentException("features is missing");
        }
        return of(features.toArray(new FeatureSpec[0]));
    }

    /** Returns a builder that collects features in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the JSON format version. */
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** Returns the feature definitions in order (unmodifiable). */
    @JsonProperty("features")
    public List<FeatureSpec> features() {
        return features;
    }

    /** Returns the output column names in order (unmodifiable). */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Returns the number of output columns. */
    public int columnCount() {
        return columnNames.size();
    }

    /** Returns the largest warm-up of the features: rows before it hold some {@code NaN}. */
    public int warmUp() {
        return warmUp;
    }

    /**
     * Computes every feature over {@code bars}.
     *
     * @return a time-indexed frame with {@link #columnNames()} in order and one row per bar
     * @throws IllegalArgumentException if a volume-based feature meets a bar without volume
     */
    public Frame compute(BarSeries bars) {
        Objects.requireNonNull(bars, "bars");
        Bars b = Bars.of(bars);
        int n = bars.size();
        double[][] out = new double[columnNames.size()][n];
        double[] scratch = new double[n];
        int col = 0;
        for (FeatureSpec f : features) {
            FeatureKernels.Kernel k = FeatureKernels.of(f);
            if (k.needsVolume) {
                checkVolume(f, bars);
            }
            k.batch.compute(b, n, out, col, scratch);
            col += f.columnCount();
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < out.length; c++) {
            columns.put(columnNames.get(c), out[c]);
        }
        return Frame.of(b.times, columns);
    }

    private static void checkVolume(FeatureSpec f, BarSeries bars) {
        for (int i = 0; i < bars.size(); i++) {
            if (Double.isNaN(bars.volume(i))) {
                throw new IllegalArgumentException(
                        String.format(
                                "feature %s needs volume but %s row %d (%s) has none (NaN)",
                                f.baseName(), bars.name(), i, bars.time(i)));
            }
        }
    }

    /**
     * Returns a new bar-by-bar state for this set, for sets without calendar features.
     *
     * @throws IllegalStateException if the set has a calendar feature, which needs a zone: use
     *     {@link #streaming(ZoneId)}
     */
    public StreamingFeatureSet streaming() {
        for (FeatureSpec f : features) {
            if (FeatureKernels.of(f).needsZone) {
                throw new IllegalStateException(
                        "feature "
                                + f.baseName()
                                + " needs a time zone; call streaming(ZoneId) instead");
            }
        }
        return new StreamingFeatureSet(this, ZoneId.of("UTC"));
    }

    /**
     * Returns a new bar-by-bar state for this set; calendar features use {@code zone}.
     *
     * @throws NullPointerException if {@code zone} is null
     */
    public StreamingFeatureSet streaming(ZoneId zone) {
        return new StreamingFeatureSet(this, Objects.requireNonNull(zone, "zone"));
    }

    /** Returns this definition as JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write feature set as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a definition written by {@link #toJson()} (or by hand in the same shape).
     *
     * @throws IllegalArgumentException naming the problem if the JSON is malformed, names an
     *     unknown feature type or holds an invalid parameter
     */
    public static FeatureSet fromJson(String json) {
        try {
            return JSON.readValue(Objects.requireNonNull(json, "json"), FeatureSet.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(
                    "invalid feature set JSON: " + cause.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSet && ((FeatureSet) o).features.equals(features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSet" + columnNames;
    }

    /**
     * Collects features in order; {@link #build()} rejects an empty set and duplicate columns. Not
     * thread-safe.
     */
    public static final class Builder {
        private final List<FeatureSpec> features = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a feature after those already added.
         *
         * @throws NullPointerException if {@code feature} is null
         */
        public Builder add(FeatureSpec feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        /**
         * Returns the feature set.
         *
         * @throws IllegalArgumentException if no feature was added or two features share a column
         */
        public FeatureSet build() {
            if (features.isEmpty()) {
                throw new IllegalArgumentException(
                        "features is empty; a feature set needs at least one feature");
            }
            return new FeatureSet(features);
        }
    }
}
