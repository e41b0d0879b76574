// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when a data file the caller asked for does not exist under the data directory.
 *
 * <p>The message is one line naming the missing file's absolute path and the setting that chose the
 * data directory (for example {@code env MAASFIN_DATA}), so that a failing test or command tells
 * the user exactly what to fix. Thread-safe: immutable.
 */
public final class MissingDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the missing file, as resolved
     * @param message the one-line message
     */
    public MissingDataException(Path file, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Returns the absolute path of the missing file. */
    public Path file() {
        return file;
    }
}
