// SPDX-License-Identifier: Apache-2.0
/**
 * Leakage-free partitions into {@link dev.maasfin.api.split.Split}s: {@link
 * dev.maasfin.core.split.ChronologicalSplit} (by fractions or cut times), {@link
 * dev.maasfin.core.split.WalkForward} (expanding or rolling folds, train always before test) and
 * {@link dev.maasfin.core.split.PurgedKFold} (purging and embargo for overlapping labels).
 */
package dev.maasfin.core.split;
