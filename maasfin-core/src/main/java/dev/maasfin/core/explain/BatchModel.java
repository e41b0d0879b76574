// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

/**
 * Any model seen as a function from rows of features to one output per row.
 *
 * <p>Explainers call it with freshly built arrays and never keep them; an implementation must not
 * modify its input. It must be safe to call repeatedly from one thread.
 */
@FunctionalInterface
public interface BatchModel {

    /**
     * Predicts one value per row.
     *
     * @param rows {@code rows[i][j]} is feature {@code j} of row {@code i}
     * @return one prediction per row
     */
    double[] predict(double[][] rows);
}
