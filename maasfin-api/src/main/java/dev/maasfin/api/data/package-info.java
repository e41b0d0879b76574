// SPDX-License-Identifier: Apache-2.0
/**
 * Immutable, columnar data: {@link dev.maasfin.api.data.BarSeries} for OHLCV bars of one instrument
 * and {@link dev.maasfin.api.data.Frame} for named numeric columns.
 */
package dev.maasfin.api.data;
