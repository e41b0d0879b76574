// SPDX-License-Identifier: Apache-2.0
/**
 * Artifact integrity and confidentiality: a SHA-256 manifest of every file in an artifact
 * directory, Ed25519 signatures over that manifest, and AES-256-GCM encryption of the files. JCA
 * only; keys are always supplied by the caller and never logged or put in messages.
 */
package dev.maasfin.core.artifact;
