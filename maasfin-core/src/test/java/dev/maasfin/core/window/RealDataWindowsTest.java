// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.split.ChronologicalSplit;
import dev.maasfin.core.split.PurgedKFold;
import dev.maasfin.core.transform.MinMaxTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Windows, a training-only scaler and purged folds on real data: BTC-PERP 1-minute bars
 * (btc-perp-1m, 45,031 rows, see its README). Expected values come from the CSV text itself, parsed
 * here independently of the code under test.
 */
class RealDataWindowsTest {
    static final String FILE = "btc-perp-1m/btc-perp-20211231-20220201_1m.csv";
    static long[] times;
    static double[] close;
    static double[] volume;

    @BeforeAll
    static void load() throws IOException {
        // fails (MissingDataException naming the file) when the data set is absent
        Path file = DataDirectory.require(DataDirectory.resolve(), FILE);
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        times = new long[n];
        close = new double[n];
        volume = new double[n];
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r + 1).split(",");
            times[r] = LocalDateTime.parse(f[0], fmt).toInstant(ZoneOffset.UTC).toEpochMilli();
            close[r] = Double.parseDouble(f[4]);
            volume[r] = Double.parseDouble(f[5]);
        }
    }

    static Frame frame() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("close", close);
        m.put("volume", volume);
        return Frame.of(times, m);
    }

    @Test
    void logReturnWindows_onBtcMinuteBars_matchTheCsv() {
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(frame())
                        .setWindow(60)
                        .setTarget(WindowTarget.logReturn("close", 5))
                        .build();
        // README: 45,031 rows; N - L - h + 1 = 45031 - 60 - 5 + 1
        assertEquals(45_031, close.length);
        assertEquals(44_967, d.size());
        // first close in the file is 46377.0 (row 2021-12-31 23:01)
        assertEquals(46_377.0, d.value(0, 0, 0), 0);
        for (int i : new int[] {0, 12_345, d.size() - 1}) {
            int e = d.end(i);
            assertEquals(Math.log(close[e + 5] / close[e]), d.label(i, 0), 1e-15);
            assertEquals(times[e], d.endTime(i));
            assertEquals(close[e], d.value(i, 59, 0), 0);
        }
        assertEquals(close.length - 1, d.end(d.size() - 1) + 5);
    }

    @Test
    void minMax_fittedOnTheFirst70Percent_usesOnlyThoseRowsAndDoesNotClipLater() {
        Split s = ChronologicalSplit.byFractions(close.length, 0.7, 0.0);
        Frame all = frame();
        int trainEnd = s.train().length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double laterMax = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < close.length; r++) {
            if (r < trainEnd) {
                min = Math.min(min, close[r]);
                max = Math.max(max, close[r]);
            } else {
                laterMax = Math.max(laterMax, close[r]);
            }
        }
        MinMaxTransform.FittedMinMax f =
                (MinMaxTransform.FittedMinMax)
                        MinMaxTransform.of("close").fit(all.sliceRows(0, trainEnd));
        assertArrayEquals(new double[] {min}, f.centers(), 0);
        assertArrayEquals(new double[] {max - min}, f.scales(), 0);
        double[] test = f.apply(all.selectRows(s.test())).column("close");
        double expectedTop = (laterMax - min) / (max - min);
        assertEquals(expectedTop, java.util.Arrays.stream(test).max().orElseThrow(), 1e-15);
    }

    @Test
    void purgedFolds_onRealWindows_keepTrainingLabelsAwayFromTestLabels() {
        SlidingWindowDataset d =
                SlidingWindows.builder()
                        .setFrame(frame())
                        .setWindow(60)
                        .setTarget(WindowTarget.realisedVolatility("close", 30))
                        .optStride(30)
                        .build();
        List<Split> folds =
                PurgedKFold.builder()
                        .setWindowLabels(d, 30)
                        .setFolds(5)
                        .optEmbargoFraction(0.01)
                        .build();
        for (Split s : folds) {
            int[] test = s.test();
            long spanStart = d.end(test[0]);
            long spanEnd = d.end(test[test.length - 1]) + 30L;
            for (int j : s.train()) {
                long t0 = d.end(j);
                long t1 = t0 + 30;
                assertFalse(t0 <= spanEnd && spanStart <= t1, "train sample " + j + " overlaps");
            }
            assertTrue(s.train().length > 0);
        }
    }
}
