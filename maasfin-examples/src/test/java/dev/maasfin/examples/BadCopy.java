// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.core.data.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a copy of a real data file under target/ with one field of one line replaced. */
public final class BadCopy {
    private BadCopy() {}

    /**
     * Copies {@code relativeFile} from the real data directory to {@code dataDir/relativeFile},
     * setting field {@code column} (0-based) of file line {@code line} (1-based, header = 1) to
     * {@code value}, and returns the absolute normalised path of the copy.
     */
    public static Path write(Path dataDir, String relativeFile, int line, int column, String value)
            throws IOException {
        List<String> lines = Files.readAllLines(DataDirectory.resolve().resolve(relativeFile));
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[column] = value;
        lines.set(line - 1, String.join(",", fields));
        return write(dataDir, relativeFile, lines);
    }

    /** Writes the header and the first {@code dataRows} data lines of the real file. */
    public static Path head(Path dataDir, String relativeFile, int dataRows) throws IOException {
        List<String> lines = Files.readAllLines(DataDirectory.resolve().resolve(relativeFile));
        return write(dataDir, relativeFile, lines.subList(0, dataRows + 1));
    }

    private static Path write(Path dataDir, String relativeFile, List<String> lines)
            throws IOException {
        Path csv = dataDir.resolve(relativeFile);
        Files.createDirectories(csv.getParent());
        Files.write(csv, lines);
        return csv.toAbsolutePath().normalize();
    }
}
