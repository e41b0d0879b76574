// SPDX-License-Identifier: Apache-2.0
/**
 * Loading and validating market and tabular data from CSV files.
 *
 * <p>{@link dev.maasfin.core.data.DataDirectory} finds the shared data directory; {@link
 * dev.maasfin.core.data.BarCsvLoader} reads OHLCV files into a {@link
 * dev.maasfin.api.data.BarSeries}; {@link dev.maasfin.core.data.TableCsvLoader} reads numeric and
 * categorical tables into a {@link dev.maasfin.core.data.Table}. Bad data fails with a {@link
 * dev.maasfin.core.data.DataFormatException} naming file, line, column and value; a lenient mode
 * repairs what it can and lists every repair in a {@link dev.maasfin.core.data.LoadReport}. Nothing
 * here prints or logs per row.
 */
package dev.maasfin.core.data;
