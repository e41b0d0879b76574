// SPDX-License-Identifier: Apache-2.0
/**
 * maasfin's pure-Java core: data loading and validation, cleaning, normalisation, features,
 * windows, splits, metrics, baselines, registry, privacy and model-agnostic explainers. Nothing
 * here depends on DJL or native libraries.
 */
package dev.maasfin.core;
