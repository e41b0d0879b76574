// SPDX-License-Identifier: Apache-2.0
/**
 * Seeded augmentation of training data only: window augmentations for time series ({@link
 * dev.maasfin.core.augment.Augmentations}: jitter, scaling, magnitude warping, window slicing),
 * applied to the training part of a windowed dataset by {@link
 * dev.maasfin.core.augment.AugmentedWindows}; and SMOTE-style minority oversampling of tabular
 * training rows ({@link dev.maasfin.core.augment.Smote}), which takes the split and returns only
 * the resampled training part.
 */
package dev.maasfin.core.augment;
