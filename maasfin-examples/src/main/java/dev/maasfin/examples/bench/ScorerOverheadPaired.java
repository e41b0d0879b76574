// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A paired companion to {@link ScorerBenchmark}: the scorer and the raw DJL predictor (in a freeing
 * scope) are called in alternating short blocks in one JVM, so that both sides see the same machine
 * load, and the overhead is read from per-round ratios rather than from two benchmarks measured
 * minutes apart.
 *
 * <p>Same model, data and inputs as {@link ScorerBenchmark} (its set-up is reused, PyTorch 1
 * intra-op / 1 inter-op thread). After {@code warmSeconds} of warm-up over every side, each round
 * runs a block of {@value #SINGLE_BLOCK} single-window calls per single side and {@value
 * #BATCH_BLOCK} batch-64 calls per batch side, in an order rotated each round, timing every call
 * with {@link System#nanoTime()}. Printed: per side the p50 and p99 of the call times; per pair the
 * median over rounds of the ratio of the block medians (scorer / raw), with its quartiles.
 *
 * <p>Arguments: {@code [warmSeconds] [measureSeconds]}, default 10 and 60. Not thread-safe: one
 * thread.
 */
public final class ScorerOverheadPaired {

    static final int SINGLE_BLOCK = 40;
    static final int BATCH_BLOCK = 4;

    private ScorerOverheadPaired() {}

    /** A side: a name and one call. */
    private record Side(String name, int block, Call call) {}

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /**
     * Runs the paired measurement and prints the table.
     *
     * @param args optional warm-up and measurement seconds
     * @throws Exception if a call fails
     */
    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        ScorerBenchmark b = new ScorerBenchmark();
        b.torchThreads = 1;
        b.setUp();
        List<Side> sides =
                List.of(
                        new Side(
                                "rawPredictorScopedSingle",
                                SINGLE_BLOCK,
                                b::rawPredictorScopedSingle),
                        new Side("scorerSingle", SINGLE_BLOCK, b::scorerSingle),
                        new Side("modelPredictSingle", SINGLE_BLOCK, b::modelPredictSingle),
                        new Side("streamingOneBar", SINGLE_BLOCK, b::streamingOneBar),
                        new Side(
                                "rawPredictorScopedBatch64",
                                BATCH_BLOCK,
                                b::rawPredictorScopedBatch64),
                        new Side("scorerBatch64", BATCH_BLOCK, b::scorerBatch64),
                        new Side("modelPredictBatch64", BATCH_BLOCK, b::modelPredictBatch64),
                        new Side("kernelSingle", SINGLE_BLOCK, b::kernelSingle));
        try {
            run(sides, warm, null);
            List<long[]> blockMedians = new ArrayList<>();
            long[][] all = new long[sides.size()][];
            int[] filled = new int[sides.size()];
            for (int s = 0; s < sides.size(); s++) {
                all[s] = new long[1 << 20];
            }
            run(
                    sides,
                    measure,
                    (round, s, times) -> {
                        if (s == 0) {
                            blockMedians.add(new long[sides.size()]);
                        }
                        blockMedians.get(blockMedians.size() - 1)[s] = median(times);
                        System.arraycopy(times, 0, all[s], filled[s], times.length);
                        filled[s] += times.length;
                    });
            report(sides, all, filled, blockMedians);
        } finally {
            b.tearDown();
        }
    }

    @FunctionalInterface
    private interface Sink {
        void accept(int round, int side, long[] times);
    }

    private static void run(List<Side> sides, int seconds, Sink sink) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = sides.size();
        int pairs = n / 2;
        for (int round = 0; System.nanoTime() < end; round++) {
            long[][] times = new long[n][];
            // rotate the order of the pairs and swap the two sides of each pair every other round
            for (int q = 0; q < pairs; q++) {
                int pair = (q + round) % pairs;
                for (int k = 0; k < 2; k++) {
                    int s = 2 * pair + ((k + round) & 1);
                    times[s] = block(sides.get(s));
                }
            }
            if (sink != null) {
                for (int s = 0; s < n; s++) {
                    sink.accept(round, s, times[s]);
                }
            }
        }
    }

    private static long[] block(Side side) throws Exception {
        long[] t = new long[side.block()];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            Object r = side.call().run();
            t[i] = System.nanoTime() - t0;
            if (r == null) {
                throw new IllegalStateException(side.name() + " returned null");
            }
        }
        return t;
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static void report(
            List<Side> sides, long[][] all, int[] filled, List<long[]> blockMedians) {
        System.out.printf(Locale.ROOT, "rounds: %d%n", blockMedians.size());
        for (int s = 0; s < sides.size(); s++) {
            long[] v = Arrays.copyOf(all[s], filled[s]);
            Arrays.sort(v);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s calls %7d  p50 %8.1f us  p99 %8.1f us%n",
                    sides.get(s).name(),
                    v.length,
                    v[v.length / 2] / 1e3,
                    v[(int) Math.min(v.length - 1, Math.floor(0.99 * v.length))] / 1e3);
        }
        ratio("scorerSingle / rawPredictorScopedSingle", blockMedians, 1, 0);
        ratio("modelPredictSingle / rawPredictorScopedSingle", blockMedians, 2, 0);
        ratio("streamingOneBar / rawPredictorScopedSingle", blockMedians, 3, 0);
        ratio("scorerBatch64 / rawPredictorScopedBatch64", blockMedians, 5, 4);
        ratio("modelPredictBatch64 / rawPredictorScopedBatch64", blockMedians, 6, 4);
        ratio("kernelSingle / rawPredictorScopedSingle", blockMedians, 7, 0);
    }

    private static void ratio(String label, List<long[]> medians, int num, int den) {
        double[] r = new double[medians.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = (double) medians.get(k)[num] / medians.get(k)[den];
        }
        Arrays.sort(r);
        System.out.printf(
                Locale.ROOT,
                "%-48s median %.3f  (quartiles %.3f - %.3f)%n",
                label,
                quantile(r, 0.5),
                quantile(r, 0.25),
                quantile(r, 0.75));
    }
}
