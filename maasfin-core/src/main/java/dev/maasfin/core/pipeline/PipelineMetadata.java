// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Provenance of a fitted pipeline, saved as {@value PipelineLayout#METADATA_JSON}: when and with
 * which software and device it was built, what data and settings produced it, and how it scored on
 * validation data.
 *
 * <p>{@code dataFingerprint} is a {@link DataFingerprint} of the training data. Versions are free
 * text as the libraries report them ({@code "unknown"} when not known). Maps are copied and sorted
 * by key. Thread-safe: immutable.
 *
 * @param createdAt when the pipeline was assembled
 * @param maasfinVersion maasfin version
 * @param djlVersion DJL version
 * @param engine deep-learning engine name (e.g. PyTorch)
 * @param engineVersion engine version
 * @param javaVersion Java runtime version
 * @param os operating system name
 * @param osArch CPU architecture
 * @param device device request the model was built for ({@code cpu}, {@code gpu:0}, ...)
 * @param dataFingerprint SHA-256 fingerprint of the training data (64 hex characters)
 * @param seed the random seed of training
 * @param hyperParameters training and architecture settings, as text
 * @param validationMetrics validation metric name to value
 */
public record PipelineMetadata(
        Instant createdAt,
        String maasfinVersion,
        String djlVersion,
        String engine,
        String engineVersion,
        String javaVersion,
        String os,
        String osArch,
        String device,
        String dataFingerprint,
        long seed,
        Map<String, String> hyperParameters,
        Map<String, Double> validationMetrics) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if {@code dataFingerprint} is not 64 lower-case hex
     *     characters, or a text component is blank
     * @throws NullPointerException if a component is null
     */
    public PipelineMetadata {
        Objects.requireNonNull(createdAt, "createdAt");
        for (String[] f :
                new String[][] {
                    {"maasfinVersion", maasfinVersion},
                    {"djlVersion", djlVersion},
                    {"engine", engine},
                    {"engineVersion", engineVersion},
                    {"javaVersion", javaVersion},
                    {"os", os},
                    {"osArch", osArch},
                    {"device", device}
                }) {
            Objects.requireNonNull(f[1], f[0]);
            if (f[1].isBlank()) {
                throw new IllegalArgumentException(f[0] + " must not be blank");
            }
        }
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        if (!dataFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "dataFingerprint must be 64 lower-case hex characters (SHA-256) but was '"
                            + dataFingerprint
                            + "'");
        }
        hyperParameters = Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
        validationMetrics = Collections.unmodifiableMap(new TreeMap<>(validationMetrics));
    }

    /** Returns this record as JSON (times as ISO-8601 text). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("createdAt", createdAt.toString());
        m.put("maasfinVersion", maasfinVersion);
        m.put("djlVersion", djlVersion);
        m.put("engine", engine);
        m.put("engineVersion", engineVersion);
        m.put("javaVersion", javaVersion);
        m.put("os", os);
        m.put("osArch", osArch);
        m.put("device", device);
        m.put("dataFingerprint", dataFingerprint);
        m.put("seed", seed);
        m.put("hyperParameters", hyperParameters);
        m.put("validationMetrics", validationMetrics);
        return m;
    }

    /**
     * Reads a record written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the JSON is malformed or a component is missing or
     *     invalid (naming it)
     */
    public static PipelineMetadata fromJson(String json) {
        Map<String, Object> m;
        try {
            m = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("metadata JSON is malformed: " + e.getMessage(), e);
        }
        try {
            return new PipelineMetadata(
                    Instant.parse(text(m, "createdAt")),
                    text(m, "maasfinVersion"),
                    text(m, "djlVersion"),
                    text(m, "engine"),
                    text(m, "engineVersion"),
                    text(m, "javaVersion"),
                    text(m, "os"),
                    text(m, "osArch"),
                    text(m, "device"),
                    text(m, "dataFingerprint"),
                    ((Number) Objects.requireNonNull(m.get("seed"), "seed")).longValue(),
                    JSON.convertValue(m.get("hyperParameters"), new TypeReference<>() {}),
                    JSON.convertValue(m.get("validationMetrics"), new TypeReference<>() {}));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("metadata JSON is invalid: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> m, String key) {
        return String.valueOf(Objects.requireNonNull(m.get(key), key));
    }
}
