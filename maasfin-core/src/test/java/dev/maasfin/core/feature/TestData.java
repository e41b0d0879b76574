// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.fail;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shared real data sets for tests: the data directory is env MAASFIN_DATA, else system
 * property maasfin.data, else ../shared/data; a missing file fails the test naming the path.
 */
final class TestData {
    private TestData() {}

    static Path file(String relative) {
        String dir = System.getenv("MAASFIN_DATA");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("maasfin.data");
        }
        if (dir == null || dir.isBlank()) {
            dir = "../shared/data";
        }
        Path file = Path.of(dir).resolve(relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            fail("missing data file " + file + " (set MAASFIN_DATA or -Dmaasfin.data)");
        }
        return file;
    }

    static List<CSVRecord> csv(String relative) {
        try (Reader r = Files.newBufferedReader(file(relative), StandardCharsets.UTF_8)) {
            CSVFormat format =
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord rec : format.parse(r)) {
                rows.add(rec);
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + relative, e);
        }
    }

    /** The 502-bar oracle input series (ISO dates, UTC midnight). */
    static BarSeries oracleBars() {
        return bars("indicator-oracle/default.csv", DateTimeFormatter.ISO_LOCAL_DATE, "date");
    }

    /** The S&P 500 daily history (UTF-8 BOM, M/D/YYYY dates); volume 0 becomes NaN. */
    static BarSeries spx() {
        return bars("spx-daily/spx.csv", DateTimeFormatter.ofPattern("M/d/yyyy"), "\uFEFFdate");
    }

    private static BarSeries bars(String relative, DateTimeFormatter dates, String dateColumn) {
        List<CSVRecord> rows = csv(relative);
        int n = rows.size();
        long[] t = new long[n];
        double[][] c = new double[5][n];
        String[] names = {"open", "high", "low", "close", "volume"};
        for (int i = 0; i < n; i++) {
            CSVRecord rec = rows.get(i);
            String date = rec.isMapped(dateColumn) ? rec.get(dateColumn) : rec.get(0);
            t[i] =
                    LocalDate.parse(date.strip(), dates)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli();
            for (int k = 0; k < 5; k++) {
                c[k][i] = Double.parseDouble(rec.get(names[k]));
            }
            if (c[4][i] == 0) {
                c[4][i] = Double.NaN;
            }
        }
        return new BarSeries(relative, ZoneOffset.UTC, t, c[0], c[1], c[2], c[3], c[4], null);
    }

    /** One oracle column; empty fields become NaN. */
    static double[] oracle(String indicator, String column) {
        List<CSVRecord> rows = csv("indicator-oracle/" + indicator + ".standard.csv");
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = rows.get(i).get(column);
            out[i] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
        return out;
    }
}
