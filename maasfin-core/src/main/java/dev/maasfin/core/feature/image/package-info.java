// SPDX-License-Identifier: Apache-2.0
/**
 * Image encodings of a price window for 2-D convolutional networks: Gramian angular summation and
 * difference fields ({@link dev.maasfin.core.feature.image.GramianAngularField}) and the Markov
 * transition field ({@link dev.maasfin.core.feature.image.MarkovTransitionField}), pyts-compatible,
 * with any image side up to the window length (28 x 28 for the CNN's layout).
 *
 * <p>Every image is computed from its own window only (per-window scaling and quantile bins), so
 * building images for a test period uses no training statistics and vice versa.
 */
package dev.maasfin.core.feature.image;
