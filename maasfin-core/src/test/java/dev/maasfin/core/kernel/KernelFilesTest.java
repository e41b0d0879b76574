// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The saved format: layout of the weights file, and clear errors for damaged files. */
class KernelFilesTest {
    private static byte[][] encode(SequentialKernel k) throws Exception {
        ByteArrayOutputStream spec = new ByteArrayOutputStream();
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        KernelFiles.write(k, spec, weights);
        return new byte[][] {spec.toByteArray(), weights.toByteArray()};
    }

    private static String spec(byte[][] files) {
        return new String(files[0], StandardCharsets.UTF_8);
    }

    @Test
    void write_case20Model_weightsAreLittleEndianFloat32InSpecOrder() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());

        // 8 + 16 + 8 + 8 LSTM values, then dense 2 + 1: 43 floats, 172 bytes.
        assertEquals(172, files[1].length);
        ByteBuffer b = ByteBuffer.wrap(files[1]).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.5f, b.getFloat(0)); // weight_ih_l0[0, 0]
        assertEquals(-0.2f, b.getFloat(4 * (8 + 1))); // weight_hh_l0[0, 1]
        assertEquals(0.05f, b.getFloat(4 * (8 + 16 + 8))); // bias_hh_l0[0]
        assertEquals(1.2f, b.getFloat(4 * 40)); // dense weight[0, 0]
        assertEquals(0.05f, b.getFloat(4 * 42)); // dense bias[0]
        assertTrue(spec(files).contains("\"floats\" : 43"), spec(files));
    }

    @Test
    void read_truncatedWeights_failsNamingBothSizes() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());

        KernelFormatException e =
                assertThrows(
                        KernelFormatException.class,
                        () -> KernelFiles.read(files[0], Arrays.copyOf(files[1], 100)));

        assertEquals(
                "kernel weights are truncated: the spec needs 43 float32 values (172 bytes) but the"
                        + " weights hold 100 bytes",
                e.getMessage());
    }

    @Test
    void read_weightsWithExtraBytes_failsNamingBothSizes() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());

        KernelFormatException e =
                assertThrows(
                        KernelFormatException.class,
                        () -> KernelFiles.read(files[0], Arrays.copyOf(files[1], 176)));

        assertEquals(
                "kernel weights hold 176 bytes but the spec needs exactly 172 (43 float32 values)",
                e.getMessage());
    }

    @Test
    void read_unknownVersion_failsListingSupportedVersions() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());
        byte[] spec = spec(files).replace("\"version\" : 1", "\"version\" : 7").getBytes();

        KernelFormatException e =
                assertThrows(KernelFormatException.class, () -> KernelFiles.read(spec, files[1]));

        assertEquals(
                "kernel spec version 7 is not supported; supported versions: [1]", e.getMessage());
    }

    @Test
    void read_unknownLayerType_failsNamingLayerAndKnownTypes() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());
        byte[] spec = spec(files).replace("\"last_step\"", "\"attention\"").getBytes();

        KernelFormatException e =
                assertThrows(KernelFormatException.class, () -> KernelFiles.read(spec, files[1]));

        assertTrue(
                e.getMessage().startsWith("layer 1 (attention): unknown layer type 'attention'"),
                e.getMessage());
    }

    @Test
    void read_nanWeight_failsNamingLayerParameterAndIndex() throws Exception {
        byte[][] files = encode(ReferenceLstmTest.caseModel());
        ByteBuffer.wrap(files[1]).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * 41, Float.NaN);

        KernelFormatException e =
                assertThrows(
                        KernelFormatException.class, () -> KernelFiles.read(files[0], files[1]));

        assertEquals(
                "layer 2 (dense) parameter weight[1] must be finite but is NaN", e.getMessage());
    }

    @Test
    void read_notJson_failsSayingSo() {
        KernelFormatException e =
                assertThrows(
                        KernelFormatException.class,
                        () -> KernelFiles.read("{not json".getBytes(), new byte[0]));

        assertTrue(e.getMessage().startsWith("kernel spec is not valid JSON"), e.getMessage());
    }

    @Test
    void saveThenLoad_everyLayerType_givesIdenticalOutputs() throws Exception {
        Path dir = TestKernels.tempDir();
        SequentialKernel conv = TestKernels.conv(5);
        float[] in = TestKernels.input(new java.util.Random(5), conv.inputSize());

        KernelFiles.save(conv, dir);
        SequentialKernel loaded = KernelFiles.load(dir);

        assertArrayEquals(conv.predict(in), loaded.predict(in));
        assertEquals(conv.toString(), loaded.toString());
        assertTrue(Files.size(dir.resolve(KernelFiles.WEIGHTS_FILE)) > 0);
    }
}
