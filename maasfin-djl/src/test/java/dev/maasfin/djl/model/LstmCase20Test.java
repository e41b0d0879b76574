// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.io.ArtifactException;
import dev.maasfin.djl.io.ModelArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reference case 20: PyTorch {@code nn.LSTM(1, 2, batch_first=True)} + {@code nn.Linear(2, 1)}
 * weights set into maasfin's LSTM forecaster; expected predictions from the case (float32, 1e-6; a
 * numpy re-implementation gives 0.10196065 in double).
 */
class LstmCase20Test {

    static final float[] WINDOW_A = {0.10f, -0.20f, 0.05f, 0.30f};
    static final float[] WINDOW_B = {0.40f, 0.35f, -0.10f, 0.00f};
    static final float A = 0.10196066f;
    static final float B = 0.11180267f;

    static RecurrentForecasterSpec spec(int hidden) {
        return RecurrentForecasterSpec.builder()
                .setWindow(4)
                .setFeatures(1)
                .optHidden(hidden)
                .build();
    }

    /** The case's state dict, gate rows in PyTorch order i, f, g, o. */
    static Map<String, float[]> stateDict() {
        Map<String, float[]> sd = new LinkedHashMap<>();
        sd.put("weight_ih_l0", new float[] {0.5f, -0.3f, 0.8f, 0.2f, 0.6f, 0.1f, -0.4f, 0.7f});
        sd.put(
                "weight_hh_l0",
                new float[] {
                    0.1f, -0.2f, 0.3f, 0.05f, -0.1f, 0.2f, 0.15f, -0.05f, 0.2f, 0.1f, -0.3f, 0.25f,
                    0.05f, 0.4f, -0.15f, 0.1f
                });
        sd.put("bias_ih_l0", new float[] {0, 0.1f, 0.5f, 0.3f, 0, -0.1f, 0.05f, 0.2f});
        sd.put("bias_hh_l0", new float[] {0.05f, 0, 0.2f, 0.1f, -0.05f, 0, 0, 0.1f});
        sd.put("head.weight", new float[] {1.2f, -0.7f});
        sd.put("head.bias", new float[] {0.05f});
        return sd;
    }

    static NeuralModel case20Model() {
        NeuralModel m = NeuralModel.create(spec(2), DeviceSpec.cpu(), 1);
        PyTorchImport.importRecurrent(m, stateDict());
        return m;
    }

    @Test
    void importedPyTorchWeights_predictCase20Values() {
        try (NeuralModel m = case20Model()) {
            assertEquals(A, m.predict(WINDOW_A, 1)[0], 1e-6);
            assertEquals(B, m.predict(WINDOW_B, 1)[0], 1e-6);
            float[] both = m.predict(concat(WINDOW_A, WINDOW_B), 2);
            assertEquals(A, both[0], 1e-6);
            assertEquals(B, both[1], 1e-6);
        }
    }

    @Test
    void predictAThenBThenA_thirdCallEqualsFirst_noStateCarried() {
        try (NeuralModel m = case20Model()) {
            float first = m.predict(WINDOW_A, 1)[0];
            m.predict(WINDOW_B, 1);
            float third = m.predict(WINDOW_A, 1)[0];

            assertEquals(Float.floatToIntBits(first), Float.floatToIntBits(third));
        }
    }

    @Test
    void parameters_haveDocumentedNamesShapesAndPyTorchMapping() {
        try (NeuralModel m = case20Model()) {
            Map<String, int[]> shapes = m.parameterShapes();
            Map<String, String> names = PyTorchImport.recurrentNames(m);

            assertEquals(
                    "[01LSTM_l_0_i2h_WEIGHT, 01LSTM_l_0_h2h_WEIGHT, 01LSTM_l_0_i2h_BIAS,"
                            + " 01LSTM_l_0_h2h_BIAS, 03Linear_weight, 03Linear_bias]",
                    shapes.keySet().toString());
            assertArrayEquals(new int[] {8, 1}, shapes.get("01LSTM_l_0_i2h_WEIGHT"));
            assertArrayEquals(new int[] {8, 2}, shapes.get("01LSTM_l_0_h2h_WEIGHT"));
            assertArrayEquals(new int[] {8}, shapes.get("01LSTM_l_0_i2h_BIAS"));
            assertArrayEquals(new int[] {8}, shapes.get("01LSTM_l_0_h2h_BIAS"));
            assertArrayEquals(new int[] {1, 2}, shapes.get("03Linear_weight"));
            assertArrayEquals(new int[] {1}, shapes.get("03Linear_bias"));
            assertEquals(
                    "{weight_ih_l0=01LSTM_l_0_i2h_WEIGHT, weight_hh_l0=01LSTM_l_0_h2h_WEIGHT,"
                            + " bias_ih_l0=01LSTM_l_0_i2h_BIAS, bias_hh_l0=01LSTM_l_0_h2h_BIAS,"
                            + " head.weight=03Linear_weight, head.bias=03Linear_bias}",
                    names.toString());
        }
    }

