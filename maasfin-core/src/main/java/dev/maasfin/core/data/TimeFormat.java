// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

/**
 * How the time column of a bar file is written.
 *
 * <p>{@link #AUTO} detects the format from the first data row whose time matches exactly one of the
 * others. Times without a zone ({@link #ISO_DATE}, {@link #US_DATE}, {@link #ISO_LOCAL_DATE_TIME})
 * are read in the loader's zone option (UTC by default); a date means the start of that day in that
 * zone. Sub-millisecond digits are truncated, since bar times are epoch milliseconds.
 *
 * <p>Thread-safe: an enum.
 */
public enum TimeFormat {
    /** Detect from the first data row: one of the formats below. */
    AUTO,
    /** {@code YYYY-MM-DD}. */
    ISO_DATE,
    /**
     * US month/day/year, {@code M/D/YYYY} with or without zero padding. Day/month/year files are
     * not detected; they fail on the first day above 12 or read wrongly, so force a format for
     * them.
     */
    US_DATE,
    /**
     * {@code YYYY-MM-DD HH:MM[:SS[.fraction]]} with {@code ' '} or {@code 'T'} between date and
     * time and no zone.
     */
    ISO_LOCAL_DATE_TIME,
    /**
     * An ISO date-time with an explicit offset or zone: {@code 2020-01-02T09:30:00Z}, {@code
     * 2020-01-02 09:30-05:00}, {@code 2020-01-02T09:30-05:00[America/New_York]}.
     */
    ISO_ZONED_DATE_TIME,
    /** Whole seconds since 1970-01-01T00:00Z. Detected for 9 to 11 digits (years 1973 to 5138). */
    EPOCH_SECONDS,
    /**
     * Whole milliseconds since 1970-01-01T00:00Z. Detected for 12 to 14 digits (years 2001 to
     * 5138).
     */
    EPOCH_MILLIS
}
