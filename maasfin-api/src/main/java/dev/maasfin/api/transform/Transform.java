// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.transform;

import dev.maasfin.api.data.Frame;

/**
 * An unfitted transform configuration: learns its parameters from training data only.
 *
 * <p>Fitting never looks at rows outside {@code train}; applying the fitted transform to later data
 * uses the parameters learned here unchanged, so no statistic of a validation or test part leaks
 * into training features. Implementations are immutable and thread-safe.
 */
public interface Transform {

    /**
     * Learns this transform's parameters from the training rows.
     *
     * @param train the training part only
     * @return the fitted transform
     * @throws IllegalArgumentException if {@code train} lacks a required column, is empty, or holds
     *     a value the transform cannot fit on (the message names column and row)
     */
    FittedTransform fit(Frame train);
}
