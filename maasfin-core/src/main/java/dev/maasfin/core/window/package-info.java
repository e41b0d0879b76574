// SPDX-License-Identifier: Apache-2.0
/**
 * Sliding windows for sequence models: {@link dev.maasfin.core.window.SlidingWindows} builds an
 * immutable {@link dev.maasfin.api.window.WindowedDataset} view over one feature matrix, with the
 * label chosen by a {@link dev.maasfin.core.window.WindowTarget}; inputs use rows {@code <= end(i)}
 * and labels only rows {@code end(i)+1 .. end(i)+horizon}.
 */
package dev.maasfin.core.window;
