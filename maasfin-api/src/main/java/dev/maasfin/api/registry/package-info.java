// SPDX-License-Identifier: Apache-2.0
/**
 * Contract of a versioned model registry: immutable numbered versions of an artifact directory,
 * named stages (such as {@code production}) that hold exactly one version each, and an append-only
 * audit trail that answers which version held a stage at any instant.
 */
package dev.maasfin.api.registry;
