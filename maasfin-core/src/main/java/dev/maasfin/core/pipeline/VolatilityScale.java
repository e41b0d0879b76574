// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

/**
 * How the realised-volatility stage ({@link FeatureStages#realisedVolatility}) presents the
 * absolute return and the two sample sds. Thread-safe: an enum.
 */
public enum VolatilityScale {
    /** {@code |r|}, {@code rv<short>}, {@code rv<long>} as they are, in return units. */
    LINEAR,
    /**
     * {@code ln(|r| + offset)}, {@code ln rv<short>}, {@code ln rv<long>}: tames the heavy right
     * tail of volatility (crash days otherwise sit many sds above the mean).
     */
    LOG
}
