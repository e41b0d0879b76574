// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.nn.Block;

/** Hidden-layer activation of dense networks. */
public enum Activation {
    /** Hyperbolic tangent. */
    TANH,
    /** Rectified linear unit, max(0, x). */
    RELU;

    /** Returns a DJL block applying this activation. */
    Block block() {
        return this == TANH ? ai.djl.nn.Activation.tanhBlock() : ai.djl.nn.Activation.reluBlock();
    }
}
