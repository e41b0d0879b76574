// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds the directory that holds maasfin's real data sets and the files inside it.
 *
 * <p>Lookup order: an explicit path given by the caller (for example a {@code --data} option), the
 * environment variable {@value #ENV}, the system property {@value #PROPERTY} (the build sets it for
 * tests), else {@value #DEFAULT} relative to the working directory. Blank values count as unset.
 * The directory itself is not checked here; {@link #require(Path, String)} checks each file and
 * fails with a message naming the missing path and the setting that chose the directory.
 *
 * <p>Thread-safe: stateless; reads the environment and system properties on each call.
 */
public final class DataDirectory {
    /** Environment variable naming the data directory. */
    public static final String ENV = "MAASFIN_DATA";

    /** System property naming the data directory. */
    public static final String PROPERTY = "maasfin.data";

    /** Directory used when nothing else is set, relative to the working directory. */
    public static final String DEFAULT = "../shared/data";

    private DataDirectory() {}

    /**
     * Returns the data directory from the environment, the system property or the default.
     *
     * @return the chosen directory, absolute and normalised
     */
    public static Path resolve() {
        return resolve(null);
    }

    /**
     * Returns {@code explicitOrNull} if given, else the directory from the environment, the system
     * property or the default.
     *
     * @param explicitOrNull a directory chosen by the caller, or {@code null}
     * @return the chosen directory, absolute and normalised
     */
    public static Path resolve(Path explicitOrNull) {
        return Path.of(choose(explicitOrNull)[0]).toAbsolutePath().normalize();
    }

    /**
     * Returns a file under the data directory, failing if it does not exist.
     *
     * @param dataDir the data directory, usually from {@link #resolve()}
     * @param relativeFile the file's path relative to {@code dataDir}, e.g. {@code
     *     "spx-daily/spx.csv"}
     * @return the file's absolute path
     * @throws MissingDataException if the file does not exist; the message names its full path and
     *     which setting chose the directory
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Path require(Path dataDir, String relativeFile) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(relativeFile, "relativeFile");
        Path file = dataDir.resolve(relativeFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new MissingDataException(
                    file,
                    "data file "
                            + file
                            + " does not exist (data directory "
                            + dataDir.toAbsolutePath().normalize()
                            + " chosen by "
                            + describeSource(dataDir)
                            + "; set --data, env "
                            + ENV
                            + " or -D"
                            + PROPERTY
                            + " to the folder that holds the shared data sets)");
        }
        return file;
    }

    /** Returns {path, source} for the first setting that is present. */
    private static String[] choose(Path explicitOrNull) {
        if (explicitOrNull != null) {
            return new String[] {explicitOrNull.toString(), "the explicit path"};
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new String[] {env.trim(), "env " + ENV};
        }
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new String[] {prop.trim(), "system property " + PROPERTY};
        }
        return new String[] {DEFAULT, "the default " + DEFAULT};
    }

    /** Names the setting that would choose {@code dataDir}, or says it was given explicitly. */
    private static String describeSource(Path dataDir) {
        String[] implicit = choose(null);
        Path implicitDir = Path.of(implicit[0]).toAbsolutePath().normalize();
        if (implicitDir.equals(dataDir.toAbsolutePath().normalize())) {
            return implicit[1];
        }
        return "the explicit path";
    }
}
