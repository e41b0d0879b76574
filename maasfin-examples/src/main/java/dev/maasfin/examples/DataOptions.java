// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.core.data.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every subcommand shares. */
final class DataOptions {
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
    Path directory() {
        return DataDirectory.resolve(dataDir);
    }

    /** Returns a file under the data directory, failing with a message naming it if absent. */
    Path require(String relativeFile) {
        return DataDirectory.require(directory(), relativeFile);
    }
}
