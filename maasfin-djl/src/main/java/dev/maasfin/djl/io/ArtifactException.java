// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.io;

import java.io.IOException;

/**
 * A model artifact cannot be written or read: missing or altered file, unsupported format version,
 * unreadable metadata. The message names the file and what was wrong.
 */
public class ArtifactException extends IOException {

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
