// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Load and validate the largest price file (btc-perp-1m: 45,031 one-minute bars, 3.2 MB).
 *
 * <p>{@link #loadAndValidate} is maasfin's {@link BarCsvLoader} in strict mode (parse, check every
 * rule, build the {@link BarSeries}). {@link #commonsCsvParseOnly} is the loop a user would
 * otherwise write with the same parser: Commons CSV, {@code LocalDateTime.parse} and {@code
 * Double.parseDouble} into primitive arrays, with no validation; the ratio of the two is the cost
 * of validation and format detection. {@link #commonsCsvRecordsOnly} is the parser's floor: records
 * only, no number or time conversion. The data directory comes from {@link DataDirectory#resolve()}
 * ({@code -Dmaasfin.data=...} or {@code MAASFIN_DATA}). Benchmarks that need the series already
 * loaded (windowing) can use {@link LoadedSeries}, which loads once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LoadBenchmark {
    /** The file benchmarked, relative to the data directory. */
    public static final String BTC_PERP = "btc-perp-1m/btc-perp-20211231-20220201_1m.csv";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Path file;
    private BarCsvLoader loader;

    /** Resolves the file once, failing with a message naming it when absent. */
    @Setup(Level.Trial)
    public void setUp() {
        file = DataDirectory.require(DataDirectory.resolve(), BTC_PERP);
        loader = BarCsvLoader.defaults();
    }

    /** maasfin: parse, detect the time format, validate every row, build the series. */
    @Benchmark
    public BarSeries loadAndValidate() throws IOException {
        return loader.load(file);
    }

    /** Peer: Commons CSV plus java.time parsing into arrays, no checks. */
    @Benchmark
    public double[] commonsCsvParseOnly() throws IOException {
        int cap = 1024;
        long[] t = new long[cap];
        double[] close = new double[cap];
        int n = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                if (n == cap) {
                    cap *= 2;
                    t = Arrays.copyOf(t, cap);
                    close = Arrays.copyOf(close, cap);
                }
                t[n] =
                        LocalDateTime.parse(rec.get(0), STAMP)
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli();
                Double.parseDouble(rec.get(1));
                Double.parseDouble(rec.get(2));
                Double.parseDouble(rec.get(3));
                close[n] = Double.parseDouble(rec.get(4));
                Double.parseDouble(rec.get(5));
                n++;
            }
        }
        return Arrays.copyOf(close, n);
    }

    /** Floor: Commons CSV only, iterating the records and touching each field; no conversion. */
    @Benchmark
    public long commonsCsvRecordsOnly() throws IOException {
        long chars = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : p) {
                for (int i = 0; i < rec.size(); i++) {
                    chars += rec.get(i).length();
                }
            }
        }
        return chars;
    }

    /** The btc-perp-1m series loaded once per trial, for benchmarks that start from bars. */
    @State(Scope.Benchmark)
    public static class LoadedSeries {
        /** The loaded series; set up before the trial's first iteration. */
        public BarSeries series;

        /** Loads the series. */
        @Setup(Level.Trial)
        public void load() throws IOException {
            series = load(DataDirectory.resolve());
        }

        /**
         * Loads btc-perp-1m from a data directory.
         *
         * @throws dev.maasfin.core.data.MissingDataException if the file is absent
         * @throws IOException if it cannot be read
         */
        public static BarSeries load(Path dataDir) throws IOException {
            return BarCsvLoader.defaults().load(DataDirectory.require(dataDir, BTC_PERP));
        }
    }
}
