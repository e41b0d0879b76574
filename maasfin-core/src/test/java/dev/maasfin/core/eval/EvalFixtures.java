// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test access to the shared real data: resolves the data directory as DataDirectory does (env
 * MAASFIN_DATA, then system property maasfin.data, then ../shared/data) and fails naming a missing
 * file.
 */
public final class EvalFixtures {
    private static VolatilityTask task;

    private EvalFixtures() {}

    /** Returns the data directory. */
    public static Path dataDir() {
        String env = System.getenv("MAASFIN_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty("maasfin.data");
        return Path.of(prop != null && !prop.isBlank() ? prop : "../shared/data");
    }

    /** Returns a data file, failing with its path when it is absent. */
    public static Path file(String relative) {
        Path p = dataDir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("required data file is missing: " + p.toAbsolutePath());
        }
        return p;
    }

    /** Reads a CSV with a header into columns by name (values as text). */
    public static Map<String, List<String>> columns(String relative) {
        Map<String, List<String>> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file(relative), StandardCharsets.UTF_8)) {
            CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            var parser = f.parse(in);
            List<String> names = parser.getHeaderNames();
            for (String name : names) {
                out.put(name, new ArrayList<>());
            }
            for (CSVRecord r : parser) {
                for (String name : names) {
                    out.get(name).add(r.get(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads a numeric column. */
    public static double[] doubles(Map<String, List<String>> cols, String name) {
        return cols.get(name).stream().mapToDouble(Double::parseDouble).toArray();
    }

    /** Returns the protocol volatility task built from spx-daily/spx.csv (cached). */
    public static synchronized VolatilityTask spxTask() {
        if (task == null) {
            SpxCsv spx = SpxCsv.read(file("spx-daily/spx.csv"));
            task = VolatilityTask.protocol(spx.dates, spx.closes);
        }
        return task;
    }
}
