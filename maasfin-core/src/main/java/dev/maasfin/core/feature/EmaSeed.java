// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * How an exponential moving average starts; see {@link Ema}.
 *
 * <p>Thread safety: immutable enum.
 */
public enum EmaSeed {
    /**
     * TA-Lib (default): the first value, at index {@code period - 1}, is the simple mean of the
     * first {@code period} inputs; then {@code e += alpha * (x - e)}.
     */
    SMA,
    /**
     * MetaStock style, pandas {@code ewm(adjust=False)}: {@code e_0 = x_0}, then the same
     * recursion; values from index 0 (no warm-up).
     */
    FIRST_VALUE,
    /**
     * pandas {@code ewm(adjust=True)}: normalised weights, {@code sum((1-alpha)^i x_{t-i}) /
     * sum((1-alpha)^i)} over all values so far; values from index 0 (no warm-up).
     */
    ADJUSTED
}
