// SPDX-License-Identifier: Apache-2.0
/** Whole-series descriptive statistics of a price history: returns, volatility, drawdown. */
package dev.maasfin.core.stats;
