// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties over the four model families (dense autoencoder, LSTM, stacked GRU, conv):
 * batch scoring equals one-by-one scoring bit for bit, and save then load keeps every bit (for
 * weights drawn afresh from each example's seed).
 */
class KernelPropertyTest {
    private static final List<SequentialKernel> MODELS =
            List.of(
                    TestKernels.autoencoder(11),
                    TestKernels.lstm(12, 6, 3, 4),
                    TestKernels.gru(13),
                    TestKernels.conv(14));

    @Test
    void predictBatch_equalsPredictPerSample_bitForBit() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(integers().between(0, 3), integers().between(1, 8), longs().all())
                .checkAssert(
                        (model, batch, seed) -> {
                            SequentialKernel k = MODELS.get(model);
                            float[] in = TestKernels.input(new Random(seed), batch * k.inputSize());
                            float[] batched = new float[batch * k.outputSize()];
                            k.predictBatch(in, batch, batched);
                            float[] single = new float[k.outputSize()];
                            for (int s = 0; s < batch; s++) {
                                k.predict(in, s * k.inputSize(), single, 0);
                                for (int j = 0; j < single.length; j++) {
                                    assertEquals(
                                            Float.floatToRawIntBits(single[j]),
                                            Float.floatToRawIntBits(batched[s * single.length + j]),
                                            "model " + model + " sample " + s + " output " + j);
                                }
                            }
                        });
    }

    @Test
    void saveThenLoad_givesBitIdenticalOutputs() {
        qt().withFixedSeed(42)
                .withExamples(1000)
                .forAll(integers().between(0, 3), longs().all())
                .checkAssert(
                        (model, seed) -> {
                            SequentialKernel k = family(model, seed);
                            SequentialKernel loaded = roundTrip(k);
                            float[] in = TestKernels.input(new Random(seed), k.inputSize());
                            float[] a = k.predict(in);
                            float[] b = loaded.predict(in);
                            for (int j = 0; j < a.length; j++) {
                                assertEquals(
                                        Float.floatToRawIntBits(a[j]),
                                        Float.floatToRawIntBits(b[j]),
                                        "model " + model + " output " + j);
                            }
                        });
    }

    /** A model of the given family with weights drawn from the seed. */
    private static SequentialKernel family(int model, long seed) {
        switch (model) {
            case 0:
                return TestKernels.autoencoder(seed);
            case 1:
                return TestKernels.lstm(seed, 6, 3, 4);
            case 2:
                return TestKernels.gru(seed);
            default:
                return TestKernels.conv(seed);
        }
    }

    private static SequentialKernel roundTrip(SequentialKernel k) {
        try {
            ByteArrayOutputStream spec = new ByteArrayOutputStream();
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            KernelFiles.write(k, spec, weights);
            return KernelFiles.read(spec.toByteArray(), weights.toByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
