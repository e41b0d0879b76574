// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * How {@link Returns} treats missing prices ({@code NaN}) in its input. Only {@link #FORWARD_FILL}
 * ever turns a missing day into a 0 return, and only because the caller chose it.
 *
 * <p>Thread safety: immutable enum.
 */
public enum MissingPricePolicy {
    /** Default: a return exists only if the price and the price {@code lag} bars back exist. */
    STRICT,
    /**
     * Missing prices are first replaced by the last known price (leading gaps stay missing), so a
     * missing day gets a 0 return and the move lands on the next valid day.
     */
    FORWARD_FILL,
    /**
     * The return on a valid day is taken against the {@code lag}-th previous <em>valid</em> price;
     * a missing day has no return ({@code NaN}).
     */
    SKIP_GAPS
}
