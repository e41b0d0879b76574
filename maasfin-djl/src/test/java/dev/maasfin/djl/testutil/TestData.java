// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.testutil;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shared real data for tests: the data directory is env {@code MAASFIN_DATA}, else system
 * property {@code maasfin.data}, else {@code ../shared/data} (the lookup of the data helper's
 * {@code DataDirectory}, which is not on this branch). A missing file fails the test with its path.
 */
public final class TestData {

    private TestData() {}

    /** Returns the data directory. */
    public static Path dataDir() {
        String env = System.getenv("MAASFIN_DATA");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        String prop = System.getProperty("maasfin.data");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        return Paths.get("..", "shared", "data");
    }

    /** Returns a file under the data directory, failing with its path if it is missing. */
    public static Path require(String relative) {
        Path p = dataDir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(
                    "missing data file "
                            + p.toAbsolutePath()
                            + " (set MAASFIN_DATA or -Dmaasfin.data to the shared data directory)");
        }
        return p;
    }

    /** Reads a CSV with a header row into records. */
    public static List<CSVRecord> csv(String relative) throws IOException {
        try (Reader r = Files.newBufferedReader(require(relative))) {
            return new ArrayList<>(
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(r)
                            .getRecords());
        }
    }
}
