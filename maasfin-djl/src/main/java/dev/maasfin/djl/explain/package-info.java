// SPDX-License-Identifier: Apache-2.0
/**
 * Explanations of maasfin-djl networks: input gradients through DJL autograd, gradient x input,
 * integrated gradients per feature and per time step, and per-feature reconstruction-error
 * explanations of autoencoder anomalies.
 */
package dev.maasfin.djl.explain;
