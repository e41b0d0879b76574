// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.core.feature.FeatureSet;
import java.util.List;
import java.util.Objects;

/**
 * Factories of {@link FeatureStage}s and the lookup that rebuilds a saved one from its type and
 * JSON: {@code bar-columns} ({@link #barColumns}) and {@code feature-set} ({@link
 * #of(FeatureSet)}). Thread-safe: stateless.
 */
public final class FeatureStages {

    private FeatureStages() {}

    /**
     * Returns a stage passing bar columns through, optionally with the close's log return.
     *
     * @param columns names among {@code open, high, low, close, volume, log_return}, in output
     *     order; {@code log_return} is {@code ln(close[t]/close[t-1])}, {@code NaN} at row 0
     * @throws IllegalArgumentException if no column is given or a name is unknown
     */
    public static FeatureStage barColumns(String... columns) {
        return new BarColumnsStage(List.of(columns));
    }

    /**
     * Returns a stage computing a feature set (batch and bar by bar).
     *
     * @param features the feature set
     * @throws NullPointerException if {@code features} is null
     */
    public static FeatureStage of(FeatureSet features) {
        return new FeatureSetStage(features);
    }

    /**
     * Rebuilds a stage saved by a pipeline.
     *
     * @param type the stage's {@link FeatureStage#type()}
     * @param json the stage's {@link FeatureStage#toJson()}
     * @throws IllegalArgumentException if the type is unknown (listing the known ones) or the JSON
     *     is malformed
     */
    public static FeatureStage fromJson(String type, String json) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        if (BarColumnsStage.TYPE.equals(type)) {
            return BarColumnsStage.fromJson(json);
        }
        if (FeatureSetStage.TYPE.equals(type)) {
            return new FeatureSetStage(FeatureSet.fromJson(json));
        }
        throw new IllegalArgumentException(
                "feature stage type must be one of ["
                        + BarColumnsStage.TYPE
                        + ", "
                        + FeatureSetStage.TYPE
                        + "] but was "
                        + type);
    }
}
