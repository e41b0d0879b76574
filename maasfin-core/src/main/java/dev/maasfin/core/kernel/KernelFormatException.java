// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.io.IOException;

/**
 * Thrown when a saved kernel cannot be read: malformed or unsupported spec, truncated or oversized
 * weights, or a parameter whose saved shape does not fit its layer. The message names the layer
 * (index and type), the parameter, and the expected and actual values. Immutable.
 */
public final class KernelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the layer, parameter and values
     */
    public KernelFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming the layer, parameter and values
     * @param cause the underlying error
     */
    public KernelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
