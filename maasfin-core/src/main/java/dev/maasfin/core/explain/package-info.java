// SPDX-License-Identifier: Apache-2.0
/**
 * Model-agnostic explainers: permutation importance (single features and groups) and occlusion over
 * windows. They only call the model, so they work for any model family.
 */
package dev.maasfin.core.explain;
