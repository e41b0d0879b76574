// SPDX-License-Identifier: Apache-2.0
/**
 * Normalisation transforms fitted on the training part only: z-score, min-max, robust (median/IQR)
 * and log, each an unfitted {@link dev.maasfin.api.transform.Transform} configuration with an
 * immutable fitted type; {@link dev.maasfin.core.transform.TransformChain} to apply several in
 * order; and {@link dev.maasfin.core.transform.TransformStates} to save, load and rebuild fitted
 * transforms from JSON with bit-exact doubles.
 */
package dev.maasfin.core.transform;
