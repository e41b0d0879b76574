// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The feature stage of a tabular pipeline: its input is feature rows (one transaction or applicant
 * per row, named columns), there are no bars, so it computes nothing and refuses bars in batch and
 * bar by bar. Warm-up 0.
 *
 * <p>JSON form: {@code {"columns":["Time","V1",...]}}. Thread-safe: immutable.
 */
final class FeatureRowsStage implements FeatureStage {

    static final String TYPE = "feature-rows";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;

    FeatureRowsStage(List<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a feature-rows stage needs at least one column");
        }
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        "feature-rows column " + c + " must be a non-blank name but was " + name);
            }
            if (columns.indexOf(name) != c) {
                throw new IllegalArgumentException(
                        "feature-rows column '"
                                + name
                                + "' appears twice (columns "
                                + columns
                                + ")");
            }
        }
        this.columns = List.copyOf(columns);
    }

    static FeatureRowsStage fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(TYPE + " JSON is malformed: " + e.getMessage(), e);
        }
        JsonNode names = root == null ? null : root.get("columns");
        if (names == null || !names.isArray()) {
            throw new IllegalArgumentException(
                    TYPE + " JSON must hold a \"columns\" array but was " + json);
        }
        List<String> cols = new ArrayList<>();
        names.forEach(n -> cols.add(n.isTextual() ? n.asText() : null));
        return new FeatureRowsStage(cols);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> columnNames() {
        return columns;
    }

    @Override
    public int warmUp() {
        return 0;
    }

    /**
     * Refuses bars.
     *
     * @throws IllegalArgumentException always, saying that this pipeline takes feature rows
     */
    @Override
    public Frame compute(BarSeries bars) {
        throw refusal();
    }

    /**
     * Refuses bar-by-bar scoring.
     *
     * @throws IllegalArgumentException always, saying that this pipeline takes feature rows
     */
    @Override
    public Streaming streaming(ZoneId zone) {
        throw refusal();
    }

    private IllegalArgumentException refusal() {
        return new IllegalArgumentException(
                "this pipeline takes feature rows with columns "
                        + columns
                        + ", not bars: score a Frame or windows of one row instead");
    }

    @Override
    public String toJson() {
        return JSON.createObjectNode().set("columns", JSON.valueToTree(columns)).toString();
    }

    @Override
    public String toString() {
        return TYPE + columns;
    }
}
