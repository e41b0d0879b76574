// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Bar-by-bar form of a {@link FeatureSet}: each {@link #update} takes one bar and fills a
 * caller-provided row with the set's columns, in {@link FeatureSet#columnNames()} order, equal to
 * the batch values at that bar (to 1e-9 relative).
 *
 * <p>SMA, EMA, RSI, MACD, Bollinger, ATR, true range, OBV and the calendar features update in O(1);
 * finite-window features (WMA, stochastic, Williams %R, CCI, MFI, ROC, momentum, rolling sd,
 * z-score, volatility, max drawdown, returns) recompute their last {@code warmUp + 1} bars,
 * O(window) per bar. No update allocates. Bars are validated as {@link
 * dev.maasfin.api.data.BarSeries} does: times strictly increasing, prices finite and {@code > 0},
 * {@code low <= open, close <= high}, volume {@code >= 0} or {@code NaN} (rejected by volume-based
 * features).
 *
 * <p>Thread safety: not thread-safe; use one instance per instrument and thread.
 */
public final class StreamingFeatureSet {
    private final FeatureSet set;
    private final FeatureStream[] streams;
    private final int[] offsets;
    private final boolean[] needsVolume;
    private final String[] names;
    private long count;
    private long lastTime = Long.MIN_VALUE;

    StreamingFeatureSet(FeatureSet set, ZoneId zone) {
        this.set = set;
        List<FeatureSpec> features = set.features();
        int n = features.size();
        this.streams = new FeatureStream[n];
        this.offsets = new int[n];
        this.needsVolume = new boolean[n];
        this.names = new String[n];
        int col = 0;
        for (int i = 0; i < n; i++) {
            FeatureKernels.Kernel k = FeatureKernels.of(features.get(i));
            streams[i] = k.newStream(zone);
            offsets[i] = col;
            needsVolume[i] = k.needsVolume;
            names[i] = features.get(i).baseName();
            col += features.get(i).columnCount();
        }
    }

    /** Returns the feature set this state computes. */
    public FeatureSet featureSet() {
        return set;
    }

    /** Returns the number of bars accepted so far. */
    public long count() {
        return count;
    }

    /** Returns whether every column is defined from the latest bar on (warm-up is over). */
    public boolean isWarmedUp() {
        return count > set.warmUp();
    }

    /**
     * Adds one bar and writes the features at it into {@code row[0 .. columnCount)}.
     *
     * @param epochMillis bar time, after the previous bar's
     * @param volume volume, {@code >= 0}, or {@code NaN} if not reported
     * @param row destination, at least {@link FeatureSet#columnCount()} long
     * @throws IllegalArgumentException naming the bar and value if the bar breaks a rule above, or
     *     if {@code row} is too short; the state is unchanged then
     */
    public void update(
            long epochMillis,
            double open,
            double high,
            double low,
            double close,
            double volume,
            double[] row) {
        check(epochMillis, open, high, low, close, volume, row);
        for (int i = 0; i < streams.length; i++) {
            streams[i].update(epochMillis, open, high, low, close, volume, row, offsets[i]);
        }
        lastTime = epochMillis;
        count++;
    }

    private void check(
            long time,
            double open,
            double high,
            double low,
            double close,
            double volume,
            double[] row) {
        Objects.requireNonNull(row, "row");
        if (row.length < set.columnCount()) {
            throw new IllegalArgumentException(
                    "row length must be >= " + set.columnCount() + " but was " + row.length);
        }
        if (time <= lastTime) {
            throw new IllegalArgumentException(
                    "bar "
                            + count
                            + ": time "
                            + Instant.ofEpochMilli(time)
                            + " is not after the previous time "
                            + Instant.ofEpochMilli(lastTime));
        }
        price("open", open);
        price("high", high);
        price("low", low);
        price("close", close);
        if (high < low || open < low || open > high || close < low || close > high) {
            throw new IllegalArgumentException(
                    "bar "
                            + count
                            + ": open "
                            + open
                            + " and close "
                            + close
                            + " must lie in [low, high] = ["
                            + low
                            + ", "
                            + high
                            + "]");
        }
        checkVolume(volume);
    }

    private void price(String column, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(
                    "bar " + count + ": " + column + " " + value + " must be finite and > 0");
        }
    }

    private void checkVolume(double volume) {
        if (Double.isNaN(volume)) {
            for (int i = 0; i < names.length; i++) {
                if (needsVolume[i]) {
                    throw new IllegalArgumentException(
                            "bar "
                                    + count
                                    + ": feature "
                                    + names[i]
                                    + " needs volume but it is NaN (not reported)");
                }
            }
        } else if (volume < 0 || Double.isInfinite(volume)) {
            throw new IllegalArgumentException(
                    "bar " + count + ": volume " + volume + " must be finite and >= 0, or NaN");
        }
    }
}
