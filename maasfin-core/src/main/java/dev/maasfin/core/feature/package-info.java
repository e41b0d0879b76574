// SPDX-License-Identifier: Apache-2.0
/**
 * Financial features computed from bars: returns, moving averages, oscillators, bands, ranges,
 * volume and volatility indicators, and calendar flags.
 *
 * <p>Three layers: (1) fast batch functions over primitive arrays, one small class per indicator
 * ({@link dev.maasfin.core.feature.Sma}, {@link dev.maasfin.core.feature.Rsi}, ...) with a {@code
 * warmUp} query, plus the {@link dev.maasfin.core.feature.Indicators} facade; (2) O(1)
 * allocation-free streams for incremental updates; (3) the declarative {@link
 * dev.maasfin.core.feature.FeatureSet} of {@link dev.maasfin.core.feature.FeatureSpec}s, saved as
 * JSON with a model and recomputed identically in batch ({@code Frame}) or bar by bar ({@link
 * dev.maasfin.core.feature.StreamingFeatureSet}).
 *
 * <p>Conventions (TA-Lib unless a named option says otherwise): SMA-seeded EMA, Wilder RSI and ATR,
 * population-sd Bollinger bands, MACD 12/26/9 with TA-Lib's fast-EMA start, sample-sd realised
 * volatility annualised by 252. Outputs before the warm-up are {@code NaN}, never 0; a feature at
 * bar {@code t} uses bars {@code <= t} only.
 */
package dev.maasfin.core.feature;
