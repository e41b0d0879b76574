// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reference case 20 of {@code shared/cases/reference-cases.md}: PyTorch {@code nn.LSTM(1, 2,
 * batch_first=True)} + {@code nn.Linear(2, 1)} with the case's weights. Expected values are the
 * case's float32 figures (tolerance 1e-6); the wrong outputs are the case's list of faults.
 */
class ReferenceLstmTest {
    // Case 20 weights, gate rows in PyTorch order i, f, g, o.
    static final float[] W_IH = {0.5f, -0.3f, 0.8f, 0.2f, 0.6f, 0.1f, -0.4f, 0.7f};
    static final float[] W_HH = {
        0.1f, -0.2f, 0.3f, 0.05f, -0.1f, 0.2f, 0.15f, -0.05f, 0.2f, 0.1f, -0.3f, 0.25f, 0.05f, 0.4f,
        -0.15f, 0.1f
    };
    static final float[] B_IH = {0f, 0.1f, 0.5f, 0.3f, 0f, -0.1f, 0.05f, 0.2f};
    static final float[] B_HH = {0.05f, 0f, 0.2f, 0.1f, -0.05f, 0f, 0f, 0.1f};
    static final float[] WINDOW_A = {0.10f, -0.20f, 0.05f, 0.30f};
    static final float[] WINDOW_B = {0.40f, 0.35f, -0.10f, 0.00f};

    static SequentialKernel caseModel(float[] wIh, float[] wHh, float[] bIh, float[] bHh) {
        return SequentialKernel.builder(4, 1)
                .addLstm(2, wIh, wHh, bIh, bHh)
                .addLastStep()
                .addDense(1, new float[] {1.2f, -0.7f}, new float[] {0.05f})
                .build();
    }

    static SequentialKernel caseModel() {
        return caseModel(W_IH, W_HH, B_IH, B_HH);
    }

    @Test
    void predict_onCase20Windows_givesReferenceValues() {
        SequentialKernel k = caseModel();

        assertEquals(0.10196066, k.predict(WINDOW_A)[0], 1e-6);
        assertEquals(0.11180267, k.predict(WINDOW_B)[0], 1e-6);
    }

    @Test
    void predictBatch_onWindowsAandB_givesSameTwoValues() {
        float[] batch = new float[8];
        System.arraycopy(WINDOW_A, 0, batch, 0, 4);
        System.arraycopy(WINDOW_B, 0, batch, 4, 4);
        float[] out = new float[2];

        caseModel().predictBatch(batch, 2, out);

        assertEquals(0.10196066, out[0], 1e-6);
        assertEquals(0.11180267, out[1], 1e-6);
    }

    @Test
    void predict_aThenBThenA_thirdEqualsFirstBecauseStateResetsEachCall() {
        SequentialKernel k = caseModel();

        float first = k.predict(WINDOW_A)[0];
        float second = k.predict(WINDOW_B)[0];
        float third = k.predict(WINDOW_A)[0];

        assertEquals(Float.floatToIntBits(first), Float.floatToIntBits(third));
        // B with A's final state carried over would be 0.12017967 (case 20's wrong output).
        assertEquals(0.11180267, second, 1e-6);
    }

    @Test
    void predict_isNotAnyOfTheCase20WrongOutputs() {
        float a = caseModel().predict(WINDOW_A)[0];

        // Wrong outputs listed by case 20 for window A: ONNX gate order, bias_hh dropped.
        assertTrue(Math.abs(a - -0.06610848) > 1e-3, "ONNX gate order value " + a);
        assertTrue(Math.abs(a - 0.14138690) > 1e-3, "bias_hh dropped value " + a);
    }

    @Test
    void predict_withBiasHhDropped_reproducesTheCase20WrongValue_soBothBiasesCount() {
        SequentialKernel dropped = caseModel(W_IH, W_HH, B_IH, new float[8]);

        // Case 20: "bias_hh dropped: 0.14138690".
        assertEquals(0.14138690, dropped.predict(WINDOW_A)[0], 1e-6);
    }

    @Test
    void predict_withRowsReadInOnnxOrder_reproducesTheCase20WrongValue_soGateOrderCounts() {
        // Reading the PyTorch blocks (i, f, g, o) as ONNX's (i, o, f, c) means the kernel's
        // f is block 2, its g block 3 and its o block 1.
        int[] blocks = {0, 2, 3, 1};
        SequentialKernel onnx =
                caseModel(
                        permute(W_IH, blocks, 2),
                        permute(W_HH, blocks, 4),
                        permute(B_IH, blocks, 2),
                        permute(B_HH, blocks, 2));

        // Case 20: "gate rows read in ONNX order: −0.06610848".
        assertEquals(-0.06610848, onnx.predict(WINDOW_A)[0], 1e-6);
    }

    private static float[] permute(float[] v, int[] blocks, int blockLength) {
        float[] p = new float[v.length];
        for (int b = 0; b < 4; b++) {
            System.arraycopy(v, blocks[b] * blockLength, p, b * blockLength, blockLength);
        }
        return p;
    }

    @Test
    void load_intoLstmDeclaredWithThreeHiddenUnits_failsNamingParameterAndBothShapes()
            throws Exception {
        Path dir = TestKernels.tempDir();
        KernelFiles.save(caseModel(), dir);
        Path spec = dir.resolve(KernelFiles.SPEC_FILE);
        String json = Files.readString(spec, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"hidden\" : 2"), json);
        Files.writeString(spec, json.replace("\"hidden\" : 2", "\"hidden\" : 3"));

        KernelFormatException e =
                assertThrows(KernelFormatException.class, () -> KernelFiles.load(dir));

        assertEquals(
                "layer 0 (lstm) parameter weight_ih was saved with shape (8,1) but the layer"
                        + " expects (12,1)",
                e.getMessage());
    }

    @Test
    void saveThenLoad_givesBitIdenticalPredictions() throws Exception {
        Path dir = TestKernels.tempDir();
        SequentialKernel k = caseModel();

        KernelFiles.save(k, dir);
        SequentialKernel loaded = KernelFiles.load(dir);

        assertArrayEquals(k.predict(WINDOW_A), loaded.predict(WINDOW_A));
        assertArrayEquals(k.predict(WINDOW_B), loaded.predict(WINDOW_B));
    }
}
