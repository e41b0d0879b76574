// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks, before a long run, that an output directory can be created and written, so a bad {@code
 * --out} or {@code --registry} fails at once with the reason instead of after training.
 *
 * <p>The check creates the directory (and its parents) as a side effect. Thread-safe: stateless.
 */
public final class WritableDirectory {
    private WritableDirectory() {}

    /**
     * Creates {@code dir} if needed and checks it is a writable directory.
     *
     * @param what names the directory in messages, e.g. "output directory"
     * @throws IllegalArgumentException "cannot create output directory /abs/path: reason" when the
     *     directory cannot be created or is not writable
     */
    public static void require(Path dir, String what) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot create " + what + " " + abs + ": " + reason(e), e);
        }
        if (!Files.isWritable(abs)) {
            throw new IllegalArgumentException(
                    "cannot use " + what + " " + abs + ": it is not writable");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }
}
