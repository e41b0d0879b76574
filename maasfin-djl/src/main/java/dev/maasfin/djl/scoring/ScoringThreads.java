// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import dev.maasfin.djl.engine.Engines;

/**
 * PyTorch's intra-op and inter-op thread counts, which DJL reads from the system properties {@value
 * #INTRA_OP} and {@value #INTER_OP} once, when the engine loads.
 *
 * <p>Call {@link #configure} at start-up, before anything loads the engine (before the first model
 * is created or loaded); DJL offers no way to change them later. Effect on latency: intra-op
 * threads parallelise one operator (a matrix product) and inter-op threads run independent
 * operators together. With many caller threads scoring small models, PyTorch's default (one
 * intra-op thread per core) makes every call's operators compete for all cores, and the
 * oversubscription lengthens latency; {@code configure(1, 1)} keeps each call on its caller's
 * thread. Measured with {@code ScorerBenchmark} (LSTM window 32, 4 caller threads, 2 shared cores
 * under a load average near 9): the median call fell from 1.37 ms with the defaults (2/2) to 0.45
 * ms with 1/1; p99 stayed at 10-13 ms either way there, dominated by the other load, so the
 * often-reported several-fold cut of the tail was not reproduced on that machine. Large batches on
 * an idle machine may instead gain from more intra-op threads. maasfin's tests and benchmarks run
 * with 1/1. Thread-safe: synchronized.
 */
public final class ScoringThreads {

    /** System property DJL reads for PyTorch's intra-op thread count. */
    public static final String INTRA_OP = "ai.djl.pytorch.num_threads";

    /** System property DJL reads for PyTorch's inter-op thread count. */
    public static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    private ScoringThreads() {}

    /**
     * Sets both thread counts for the engine that has yet to load.
     *
     * @param intraOp threads per operator, {@code >= 1}
     * @param interOp operators run at once, {@code >= 1}
     * @throws IllegalArgumentException if a count is below 1
     * @throws IllegalStateException if the engine has already loaded with other counts (they cannot
     *     change in a running process)
     */
    public static synchronized void configure(int intraOp, int interOp) {
        if (intraOp < 1 || interOp < 1) {
            throw new IllegalArgumentException(
                    "intraOp and interOp must be >= 1 but were " + intraOp + " and " + interOp);
        }
        String intra = String.valueOf(intraOp);
        String inter = String.valueOf(interOp);
        if (Engines.isLoaded()) {
            if (intra.equals(System.getProperty(INTRA_OP))
                    && inter.equals(System.getProperty(INTER_OP))) {
                return;
            }
            throw new IllegalStateException(
                    "PyTorch has already loaded with "
                            + INTRA_OP
                            + "="
                            + System.getProperty(INTRA_OP, "(default)")
                            + " and "
                            + INTER_OP
                            + "="
                            + System.getProperty(INTER_OP, "(default)")
                            + "; thread counts must be configured before the engine loads");
        }
        System.setProperty(INTRA_OP, intra);
        System.setProperty(INTER_OP, inter);
    }

    /** Returns the configured intra-op count, or -1 if not set (PyTorch's default applies). */
    public static int intraOp() {
        return Integer.parseInt(System.getProperty(INTRA_OP, "-1"));
    }

    /** Returns the configured inter-op count, or -1 if not set (PyTorch's default applies). */
    public static int interOp() {
        return Integer.parseInt(System.getProperty(INTER_OP, "-1"));
    }
}
