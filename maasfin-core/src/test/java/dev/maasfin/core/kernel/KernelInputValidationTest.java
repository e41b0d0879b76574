// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad input on the public paths: messages name the parameter, the value and the rule. */
class KernelInputValidationTest {
    private static final SequentialKernel LSTM = ReferenceLstmTest.caseModel();

    @Test
    void predict_wrongInputLength_failsNamingExpectedAndActual() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LSTM.predict(new float[5]));

        assertEquals("in must have inputSize = 4 floats but has 5", e.getMessage());
    }

    @Test
    void predict_inputTooShortForOffset_failsNamingOffsetAndLength() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LSTM.predict(new float[6], 3, new float[1], 0));

        assertEquals(
                "in must hold 4 floats from offset 3 (length >= 7, offset >= 0) but has length 6",
                e.getMessage());
    }

    @Test
    void predictBatch_wrongLength_failsNamingBatchTimesSize() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LSTM.predictBatch(new float[7], 2, new float[2]));

        assertEquals("in must have batch × size = 2 × 4 = 8 floats but has 7", e.getMessage());
    }

    @Test
    void predictBatch_zeroBatch_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LSTM.predictBatch(new float[0], 0, new float[0]));

        assertEquals("batch must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void predict_nanInput_isRejectedNamingIndexStepAndFeature() {
        float[] in = {0.1f, 0.2f, Float.NaN, 0.3f};

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LSTM.predict(in));

        assertEquals(
                "input must be finite but in[2] (element 2 of the sample at offset 0, time step 2,"
                        + " feature 0) is NaN",
                e.getMessage());
    }

    @Test
    void predictBatch_infinityInSecondSample_isRejectedNamingItsIndex() {
        float[] in = new float[8];
        in[5] = Float.POSITIVE_INFINITY;

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LSTM.predictBatch(in, 2, new float[2]));

        assertTrue(e.getMessage().startsWith("input must be finite but in[5] (element 1"));
    }

    @Test
    void predict_nanInputUnderPropagate_givesNaN() {
        SequentialKernel lenient = LSTM.withNonFiniteInput(NonFiniteInput.PROPAGATE);

        assertTrue(Float.isNaN(lenient.predict(new float[] {0.1f, Float.NaN, 0f, 0f})[0]));
        assertEquals(NonFiniteInput.REJECT, LSTM.nonFiniteInput());
    }

    @Test
    void addDense_wrongWeightLength_failsNamingLayerParameterAndShape() {
        SequentialKernel.Builder b = SequentialKernel.builder(3);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> b.addDense(2, new float[5], new float[2]));

        assertEquals(
                "layer 0 (dense) parameter weight must have 6 values (shape (2,3)) but has 5",
                e.getMessage());
    }

    @Test
    void addLstm_zeroHidden_isRejected() {
        SequentialKernel.Builder b = SequentialKernel.builder(4, 1);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> b.addLstm(0, new float[0], new float[0], new float[0], new float[0]));

        assertEquals("layer 0 (lstm) hidden must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void addMaxPool_kernelLongerThanWindow_isRejected() {
        SequentialKernel.Builder b = SequentialKernel.builder(3, 2);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> b.addMaxPool1d(4, 1));

        assertEquals(
                "layer 0 (max_pool1d) kernel must be <= the 3 input time steps but was 4",
                e.getMessage());
    }

    @Test
    void build_withoutLayers_isRejected() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> SequentialKernel.builder(3).build());

        assertEquals("a kernel needs at least one layer but none was added", e.getMessage());
    }

    @Test
    void builder_zeroFeatures_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SequentialKernel.builder(4, 0));

        assertEquals("input features must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void addDense_weightArrayChangedAfterwards_doesNotChangeKernel() {
        float[] w = {1f, 1f};
        SequentialKernel k = SequentialKernel.builder(2).addDense(1, w, new float[1]).build();

        w[0] = 100f;

        assertEquals(3f, k.predict(new float[] {1f, 2f})[0]);
    }
}
