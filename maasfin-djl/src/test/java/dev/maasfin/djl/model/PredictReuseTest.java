// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.maasfin.djl.engine.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NeuralModel#predict} with its per-thread parameter store and reused direct input buffer
 * against the straightforward call (a fresh store and an input tensor from the Java array in a
 * per-call scope): same bits, under concurrency too, and the same refusals.
 */
class PredictReuseTest {

    private static final int WINDOW = 8;
    private static final int WIDTH = 2;
    private static final int SAMPLE = WINDOW * WIDTH;
    private static NeuralModel model;

    @BeforeAll
    static void create() {
        model =
                NeuralModel.create(
                        RecurrentForecasterSpec.builder()
                                .setWindow(WINDOW)
                                .setFeatures(WIDTH)
                                .optHidden(6)
                                .build(),
                        DeviceSpec.cpu(),
                        5);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The forward pass as it was before the reuse: nothing kept between calls. */
    private static float[] reference(NeuralModel m, float[] x, int batch) {
        try (NDManager scope = m.djlModel().getNDManager().newSubManager()) {
            NDArray in = scope.create(x, NeuralModel.batchShape(batch, m.inputShape()));
            NDList out = m.block().forward(new ParameterStore(scope, false), new NDList(in), false);
            return out.head().toFloatArray();
        }
    }

    private static float[] input(long seed, int batch) {
        Random rnd = new Random(seed);
        float[] x = new float[batch * SAMPLE];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void predict_withTheReusedBuffer_equalsAFreshScopeForward_bitForBit() {
        // batch sizes vary so that the buffer grows and is then reused for smaller inputs
        qt().withFixedSeed(42)
                .withExamples(150)
                .forAll(longs().all(), integers().between(1, 70))
                .checkAssert(
                        (seed, batch) -> {
                            float[] x = input(seed, batch);
                            assertArrayEquals(reference(model, x, batch), model.predict(x, batch));
                        });
    }

    /**
     * The kept zero initial states (two for an LSTM, one for a GRU, one per layer each) give what
     * the layer's own zeros give, and stay zero: every call below follows others on the same
     * thread, with batch sizes going up and down so that the states are replaced too.
     */
    @Test
    void predict_withKeptZeroStates_equalsTheLayersOwnZeros_forLstmAndGruOfTwoLayers() {
        for (RecurrentForecasterSpec.Cell cell : RecurrentForecasterSpec.Cell.values()) {
            NeuralModel m =
                    NeuralModel.create(
                            RecurrentForecasterSpec.builder()
                                    .setWindow(WINDOW)
                                    .setFeatures(WIDTH)
                                    .optCell(cell)
                                    .optLayers(2)
                                    .optHidden(5)
                                    .build(),
                            DeviceSpec.cpu(),
                            8);
            try {
                for (int k = 0; k < 30; k++) {
                    int batch = 1 + (k * 7) % 9;
                    float[] x = input(300 + k, batch);
                    assertArrayEquals(reference(m, x, batch), m.predict(x, batch), cell + " " + k);
                    assertArrayEquals(reference(m, x, batch), m.predict(x, batch), cell + " " + k);
                }
            } finally {
                m.close();
            }
        }
    }

    @Test
    void predict_doesNotLetTheInputOfOneCallReachTheNext() {
        float[] big = input(1, 40);
        float[] small = input(2, 1);
        float[] expectedSmall = reference(model, small, 1);
        model.predict(big, 40);
        assertArrayEquals(expectedSmall, model.predict(small, 1));
        // the caller's array is read, never written
        assertArrayEquals(input(2, 1), small);
    }

    @Test
    void predict_aboveTheCachedBufferSize_equalsAFreshScopeForward() {
        int batch = NeuralModel.MAX_CACHED_INPUT_BYTES / (SAMPLE * Float.BYTES) + 3;
        float[] x = input(9, batch);
        assertArrayEquals(reference(model, x, batch), model.predict(x, batch));
    }

    /**
     * Pool threads start with PyTorch's grad mode on (DJL switches it off only on the thread that
     * loaded the engine), which changed the last bits of an LSTM output before predict switched it
     * off per call; the expected values come from the reference on the test's own thread.
     */
    @Test
    void predict_fromManyThreadsAtOnce_givesEachCallTheSameBitsAsOnTheLoadingThread()
            throws Exception {
        int calls = 60;
        List<float[]> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int k = 0; k < calls; k++) {
            int batch = 1 + k % 5;
            inputs.add(input(100 + k, batch));
            expected.add(reference(model, inputs.get(k), batch));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(
                        pool.submit(
                                () -> {
                                    for (int rep = 0; rep < 5; rep++) {
                                        for (int j = 0; j < calls; j++) {
                                            int k = (j + offset * 7) % calls;
                                            float[] y = model.predict(inputs.get(k), 1 + k % 5);
                                            assertArrayEquals(expected.get(k), y, "call " + k);
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predict_onAThreadWithGradModeOn_leavesItOnAfterwards() throws Exception {
        float[] x = input(6, 1);
        float[] expected = reference(model, x, 1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            one.submit(
                            () -> {
                                // a fresh native thread starts with PyTorch's default: recording
                                assertTrue(ai.djl.pytorch.jni.JniUtils.isGradMode());
                                assertArrayEquals(expected, model.predict(x, 1));
                                assertTrue(ai.djl.pytorch.jni.JniUtils.isGradMode());
                                return null;
                            })
                    .get(60, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void predict_withANonFiniteValue_isRefusedNamingSampleAndPosition() {
        float[] x = input(3, 2);
        x[SAMPLE + 5] = Float.NaN;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.predict(x, 2));
        // sample 1, position 5 by construction of the index above
        assertEquals("input sample 1 position 5 must be finite but was NaN", e.getMessage());
    }

    @Test
    void predict_withTheWrongLength_isRefusedStatingTheRule() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.predict(new float[5], 1));
        assertEquals(
                "input length must be batch * 16 = 16 for sample shape [8, 2] but was 5",
                e.getMessage());
    }

    @Test
    void predict_afterClose_isRefusedEvenOnAThreadThatPredictedBefore() {
        NeuralModel m =
                NeuralModel.create(
                        RecurrentForecasterSpec.builder()
                                .setWindow(WINDOW)
                                .setFeatures(WIDTH)
                                .optHidden(3)
                                .build(),
                        DeviceSpec.cpu(),
                        5);
        float[] x = input(4, 1);
        m.predict(x, 1);
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.predict(x, 1));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }
}
