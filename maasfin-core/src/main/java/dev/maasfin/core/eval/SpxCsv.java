// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Minimal reader of {@code spx-daily/spx.csv} (UTF-8 with BOM, header {@code
 * date,open,high,low,close,volume}, US {@code M/d/yyyy} dates): dates and closes only. A stand-in
 * until the shared data loader is on this branch.
 */
final class SpxCsv {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    final LocalDate[] dates;
    final double[] closes;

    private SpxCsv(LocalDate[] dates, double[] closes) {
        this.dates = dates;
        this.closes = closes;
    }

    static SpxCsv read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file is missing: " + file.toAbsolutePath());
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVFormat format =
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord rec : format.parse(in)) {
                dates.add(LocalDate.parse(rec.get("date"), US_DATE));
                closes.add(Double.parseDouble(rec.get("close")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new SpxCsv(
                dates.toArray(LocalDate[]::new),
                closes.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
