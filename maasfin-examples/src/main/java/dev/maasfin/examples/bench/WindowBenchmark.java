// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.api.data.Frame;
import dev.maasfin.core.window.SlidingWindowDataset;
import dev.maasfin.core.window.SlidingWindows;
import dev.maasfin.core.window.WindowTarget;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sliding windows over the real BTC-PERP 1-minute bars (45,031 rows, OHLCV = 5 features), window
 * 60, next-close target: building the view, iterating every sample through {@code copySample}, and,
 * for comparison in the same run, the common alternative of materialising one {@code float[]} copy
 * per window.
 *
 * <p>Reads {@code btc-perp-1m/btc-perp-20211231-20220201_1m.csv} from the data directory: system
 * property {@code maasfin.data}, else env {@code MAASFIN_DATA}, else {@code ../shared/data}. Not
 * thread-safe (JMH state per thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowBenchmark {
    static final String FILE = "btc-perp-1m/btc-perp-20211231-20220201_1m.csv";
    static final int WINDOW = 60;

    Frame frame;
    SlidingWindowDataset windows;
    float[] sample;

    /** Loads the bars and builds the dataset once. */
    @Setup(Level.Trial)
    public void setUp() {
        frame = load(dataDirectory().resolve(FILE));
        windows = build();
        sample = new float[WINDOW * windows.features()];
    }

    private SlidingWindowDataset build() {
        return SlidingWindows.builder()
                .setFrame(frame)
                .setWindow(WINDOW)
                .setTarget(WindowTarget.nextValue("close"))
                .build();
    }

    /** Builds the windowed view (one row-major copy of the matrix, NaN check, labels). */
    @Benchmark
    public SlidingWindowDataset buildWindows() {
        return build();
    }

    /** Copies every sample into one reused float buffer, as a batch loader would. */
    @Benchmark
    public void iterateAllSamples(Blackhole bh) {
        for (int i = 0; i < windows.size(); i++) {
            windows.copySample(i, sample, 0);
            bh.consume(sample[sample.length - 1]);
        }
    }

    /** Baseline: one materialised float[] per window, built from the frame's columns. */
    @Benchmark
    public float[][] materialiseEveryWindow() {
        int f = frame.columnCount();
        int n = frame.rows() - WINDOW;
        float[][] out = new float[n][WINDOW * f];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int t = 0; t < WINDOW; t++) {
                for (int c = 0; c < f; c++) {
                    out[i][k++] = (float) frame.get(i + t, c);
                }
            }
        }
        return out;
    }

    static Path dataDirectory() {
        String dir = System.getProperty("maasfin.data");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("MAASFIN_DATA");
        }
        if (dir == null || dir.isBlank()) {
            dir = "../shared/data";
        }
        return Path.of(dir);
    }

    static Frame load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "benchmark data file is missing: " + file.toAbsolutePath());
        }
        String[] names = {"open", "high", "low", "close", "volume"};
        double[][] cols = new double[names.length][50_000];
        int n = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (CSVRecord rec :
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .build()
                            .parse(r)) {
                for (int c = 0; c < names.length; c++) {
                    if (n == cols[c].length) {
                        cols[c] = java.util.Arrays.copyOf(cols[c], 2 * n);
                    }
                    cols[c][n] = Double.parseDouble(rec.get(names[c]));
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            m.put(names[c], java.util.Arrays.copyOf(cols[c], n));
        }
        return Frame.of(m);
    }
}
