// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's "no allocation per call once warmed up": bytes this thread allocates across 10,000
 * single predictions, read from HotSpot's per-thread allocation counter. The bound of 1 KiB in
 * total (under 0.11 byte per call) leaves room for the counter's own bookkeeping; a single
 * allocated array per call would cost at least 16 bytes × 10,000 = 160,000 bytes.
 */
class KernelAllocationTest {
    private static final int CALLS = 10_000;
    private static final long BOUND_BYTES = 1024;
    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void counter() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "allocation counter unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private static long bytesFor(Kernel kernel) {
        float[] in = TestKernels.input(new Random(7), kernel.inputSize());
        float[] out = new float[kernel.outputSize()];
        for (int i = 0; i < 2 * CALLS; i++) {
            kernel.predict(in, 0, out, 0);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            kernel.predict(in, 0, out, 0);
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void predict_autoencoder30_16_8_16_30_allocatesNothingPerCallWhenWarm() {
        long bytes = bytesFor(TestKernels.autoencoder(1));

        assertTrue(bytes <= BOUND_BYTES, CALLS + " calls allocated " + bytes + " bytes");
    }

    @Test
    void predict_lstmHidden32Window32Features8_allocatesNothingPerCallWhenWarm() {
        long bytes = bytesFor(TestKernels.lstm(2, 32, 8, 32));

        assertTrue(bytes <= BOUND_BYTES, CALLS + " calls allocated " + bytes + " bytes");
    }

    @Test
    void predict_convAndGru_allocateNothingPerCallWhenWarm() {
        long bytes = bytesFor(TestKernels.conv(3)) + bytesFor(TestKernels.gru(4));

        assertTrue(bytes <= 2 * BOUND_BYTES, 2 * CALLS + " calls allocated " + bytes + " bytes");
    }
}
