// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.transform;

import dev.maasfin.api.data.Frame;

/**
 * A transform with learned parameters, applied unchanged to any later data.
 *
 * <p>Its {@link #state()} is everything needed to rebuild it exactly; a pipeline saves that state
 * with the model so that scoring applies what training applied. Implementations are immutable and
 * thread-safe.
 */
public interface FittedTransform {

    /**
     * Applies the learned parameters.
     *
     * @throws IllegalArgumentException if a required column is missing (named in the message)
     */
    Frame apply(Frame input);

    /**
     * Undoes {@link #apply(Frame)} where that is defined.
     *
     * @throws UnsupportedOperationException if the transform is not invertible
     */
    default Frame inverse(Frame transformed) {
        throw new UnsupportedOperationException(state().type() + " is not invertible");
    }

    /** Returns the learned state, from which the same transform can be rebuilt exactly. */
    TransformState state();
}
