// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import java.io.IOException;

/**
 * Test-only fault-injection point inside {@link FileSystemModelRegistry#publish}: called after each
 * artifact file has been copied durably into the temporary directory, before the commit rename.
 * Throwing aborts the publish; halting the JVM simulates a crash.
 */
@FunctionalInterface
interface PublishFaultHook {

    /** No faults. */
    PublishFaultHook NONE = rel -> {};

    /**
     * Called once per copied file.
     *
     * @param relativePath the copied file's path inside the artifact
     * @throws IOException to abort the publish
     */
    void afterFileCopied(String relativePath) throws IOException;
}
