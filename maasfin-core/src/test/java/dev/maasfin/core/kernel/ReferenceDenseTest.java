// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference case 11 of {@code shared/cases/reference-cases.md}: one dense layer 5→1 with weights
 * [0.1, 0.2, 0.3, 0.2, 0.2] and bias 0.5, input window k = [k, k+1, k+2, k+3, k+4] / 10. By hand: Σ
 * w = 1.0 and Σ w·i for i = 0..4 is 0.2 + 0.6 + 0.6 + 0.8 = 2.2, so y_k = 0.5 + (1.0·k + 2.2) / 10
 * = 0.72 + 0.1·k (case tolerance 1e-4 in float32).
 */
class ReferenceDenseTest {
    private static final SequentialKernel MODEL =
            SequentialKernel.builder(5)
                    .addDense(1, new float[] {0.1f, 0.2f, 0.3f, 0.2f, 0.2f}, new float[] {0.5f})
                    .build();

    private static float[] window(int k) {
        float[] w = new float[5];
        for (int i = 0; i < 5; i++) {
            w[i] = (k + i) / 10f;
        }
        return w;
    }

    @ParameterizedTest
    @CsvSource({"0, 0.72", "1, 0.82", "7, 1.42", "999, 100.62"})
    void predict_onWindowK_isPoint72PlusPoint1K(int k, double expected) {
        assertEquals(expected, MODEL.predict(window(k))[0], 1e-4);
    }

    @Test
    void predict_tenThousandCallsCyclingK_everyOutputCorrect() {
        float[] out = new float[1];
        for (int call = 0; call < 10_000; call++) {
            int k = call % 1000;
            MODEL.predict(window(k), 0, out, 0);
            assertEquals(0.72 + 0.1 * k, out[0], 1e-4, "call " + call);
        }
    }

    @Test
    void predict_eightThreadsThousandCallsEachWithDistinctK_eachGetsItsOwnResult()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int k = 100 * thread + 3;
                results.add(pool.submit(() -> callsWithK(k, start)));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                assertEquals(1000, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns how many of 1,000 calls gave 0.72 + 0.1·k for this thread's k. */
    private static int callsWithK(int k, CountDownLatch start) throws InterruptedException {
        start.await();
        float[] in = window(k);
        float[] out = new float[1];
        int correct = 0;
        for (int i = 0; i < 1000; i++) {
            MODEL.predict(in, 0, out, 0);
            if (Math.abs(out[0] - (0.72 + 0.1 * k)) <= 1e-4) {
                correct++;
            }
        }
        return correct;
    }
}
