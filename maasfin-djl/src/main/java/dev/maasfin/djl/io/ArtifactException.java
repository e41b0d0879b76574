// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.io;

/**
 * A model artifact cannot be written or read: missing or altered file, unsupported format version,
 * unreadable metadata. The message names the file and what was wrong. A subtype of the project's
 * one checked artifact exception, {@link dev.maasfin.api.registry.ArtifactException}.
 */
public class ArtifactException extends dev.maasfin.api.registry.ArtifactException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message naming the file and the problem. */
    public ArtifactException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
