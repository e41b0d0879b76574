// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

/** The optimisation algorithm, as implemented by DJL's optimizers. */
public enum OptimizerKind {
    /** Adam (Kingma and Ba, 2015) with DJL's default betas 0.9, 0.999 and epsilon 1e-8. */
    ADAM,
    /** Adam with decoupled weight decay (Loshchilov and Hutter, 2019). */
    ADAMW,
    /** Stochastic gradient descent, optionally with momentum. */
    SGD
}
