// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

/** Which close a bar loader puts in the series' close column. Thread-safe: an enum. */
public enum PriceBasis {
    /** The file's close as written; an adjusted-close column, if any, is kept beside it. */
    RAW,
    /**
     * The file's adjusted close (e.g. Yahoo's {@code Adj Close}); open, high and low are scaled by
     * {@code adjClose / close} of the same row so that the bar keeps its shape. The close becomes
     * the adjusted close exactly, and high and low are widened by at most rounding error so that
     * {@code low <= open, close <= high} still holds. Volume is not rescaled. Requires an adjusted
     * close column.
     */
    ADJUSTED
}
