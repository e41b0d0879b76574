// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import dev.maasfin.djl.engine.DeviceSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reference case 11: dense 5 -> 1 with weights [0.1, 0.2, 0.3, 0.2, 0.2] and bias 0.5; input k is
 * [k, k+1, k+2, k+3, k+4] / 10, so y_k = 0.72 + 0.1 k (float32, tolerance 1e-4).
 */
class PredictorCase11Test {

    private static NeuralModel model;

    @BeforeAll
    static void build() {
        model =
                NeuralModel.create(
                        DenseRegressorSpec.builder().setInputWidth(5).build(), DeviceSpec.cpu(), 1);
        model.setParameter("01Linear_weight", new float[] {0.1f, 0.2f, 0.3f, 0.2f, 0.2f});
        model.setParameter("01Linear_bias", new float[] {0.5f});
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[] input(int k) {
        return new float[] {k / 10f, (k + 1) / 10f, (k + 2) / 10f, (k + 3) / 10f, (k + 4) / 10f};
    }

    private static int liveArrays() {
        return ((BaseNDManager) model.djlModel().getNDManager()).getManagedArrays().size();
    }

    @Test
    void tenThousandSequentialCalls_correctWithFlatLiveArrayCount() throws Exception {
        assertEquals(0.72, model.predict(input(0), 1)[0], 1e-4);
        int liveAfterFirst = liveArrays();
        long rssWarm = 0;

        for (int call = 2; call <= 10_000; call++) {
            int k = (call - 1) % 1000;
            assertEquals(0.72 + 0.1 * k, model.predict(input(k), 1)[0], 1e-4, "k = " + k);
            if (call == 500) {
                rssWarm = rssKb();
            }
        }

        assertEquals(liveAfterFirst, liveArrays(), "live NDArrays on the model's manager");
        long growthMb = (rssKb() - rssWarm) / 1024;
        assertTrue(growthMb < 50, "RSS grew by " + growthMb + " MB after warm-up");
    }

    @Test
    void hundredThousandPredictions_keepNativeMemoryFlat() throws Exception {
        // Issue 5: native memory flat over 100,000 predictions. Live NDArrays must not change;
        // for the process, the growth of RSS minus the growth of the committed Java heap is the
        // native growth (surefire pre-touches the heap, so heap pages count as soon as they are
        // committed and untouched heap does not look like a leak).
        for (int call = 0; call < 20_000; call++) {
            model.predict(input(call % 1000), 1);
        }
        int live = liveArrays();
        long nativeBefore = rssKb() - heapCommittedKb();
        double checksum = 0;
        for (int call = 0; call < 100_000; call++) {
            checksum += model.predict(input(call % 1000), 1)[0];
        }
        long nativeGrowthMb = (rssKb() - heapCommittedKb() - nativeBefore) / 1024;
        // Sum over 100 cycles of k = 0..999 of 0.72 + 0.1 k = 100 * (720 + 49,950) = 5,067,000.
        assertEquals(5_067_000, checksum, 5_067_000 * 1e-6);
        assertEquals(live, liveArrays(), "live NDArrays on the model's manager");
        assertTrue(
                nativeGrowthMb < 50,
                "native memory grew by " + nativeGrowthMb + " MB over 100,000 predictions");
    }

    private static long heapCommittedKb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
    }

    @Test
    void eightThreadsThousandCallsEach_eachCallerGetsItsOwnResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> callsOf(thread)));
            }
            for (Future<Integer> f : done) {
                assertEquals(1000, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 1,000 calls with k = (125 t + i) mod 1000, so threads ask for different k at once. */
    private static int callsOf(int thread) {
        int ok = 0;
        for (int i = 0; i < 1000; i++) {
            int k = (125 * thread + i) % 1000;
            float y = model.predict(input(k), 1)[0];
            if (Math.abs(y - (0.72 + 0.1 * k)) > 1e-4) {
                throw new AssertionError("thread " + thread + " k " + k + " got " + y);
            }
            ok++;
        }
        return ok;
    }

    /** Resident set size from /proc/self/status (Linux), in kB. */
    private static long rssKb() throws Exception {
        Path status = Paths.get("/proc/self/status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in " + status);
    }
}
