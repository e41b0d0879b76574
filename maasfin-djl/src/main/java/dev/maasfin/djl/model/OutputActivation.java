// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

/** How a network's raw output becomes its prediction. */
public enum OutputActivation {
    /** The raw output is the prediction (regression, reconstruction). */
    IDENTITY,
    /** Softmax over the last axis: logits become class probabilities summing to 1. */
    SOFTMAX
}
