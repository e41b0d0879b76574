// SPDX-License-Identifier: Apache-2.0
/**
 * {@link dev.maasfin.djl.pipeline.Pipeline}: fitted feature stage, transforms, input schema,
 * network and provenance, saved and loaded as one verified artifact directory and published to a
 * {@link dev.maasfin.api.registry.ModelRegistry}, so serving sees exactly what training saw.
 */
package dev.maasfin.djl.pipeline;
