// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;

/**
 * Rebuilds one type of fitted transform from its saved state; registered with {@link
 * TransformStates#register(String, FittedTransformFactory)}. Implementations must be thread-safe
 * (usually a constructor reference such as {@code FittedZScore::new}).
 */
@FunctionalInterface
public interface FittedTransformFactory {

    /**
     * Rebuilds the fitted transform.
     *
     * @throws IllegalArgumentException if the state is not valid for this type
     */
    FittedTransform restore(TransformState state);
}
