// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.core.feature.FeatureSet;
import java.util.List;
import java.util.Objects;

/**
 * Factories of {@link FeatureStage}s and the lookup that rebuilds a saved one from its type and
 * JSON: {@code bar-columns} ({@link #barColumns}), {@code feature-set} ({@link #of(FeatureSet)}),
 * {@code realised-volatility} ({@link #realisedVolatility}) and {@code feature-rows} ({@link
 * #featureRows}). Thread-safe: stateless.
 */
public final class FeatureStages {

    /** The {@link FeatureStage#type()} of {@link #featureRows} stages. */
    public static final String FEATURE_ROWS = FeatureRowsStage.TYPE;

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
     * Returns a stage of daily realised-volatility features: the close's log return, its absolute
     * value and the sample sds of the last {@code shortWindow} and {@code longWindow} log returns,
     * on a linear or log scale. Warm-up {@code longWindow} rows; streaming rows equal batch rows
     * bit for bit. With {@code (5, 20, LOG, 0.001)} the values are the evaluation protocol's
     * volatility features r, ln(|r| + 0.001), ln rv5, ln rv20 of the return ending at each bar.
     *
     * @param shortWindow returns in the short sd, {@code >= 2}
     * @param longWindow returns in the long sd, {@code > shortWindow}
     * @param scale linear values or natural logs (column names {@code log_return, abs_return, rv5,
     *     rv20} or {@code log_return, ln_abs_return, ln_rv5, ln_rv20} for windows 5 and 20)
     * @param offset added to {@code |r|} inside the log on the log scale (saved, unused on the
     *     linear scale), finite and {@code > 0}
     * @throws IllegalArgumentException if a window or the offset breaks its rule (naming it)
     * @throws NullPointerException if {@code scale} is null
     */
    public static FeatureStage realisedVolatility(
            int shortWindow, int longWindow, VolatilityScale scale, double offset) {
        return new RealisedVolatilityStage(shortWindow, longWindow, scale, offset);
    }

    /**
     * Returns the stage of a tabular pipeline, whose input is feature rows rather than bars (card
     * transactions, credit applicants): it names the columns, in model order, and computes nothing.
     * Warm-up 0. Such a pipeline is scored with {@code score(Frame)} or windows of one row; its
     * {@link FeatureStage#compute} and {@link FeatureStage#streaming} refuse bars with an {@link
     * IllegalArgumentException} saying that the pipeline takes feature rows and naming the columns.
     *
     * @param columns the feature column names in model order, non-blank and distinct
     * @throws IllegalArgumentException if no column is given, or a name is blank or repeated
     */
    public static FeatureStage featureRows(String... columns) {
        return new FeatureRowsStage(List.of(columns));
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
        if (RealisedVolatilityStage.TYPE.equals(type)) {
            return RealisedVolatilityStage.fromJson(json);
        }
        if (FeatureRowsStage.TYPE.equals(type)) {
            return FeatureRowsStage.fromJson(json);
        }
        throw new IllegalArgumentException(
                "feature stage type must be one of ["
                        + BarColumnsStage.TYPE
                        + ", "
                        + FeatureSetStage.TYPE
                        + ", "
                        + RealisedVolatilityStage.TYPE
                        + ", "
                        + FeatureRowsStage.TYPE
                        + "] but was "
                        + type);
    }
}
