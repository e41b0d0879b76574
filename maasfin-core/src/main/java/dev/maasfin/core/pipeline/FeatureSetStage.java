// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.core.feature.FeatureSet;
import dev.maasfin.core.feature.StreamingFeatureSet;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A feature stage computing a {@link FeatureSet}: batch through {@link FeatureSet#compute}, bar by
 * bar through {@link FeatureSet#streaming(ZoneId)}, saved as the set's own JSON. Streaming rows
 * equal batch rows to 1e-9 relative (most columns bit for bit), as {@link FeatureSet} documents.
 * Thread-safe: immutable.
 */
final class FeatureSetStage implements FeatureStage {

    static final String TYPE = "feature-set";

    private final FeatureSet set;

    FeatureSetStage(FeatureSet set) {
        this.set = Objects.requireNonNull(set, "featureSet");
    }

    FeatureSet featureSet() {
        return set;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> columnNames() {
        return set.columnNames();
    }

    @Override
    public int warmUp() {
        return set.warmUp();
    }

    @Override
    public Frame compute(BarSeries bars) {
        return set.compute(bars);
    }

    @Override
    public Streaming streaming(ZoneId zone) {
        StreamingFeatureSet s = set.streaming(zone);
        return s::update;
    }

    @Override
    public String toJson() {
        return set.toJson();
    }

    @Override
    public String toString() {
        return TYPE + set.columnNames();
    }
}
