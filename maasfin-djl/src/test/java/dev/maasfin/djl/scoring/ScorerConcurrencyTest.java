// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.pipeline.PipelineFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The DJL scoring path under concurrent callers, which reuse per-thread inference state (parameter
 * store, direct input buffer): every call gets the bits the same window gets alone on the test's
 * thread, single windows and batches alike.
 */
class ScorerConcurrencyTest {

    @Test
    void scoreAndScoreBatch_fromFourThreads_equalSingleThreadedResults_bitForBit()
            throws Exception {
        BarSeries bars = PipelineFixtures.spxBars(200);
        Pipeline p = PipelineFixtures.trainedLstm(bars);
        Frame f = p.features(bars);
        int w = p.window();
        List<double[][]> windows = new ArrayList<>();
        for (int end = p.firstScorableRow(); end < f.rows(); end++) {
            double[][] rows = new double[w][];
            for (int r = 0; r < w; r++) {
                rows[r] = new double[] {f.get(end - w + 1 + r, 0), f.get(end - w + 1 + r, 1)};
            }
            windows.add(rows);
        }
        double[][][] batch = windows.subList(0, 16).toArray(new double[0][][]);
        try (Scorer scorer = Scorer.of(p, ScoringPath.DJL)) {
            assertEquals(ScoringPath.DJL, scorer.path());
            List<float[]> expected = new ArrayList<>();
            for (double[][] rows : windows) {
                expected.add(scorer.score(rows).values());
            }
            float[] expectedBatch = scorer.scoreBatch(batch).values();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t * 11;
                    done.add(
                            pool.submit(
                                    () -> {
                                        for (int j = 0; j < windows.size(); j++) {
                                            int k = (j + offset) % windows.size();
                                            assertArrayEquals(
                                                    expected.get(k),
                                                    scorer.score(windows.get(k)).values(),
                                                    "window " + k);
                                            if (j % 10 == 0) {
                                                assertArrayEquals(
                                                        expectedBatch,
                                                        scorer.scoreBatch(batch).values());
                                            }
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> d : done) {
                    d.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
