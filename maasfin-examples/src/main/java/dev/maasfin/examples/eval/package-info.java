// SPDX-License-Identifier: Apache-2.0
/**
 * Pieces the fraud and credit demos share: z-scoring fitted on training rows, seed-averaged figures
 * with stratified bootstrap intervals, curve points for plots, progress lines during training, and
 * the publish-reload-rescore check against the local model registry.
 */
package dev.maasfin.examples.eval;
