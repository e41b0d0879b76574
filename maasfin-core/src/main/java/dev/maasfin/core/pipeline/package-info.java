// SPDX-License-Identifier: Apache-2.0
/**
 * The parts of a scoring pipeline artifact that need no deep-learning engine: the {@link
 * dev.maasfin.core.pipeline.InputSchema} that guards the scorer's door, the {@link
 * dev.maasfin.core.pipeline.FeatureStage} turning bars into feature rows (batch and bar by bar),
 * the {@link dev.maasfin.core.pipeline.OutputDecoder} turning model outputs into the served value,
 * the {@link dev.maasfin.core.pipeline.PipelineMetadata} provenance record with its {@link
 * dev.maasfin.core.pipeline.DataFingerprint}, and the {@link
 * dev.maasfin.core.pipeline.PipelineLayout} of files in the artifact directory. The network and the
 * pipeline that holds it live in {@code maasfin-djl}'s {@code dev.maasfin.djl.pipeline}.
 */
package dev.maasfin.core.pipeline;
