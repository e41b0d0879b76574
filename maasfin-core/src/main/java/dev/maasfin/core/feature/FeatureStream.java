// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/** One feature's incremental state: takes a bar and writes its columns into a row. */
@FunctionalInterface
interface FeatureStream {
    void update(long time, double o, double h, double l, double c, double v, double[] row, int at);
}
