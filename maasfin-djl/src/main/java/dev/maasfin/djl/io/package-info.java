// SPDX-License-Identifier: Apache-2.0
/**
 * Saving and loading trained networks as artifact directories: DJL parameters ({@code
 * block.params}), JSON metadata ({@code model.json}) and a SHA-256 manifest ({@code MANIFEST.json},
 * via {@code ArtifactManifest}), written atomically and verified before loading.
 */
package dev.maasfin.djl.io;
