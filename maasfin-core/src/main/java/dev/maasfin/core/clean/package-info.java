// SPDX-License-Identifier: Apache-2.0
/**
 * Cleaning numeric data: missing values ({@link dev.maasfin.core.clean.MissingValues}), outliers as
 * transforms fitted on training data only ({@link dev.maasfin.core.clean.QuantileClip}, {@link
 * dev.maasfin.core.clean.MadWinsorise}) and calendar gaps reported, never filled ({@link
 * dev.maasfin.core.clean.CalendarGaps}).
 */
package dev.maasfin.core.clean;
