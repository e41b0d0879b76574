// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Where MACD's fast EMA starts; see {@link Macd}. Both modes give the MACD line from index {@code
 * slow - 1} and the signal from {@code slow + signal - 2}; they differ only in the fast EMA's seed,
 * and the difference decays by {@code (1 - 2/(fast+1))} per bar.
 *
 * <p>Thread safety: immutable enum.
 */
public enum MacdStart {
    /**
     * TA-Lib (default): the fast EMA is seeded late, at index {@code slow - 1}, with the mean of
     * inputs {@code slow - fast .. slow - 1}, so both EMAs start on the same bar.
     */
    TA_LIB,
    /**
     * Two independent SMA-seeded EMAs: the fast EMA is seeded at {@code fast - 1} with the mean of
     * the first {@code fast} inputs (as Stock Indicators for .NET and ta4j-style EMA differences).
     */
    INDEPENDENT
}
