// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.registry;

import java.io.IOException;

/**
 * Checked exception for artifact and registry storage problems: a file that is missing, altered or
 * unreadable, a signature that does not verify, a ciphertext that does not authenticate.
 *
 * <p>Messages name the artifact file and the rule that failed; they never contain key material or
 * personal data. Thread-safe: immutable after construction.
 */
public class ArtifactException extends IOException {

    /**
     * Creates an exception with a message naming the file and the rule that failed.
     *
     * @param message what went wrong, naming the file
     */
    public ArtifactException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps a lower-level cause.
     *
     * @param message what went wrong, naming the file
     * @param cause the underlying failure
     */
    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
