// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Loads an OHLCV CSV file into a {@link BarSeries}, validating every row.
 *
 * <p>Format: a header line, then one bar per line. Headers are matched ignoring case, spaces and
 * punctuation (see {@link BarColumn}); {@code time, open, high, low, close} are required, {@code
 * volume} and {@code adj close} optional; other columns are ignored. A UTF-8 byte-order mark and
 * blank lines are skipped. Times: see {@link TimeFormat}; by default the format is detected from
 * the first data row and zone-less times are read in UTC ({@link Builder#optZone(ZoneId)} changes
 * that, e.g. {@code America/New_York} for US intraday bars; the zone is also the series' zone).
 *
 * <p>Validation ({@link LoadMode#STRICT}, the default) fails on the first problem with a {@link
 * DataFormatException} naming file, 1-based line, column and value: a value that is not a number,
 * NaN or infinite; a price {@code <= 0}; {@code high < low}; open or close outside {@code [low,
 * high]}; a negative volume; a time that does not parse or is not after the previous row's time
 * (unsorted or duplicate); a row with a different number of fields than the header; a missing
 * required column (the message lists the headers found); two headers equal after normalisation; a
 * file with no data rows. In every mode, bytes that are not valid UTF-8 and a quoted field left
 * unterminated fail with a {@link DataFormatException} naming the file (for bad bytes the line is
 * not exact, as decoding reads ahead). An empty volume field means "not reported" ({@code NaN}).
 * {@link LoadMode#LENIENT} repairs instead, see there.
 *
 * <p>Zero volumes follow {@link ZeroVolume} (default {@link ZeroVolume#LEADING_AS_MISSING}); the
 * close follows {@link PriceBasis} (default {@link PriceBasis#RAW}).
 *
 * <p>Performance: one pass over the file with Commons CSV; values go straight into primitive
 * columns that double in size when full; no object per bar beyond the parser's record, except that
 * {@link TimeFormat#ISO_ZONED_DATE_TIME} parses through {@code ZonedDateTime}. Limits: only
 * comma-separated UTF-8; quoted fields spanning lines are read, but such a record's line is where
 * it starts; day/month/year dates, fractional epoch seconds and split date and time columns are not
 * supported; {@code Double.parseDouble} syntax is accepted for numbers (so {@code 1e3} and {@code
 * 0x1p3} parse).
 *
 * <p>Thread-safe: immutable; each load uses its own state, so one loader may serve many threads.
 */
public final class BarCsvLoader {
    private final TimeFormat timeFormat;
    private final ZoneId zone;
    private final PriceBasis priceBasis;
    private final ZeroVolume zeroVolume;
    private final LoadMode mode;
    private final String name;
    private final Map<BarColumn, String> headerOverrides;

    private BarCsvLoader(Builder b) {
        this.timeFormat = b.timeFormat;
        this.zone = b.zone;
        this.priceBasis = b.priceBasis;
        this.zeroVolume = b.zeroVolume;
        this.mode = b.mode;
        this.name = b.name;
        this.headerOverrides = new EnumMap<>(b.headerOverrides);
    }

    /**
     * Returns a builder with the defaults: AUTO time format, UTC, RAW, LEADING_AS_MISSING, STRICT.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a loader with every default (see {@link #builder()}). */
    public static BarCsvLoader defaults() {
        return builder().build();
    }

    /**
     * Loads a file and returns the series only.
     *
     * @param file a UTF-8 CSV file
     * @return the bars, named after the file (without extension) unless a name was set
     * @throws DataFormatException naming file, line, column and value when a rule breaks
     * @throws IOException if the file cannot be read
     */
    public BarSeries load(Path file) throws IOException {
        return loadWithReport(file).data();
    }

    /**
     * Loads a file and returns the series with the load report.
     *
     * @param file a UTF-8 CSV file
     * @return the bars and the report (rows read and kept, zero volumes made missing, repairs)
     * @throws DataFormatException naming file, line, column and value when a rule breaks
     * @throws IOException if the file cannot be read
     */
    public LoadResult<BarSeries> loadWithReport(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (CsvRows rows = CsvRows.open(file)) {
            return new BarFileRead(this, rows, seriesName(file.getFileName().toString())).run();
        }
    }

    /**
     * Loads CSV text from a reader (closed when done) and returns the series with the load report.
     *
     * @param reader the CSV text
     * @param sourceName names the source in messages and, unless a name was set, the series
     * @throws DataFormatException naming source, line, column and value when a rule breaks
     * @throws IOException if reading fails
     */
    public LoadResult<BarSeries> loadWithReport(Reader reader, String sourceName)
            throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        try (CsvRows rows = CsvRows.open(reader, sourceName)) {
            return new BarFileRead(this, rows, seriesName(sourceName)).run();
        }
    }

    private String seriesName(String fileName) {
        if (name != null) {
            return name;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    TimeFormat timeFormat() {
        return timeFormat;
    }

    ZoneId zone() {
        return zone;
    }

    PriceBasis priceBasis() {
        return priceBasis;
    }

    ZeroVolume zeroVolume() {
        return zeroVolume;
    }

    LoadMode mode() {
        return mode;
    }

    Map<BarColumn, String> headerOverrides() {
        return headerOverrides;
    }

    /**
     * Options for a {@link BarCsvLoader}; every option has a default, so {@code build()} always
     * succeeds. Not thread-safe.
     */
    public static final class Builder {
        private TimeFormat timeFormat = TimeFormat.AUTO;
        private ZoneId zone = ZoneOffset.UTC;
        private PriceBasis priceBasis = PriceBasis.RAW;
        private ZeroVolume zeroVolume = ZeroVolume.LEADING_AS_MISSING;
        private LoadMode mode = LoadMode.STRICT;
        private String name;
        private final Map<BarColumn, String> headerOverrides = new EnumMap<>(BarColumn.class);

        private Builder() {}

        /** Forces the time format; default {@link TimeFormat#AUTO}. */
        public Builder optTimeFormat(TimeFormat format) {
            this.timeFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Sets the zone for times written without one, and the series' zone; default UTC. */
        public Builder optZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Chooses raw or adjusted close; default {@link PriceBasis#RAW}. */
        public Builder optPriceBasis(PriceBasis basis) {
            this.priceBasis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        /** Chooses what a zero volume means; default {@link ZeroVolume#LEADING_AS_MISSING}. */
        public Builder optZeroVolume(ZeroVolume policy) {
            this.zeroVolume = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Chooses strict validation or lenient repair; default {@link LoadMode#STRICT}. */
        public Builder optMode(LoadMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Names the series; default the file name without its extension. */
        public Builder optName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Maps a column to a header that the built-in names do not recognise.
         *
         * @param column the bar column
         * @param header the header text (matched ignoring case, spaces and punctuation)
         * @throws IllegalArgumentException if {@code header} has no letter or digit
         */
        public Builder optHeader(BarColumn column, String header) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(header, "header");
            if (BarColumn.normalise(header).isEmpty()) {
                throw new IllegalArgumentException(
                        "header for "
                                + column
                                + " must contain a letter or digit but was '"
                                + header
                                + "'");
            }
            headerOverrides.put(column, header);
            return this;
        }

        /** Returns the loader. */
        public BarCsvLoader build() {
            return new BarCsvLoader(this);
        }
    }
}
