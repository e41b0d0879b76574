// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Which standard deviation a rolling window uses.
 *
 * <p>Thread safety: immutable enum.
 */
public enum Deviation {
    /** Divide by {@code n} (TA-Lib {@code STDDEV}, Bollinger's definition); the default. */
    POPULATION,
    /** Divide by {@code n - 1} (pandas {@code std()} default); needs a window of at least 2. */
    SAMPLE;

    int ddof() {
        return this == SAMPLE ? 1 : 0;
    }

    int checkPeriod(int period) {
        Checks.period("period", period);
        if (this == SAMPLE && period < 2) {
            throw new IllegalArgumentException(
                    "period must be >= 2 for a sample standard deviation but was " + period);
        }
        return period;
    }
}
