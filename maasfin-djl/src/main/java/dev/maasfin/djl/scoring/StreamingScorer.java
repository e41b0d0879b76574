// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.core.pipeline.FeatureStage;
import dev.maasfin.djl.pipeline.Pipeline;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Bar-by-bar scoring for one instrument: feed each new bar, get the prediction for the window that
 * ends at it.
 *
 * <p>The feature stage's incremental state computes the new bar's feature row in O(1); a ring
 * buffer keeps the last {@code window} rows, so nothing is recomputed over the window. The window
 * is then scored through the owning {@link Scorer} (schema check, transforms, model, output
 * decoder), the same path as {@link Scorer#score(double[][])}, so bar-by-bar predictions equal
 * batch predictions of the same windows whenever the stage's streaming rows equal its batch rows.
 * No prediction is made until {@code warmUp + window} bars have arrived. If the scorer swaps to a
 * version with other features or another window, {@link #onBar} throws {@link
 * IllegalStateException}: build a new streaming scorer and replay history.
 *
 * <p>Not thread-safe: one instance per instrument and thread (the owning scorer is thread-safe).
 */
public final class StreamingScorer {

    private final Scorer scorer;
    private final String featureKey;
    private final FeatureStage.Streaming state;
    private final int window;
    private final long readyAt;
    private final double[][] ring;
    private final double[][] ordered;
    private int next;
    private long count;

    StreamingScorer(Scorer scorer, Pipeline pipeline, String featureKey, ZoneId zone) {
        this.scorer = scorer;
        this.featureKey = featureKey;
        this.state = pipeline.features().streaming(zone);
        this.window = pipeline.window();
        this.readyAt = (long) pipeline.features().warmUp() + window;
        int width = pipeline.schema().size();
        this.ring = new double[window][width];
        this.ordered = new double[window][];
    }

    /**
     * Adds one bar and scores the window ending at it.
     *
     * @param epochMillis bar time, after the previous bar's
     * @param volume the bar's volume, or {@code NaN} if the features do not need it
     * @return the prediction, or empty while fewer than {@code warmUp + window} bars have arrived
     * @throws IllegalArgumentException if the bar is invalid (the state is unchanged then) or the
     *     window fails the schema (the bar is kept)
     * @throws IllegalStateException if the scorer is closed or now serves other features
     */
    public Optional<Prediction> onBar(
            long epochMillis, double open, double high, double low, double close, double volume) {
        state.update(epochMillis, open, high, low, close, volume, ring[next]);
        next = next + 1 == window ? 0 : next + 1;
        count++;
        if (count < readyAt) {
            return Optional.empty();
        }
        for (int k = 0; k < window; k++) {
            int i = next + k;
            ordered[k] = ring[i >= window ? i - window : i];
        }
        return Optional.of(scorer.scoreStreaming(ordered, featureKey, window));
    }

    /** Returns the number of bars accepted. */
    public long count() {
        return count;
    }

    /** Returns whether the next bar will produce a prediction. */
    public boolean isReady() {
        return count + 1 >= readyAt;
    }
}
