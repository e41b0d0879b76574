// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

/**
 * What a volume of exactly zero means in a bar file.
 *
 * <p>Vendors often write 0 where they did not report volume (the S&amp;P 500 file has 0 on every
 * row before 1998-10-06). A missing volume is stored as {@code NaN} in the {@link
 * dev.maasfin.api.data.BarSeries}; the {@link LoadReport} counts the rows affected. Thread-safe: an
 * enum.
 */
public enum ZeroVolume {
    /**
     * The default: zeros from the first bar up to the first non-zero volume are "not reported"
     * ({@code NaN}); later zeros are kept as real zero volume (a bar with no trades).
     */
    LEADING_AS_MISSING,
    /** Every zero volume is "not reported" ({@code NaN}). */
    AS_MISSING,
    /** Zeros are kept as zero. */
    AS_ZERO
}
