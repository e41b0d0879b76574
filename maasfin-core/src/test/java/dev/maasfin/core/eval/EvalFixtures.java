// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
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
 * Test access to the shared real data through {@link DataDirectory}, which fails naming a missing
 * file.
 */
public final class EvalFixtures {
    private static VolatilityTask task;

    private EvalFixtures() {}

    /** Returns a data file, failing with a message naming its path when it is absent. */
    public static Path file(String relative) {
        return DataDirectory.require(DataDirectory.resolve(), relative);
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
            try {
                task =
                        VolatilityTask.protocol(
                                BarCsvLoader.defaults().load(file("spx-daily/spx.csv")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return task;
    }
}