    @Test
    void saveThenLoad_artifactAndDjlParams_giveBitIdenticalPredictions() throws Exception {
        Path dir = Paths.get("target", "case20", UUID.randomUUID().toString());
        float[] ab = concat(WINDOW_A, WINDOW_B);
        try (NeuralModel m = case20Model()) {
            float[] before = m.predict(ab, 2);
            ModelArtifacts.save(m, dir);
            byte[] params = m.writeParameters();

            try (NeuralModel viaArtifact = ModelArtifacts.load(dir, DeviceSpec.cpu());
                    NeuralModel viaParams =
                            NeuralModel.fromParameters(spec(2), DeviceSpec.cpu(), 9, params)) {
                assertBitsEqual(before, viaArtifact.predict(ab, 2));
                assertBitsEqual(before, viaParams.predict(ab, 2));
            }
        }
    }

    @Test
    void goldenArtifactOfFormatVersion1_loadsAndPredictsCase20Values() throws Exception {
        // Written once by maasfin 0.1.0-SNAPSHOT (format 1) from case20Model(); kept unchanged.
        Path golden = Paths.get("src", "test", "resources", "golden", "format-1-case20-lstm");

        try (NeuralModel m = ModelArtifacts.load(golden, DeviceSpec.cpu())) {
            assertEquals(A, m.predict(WINDOW_A, 1)[0], 1e-6);
            assertEquals(B, m.predict(WINDOW_B, 1)[0], 1e-6);
        }
    }

    @Test
    void goldenArtifactOfFormatVersion2_loadsAndPredictsCase20Values() throws Exception {
        // Written once by maasfin 0.1.0-SNAPSHOT (format 2, MANIFEST.json) from case20Model().
        Path golden = Paths.get("src", "test", "resources", "golden", "format-2-case20-lstm");

        try (NeuralModel m = ModelArtifacts.load(golden, DeviceSpec.cpu())) {
            assertEquals(A, m.predict(WINDOW_A, 1)[0], 1e-6);
            assertEquals(B, m.predict(WINDOW_B, 1)[0], 1e-6);
        }
    }

    @Test
    void goldenArtifactOfFormatVersion1_withAnAlteredFile_isRefusedNamingIt() throws Exception {
        Path golden = Paths.get("src", "test", "resources", "golden", "format-1-case20-lstm");
        Path copy = Paths.get("target", "golden-copy-" + System.nanoTime());
        Files.createDirectories(copy);
        for (String f : new String[] {"MANIFEST.sha256", "block.params", "model.json"}) {
            Files.copy(golden.resolve(f), copy.resolve(f));
        }
        byte[] b = Files.readAllBytes(copy.resolve("model.json"));
        b[10] ^= 0x01;
        Files.write(copy.resolve("model.json"), b);

        ArtifactException e =
                assertThrows(
                        ArtifactException.class, () -> ModelArtifacts.load(copy, DeviceSpec.cpu()));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "artifact file model.json in "
                                        + copy
                                        + " does not match MANIFEST.sha256: expected sha256"
                                        + " 013cf9ddd9561c2c93fab6490a4481897a5c71f7f07056bea0b45f92a174bc2a"),
                e.getMessage());
    }

    @Test
    void loadingIntoThreeHiddenUnits_namesParameterAndBothShapes() {
        byte[] params;
        try (NeuralModel m = case20Model()) {
            params = m.writeParameters();
        }

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> NeuralModel.fromParameters(spec(3), DeviceSpec.cpu(), 1, params));
        assertEquals(
                "parameter 01LSTM_l_0_i2h_WEIGHT: saved shape (8, 1) but the architecture"
                        + " expects (12, 1)",
                e.getMessage());
    }

    static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static void assertBitsEqual(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        for (int k = 0; k < a.length; k++) {
            assertEquals(Float.floatToIntBits(a[k]), Float.floatToIntBits(b[k]), "index " + k);
        }
    }
}
