// SPDX-License-Identifier: Apache-2.0
/**
 * Saving and loading trained networks as artifact directories: DJL parameters ({@code
 * block.params}), JSON metadata ({@code model.json}) and a SHA-256 manifest ({@code
 * MANIFEST.sha256}), written atomically and verified before loading.
 */
package dev.maasfin.djl.io;
