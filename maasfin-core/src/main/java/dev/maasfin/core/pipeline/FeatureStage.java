// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.time.ZoneId;
import java.util.List;

/**
 * The step of a pipeline that turns bars into feature rows, in batch over a whole series and bar by
 * bar, with the same values both ways.
 *
 * <p>Contract: row {@code t} of {@link #compute} uses bars {@code <= t} only (no look-ahead); rows
 * before {@link #warmUp()} may hold {@code NaN}, rows from it on are complete for valid bars; the
 * {@link Streaming} state fed bars {@code 0..t} writes exactly row {@code t} of {@link #compute}.
 * {@link #type()} and {@link #toJson()} let {@link FeatureStages#fromJson} rebuild the stage from a
 * saved pipeline. Implementations are immutable and thread-safe; a {@link Streaming} state is not.
 */
public interface FeatureStage {

    /** Returns the type name under which {@link FeatureStages#fromJson} rebuilds this stage. */
    String type();

    /** Returns the names of the feature columns, in order. */
    List<String> columnNames();

    /** Returns the number of leading rows that may hold {@code NaN} (0 if none). */
    int warmUp();

    /**
     * Computes the feature rows of every bar.
     *
     * @param bars the bars, in time order
     * @return a time-indexed frame with {@link #columnNames()} and one row per bar
     * @throws IllegalArgumentException if a bar is invalid for a feature (naming row and value)
     */
    Frame compute(BarSeries bars);

    /**
     * Returns a new bar-by-bar state.
     *
     * @param zone the time zone calendar features use
     */
    Streaming streaming(ZoneId zone);

    /** Returns this stage's definition as JSON. */
    String toJson();

    /** Bar-by-bar feature state for one instrument. Not thread-safe. */
    interface Streaming {

        /**
         * Adds one bar and writes its feature row into {@code row[0 .. columnNames().size())}.
         *
         * @throws IllegalArgumentException if the bar is invalid or not after the previous one; the
         *     state is unchanged then
         */
        void update(
                long epochMillis,
                double open,
                double high,
                double low,
                double close,
                double volume,
                double[] row);
    }
}
