// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.window.SlidingWindowDataset;
import dev.maasfin.core.window.SlidingWindows;
import dev.maasfin.core.window.WindowTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * <p>Reads {@code btc-perp-1m/btc-perp-20211231-20220201_1m.csv} from {@link
 * DataDirectory#resolve()} (env {@code MAASFIN_DATA}, else system property {@code maasfin.data},
 * else {@code ../shared/data}) with {@link BarCsvLoader#defaults()}. Not thread-safe (JMH state per
 * thread).
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
        // MissingDataException naming the file if the data set is absent
        frame = load(DataDirectory.require(DataDirectory.resolve(), FILE));
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

    /** Loads the OHLCV columns with the shared strict loader (fails naming file, line, value). */
    static Frame load(Path file) {
        BarSeries bars;
        try {
            bars = BarCsvLoader.defaults().load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("open", bars.opens());
        m.put("high", bars.highs());
        m.put("low", bars.lows());
        m.put("close", bars.closes());
        m.put("volume", bars.volumes());
        return Frame.of(m);
    }
}
