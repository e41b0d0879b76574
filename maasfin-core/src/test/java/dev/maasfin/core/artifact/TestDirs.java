// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Fresh working directories under {@code target/test-work}, so tests never write elsewhere. */
public final class TestDirs {

    private TestDirs() {}

    /** Creates a new empty directory named after the test. */
    public static Path fresh(String label) throws IOException {
        Path dir = Path.of("target", "test-work", label + "-" + UUID.randomUUID()).toAbsolutePath();
        return Files.createDirectories(dir);
    }

    /** Writes a file (creating parents) and returns its path. */
    public static Path write(Path dir, String rel, byte[] bytes) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }
}
