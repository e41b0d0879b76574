// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.data;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable, strictly time-ordered OHLCV bars of one instrument, stored as primitive columns.
 *
 * <p>Every bar has a time (epoch milliseconds, UTC), open, high, low and close. Volume is {@code
 * NaN} where the source reported none (for example a zero that the loader was told means "not
 * reported"); an adjusted close is optional for the whole series. The constructor checks the
 * invariants a market data set must hold and names the row and column that breaks one: times
 * strictly increasing, prices finite and {@code > 0}, {@code low <= open, close <= high}, volume
 * {@code >= 0} or {@code NaN}. Missing prices are not representable here: cleaning decides what to
 * do with them before a {@code BarSeries} is built.
 *
 * <p>Column accessors return copies; use the indexed getters or {@link #copyCloses(double[])} on
 * hot paths. Thread-safe: immutable after construction.
 */
public final class BarSeries {
    private final String name;
    private final ZoneId zone;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] adjClose;

    /**
     * Creates a series from columns of equal length; arrays are copied.
     *
     * @param name instrument name, for messages and metadata
     * @param zone the exchange or data time zone, used to derive local dates
     * @param epochMillis bar times in epoch milliseconds, strictly increasing
     * @param open open prices, finite and {@code > 0}
     * @param high high prices, {@code >= max(open, close, low)}
     * @param low low prices, {@code <= min(open, close)}
     * @param close close prices, finite and {@code > 0}
     * @param volume volumes, {@code >= 0}, or {@code NaN} where not reported; may be {@code null}
     *     for "no volume at all"
     * @param adjClose adjusted close prices, or {@code null} when the source has none
     * @throws IllegalArgumentException naming the row and column when an invariant breaks
     */
    public BarSeries(
            String name,
            ZoneId zone,
            long[] epochMillis,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            double[] adjClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.times = Objects.requireNonNull(epochMillis, "epochMillis").clone();
        int n = times.length;
        this.open = copyOfLength(open, "open", n);
        this.high = copyOfLength(high, "high", n);
        this.low = copyOfLength(low, "low", n);
        this.close = copyOfLength(close, "close", n);
        double[] vol = volume == null ? nanArray(n) : copyOfLength(volume, "volume", n);
        this.volume = vol;
        this.adjClose = adjClose == null ? null : copyOfLength(adjClose, "adjClose", n);
        validate();
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] copyOfLength(double[] a, String column, int n) {
        Objects.requireNonNull(a, column);
        if (a.length != n) {
            throw new IllegalArgumentException(
                    column + " has " + a.length + " values but the series has " + n + " times");
        }
        return a.clone();
    }

    private void validate() {
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: row %d: time %s is not after the previous time %s"
                                        + " (times must be strictly increasing)",
                                name,
                                i,
                                Instant.ofEpochMilli(times[i]),
                                Instant.ofEpochMilli(times[i - 1])));
            }
            checkPrice(i, "open", open[i]);
            checkPrice(i, "high", high[i]);
            checkPrice(i, "low", low[i]);
            checkPrice(i, "close", close[i]);
            if (adjClose != null) {
                checkPrice(i, "adjClose", adjClose[i]);
            }
            if (high[i] < low[i]) {
                throw rowError(i, "high", high[i], "must be >= low " + low[i]);
            }
            if (open[i] < low[i] || open[i] > high[i]) {
                throw rowError(
                        i,
                        "open",
                        open[i],
                        "must lie in [low, high] = [" + low[i] + ", " + high[i] + "]");
            }
            if (close[i] < low[i] || close[i] > high[i]) {
                throw rowError(
                        i,
                        "close",
                        close[i],
                        "must lie in [low, high] = [" + low[i] + ", " + high[i] + "]");
            }
            double v = volume[i];
            if (!Double.isNaN(v) && (v < 0 || Double.isInfinite(v))) {
                throw rowError(i, "volume", v, "must be finite and >= 0, or NaN for not reported");
            }
        }
    }

    private void checkPrice(int row, String column, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw rowError(row, column, value, "must be finite and > 0");
        }
    }

    private IllegalArgumentException rowError(int row, String column, double value, String rule) {
        return new IllegalArgumentException(
                String.format(
                        "%s: row %d, column %s: value %s %s", name, row, column, value, rule));
    }

    /** Returns the instrument name given at construction. */
    public String name() {
        return name;
    }

    /** Returns the time zone used to derive local dates from bar times. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns the number of bars. */
    public int size() {
        return times.length;
    }

    /** Returns the time of bar {@code i} in epoch milliseconds. */
    public long epochMillis(int i) {
        return times[i];
    }

    /** Returns the time of bar {@code i}. */
    public Instant time(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    /** Returns bar {@code i}'s open. */
    public double open(int i) {
        return open[i];
    }

    /** Returns bar {@code i}'s high. */
    public double high(int i) {
        return high[i];
    }

    /** Returns bar {@code i}'s low. */
    public double low(int i) {
        return low[i];
    }

    /** Returns bar {@code i}'s close. */
    public double close(int i) {
        return close[i];
    }

    /** Returns bar {@code i}'s volume, {@code NaN} where the source reported none. */
    public double volume(int i) {
        return volume[i];
    }

    /** Returns whether the series carries an adjusted close. */
    public boolean hasAdjustedClose() {
        return adjClose != null;
    }

    /** Returns a copy of the bar times in epoch milliseconds. */
    public long[] epochMillis() {
        return times.clone();
    }

    /** Returns a copy of the open column. */
    public double[] opens() {
        return open.clone();
    }

    /** Returns a copy of the high column. */
    public double[] highs() {
        return high.clone();
    }

    /** Returns a copy of the low column. */
    public double[] lows() {
        return low.clone();
    }

    /** Returns a copy of the close column. */
    public double[] closes() {
        return close.clone();
    }

    /** Returns a copy of the volume column ({@code NaN} where not reported). */
    public double[] volumes() {
        return volume.clone();
    }

    /** Returns a copy of the adjusted close column, if the source had one. */
    public Optional<double[]> adjustedCloses() {
        return adjClose == null ? Optional.empty() : Optional.of(adjClose.clone());
    }

    /**
     * Copies the close column into {@code dst} without allocating.
     *
     * @throws IllegalArgumentException if {@code dst} is shorter than {@link #size()}
     */
    public void copyCloses(double[] dst) {
        if (dst.length < close.length) {
            throw new IllegalArgumentException(
                    "dst length must be >= " + close.length + " but was " + dst.length);
        }
        System.arraycopy(close, 0, dst, 0, close.length);
    }

    /**
     * Returns the bars {@code [from, to)} as a new series.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size()]}
     */
    public BarSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new BarSeries(
                name,
                zone,
                Arrays.copyOfRange(times, from, to),
                Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to),
                adjClose == null ? null : Arrays.copyOfRange(adjClose, from, to));
    }

    @Override
    public String toString() {
        if (times.length == 0) {
            return "BarSeries[" + name + ", empty]";
        }
        return "BarSeries["
                + name
                + ", "
                + size()
                + " bars, "
                + time(0)
                + " .. "
                + time(size() - 1)
                + "]";
    }
}
