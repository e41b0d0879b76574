// SPDX-License-Identifier: Apache-2.0
/** Explanations of single predictions: per-feature attributions and reason codes. */
package dev.maasfin.api.explain;
