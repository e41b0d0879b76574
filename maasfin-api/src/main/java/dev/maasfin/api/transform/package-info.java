// SPDX-License-Identifier: Apache-2.0
/**
 * Transforms: an unfitted {@link dev.maasfin.api.transform.Transform} configuration is fitted on
 * training data only and yields an immutable {@link dev.maasfin.api.transform.FittedTransform}
 * whose {@link dev.maasfin.api.transform.TransformState} a pipeline saves with the model.
 */
package dev.maasfin.api.transform;
