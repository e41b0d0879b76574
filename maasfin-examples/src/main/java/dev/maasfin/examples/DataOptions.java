// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.core.data.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data} and {@code --debug} options every subcommand shares, as a picocli mixin.
 *
 * <p>Not thread-safe: picocli fills it once per command line.
 */
public final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Folder holding the shared data sets (default: env MAASFIN_DATA, then"
                            + " -Dmaasfin.data, then ../shared/data).")
    Path dataDir;

    @Option(names = "--debug", description = "Print the stack trace of a failure as well.")
    boolean debug;

    /** Returns the data directory chosen by the option, environment, property or default. */
    public Path directory() {
        return DataDirectory.resolve(dataDir);
    }

    /**
     * Returns a file under the data directory.
     *
     * @throws dev.maasfin.core.data.MissingDataException if the file is absent (naming it)
     */
    public Path require(String relativeFile) {
        return DataDirectory.require(directory(), relativeFile);
    }
}
