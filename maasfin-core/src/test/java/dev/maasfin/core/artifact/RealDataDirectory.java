// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a real data file the way the project's data directory lookup does: env {@code
 * MAASFIN_DATA}, else system property {@code maasfin.data}, else {@code ../shared/data}. A missing
 * file fails the test with a message naming it; it never skips.
 */
public final class RealDataDirectory {

    private RealDataDirectory() {}

    /** Returns the path of {@code set/file}, failing if it does not exist. */
    public static Path file(String set, String file) {
        String env = System.getenv("MAASFIN_DATA");
        String prop = System.getProperty("maasfin.data");
        Path root =
                env != null && !env.isBlank()
                        ? Path.of(env)
                        : prop != null && !prop.isBlank()
                                ? Path.of(prop)
                                : Path.of("../shared/data");
        Path p = root.resolve(set).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("real data file " + p.toAbsolutePath() + " is missing");
        }
        return p;
    }
}
