// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.maasfin.api.data.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFingerprintTest {

    @Test
    void of_aTwoByTwoFrame_hashesTheBytesOfTheDefinition() throws Exception {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("a", new double[] {1.0, -2.5});
        cols.put("b", new double[] {0.0, Double.NaN});
        Frame f = Frame.of(new long[] {10, 20}, cols);

        // the bytes written out by hand from the Javadoc definition
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("maasfin-frame-v1\n".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {2, 0, 0, 0}); // column count, int LE
        b.write(new byte[] {2, 0, 0, 0, 0, 0, 0, 0}); // row count, long LE
        b.write(new byte[] {'a', '\n', 'b', '\n'});
        b.write(1); // time-indexed
        b.write(new byte[] {10, 0, 0, 0, 0, 0, 0, 0});
        b.write(new byte[] {20, 0, 0, 0, 0, 0, 0, 0});
        b.write(le(0x3FF0000000000000L)); // 1.0
        b.write(le(0xC004000000000000L)); // -2.5
        b.write(le(0L)); // 0.0
        b.write(le(0x7FF8000000000000L)); // canonical NaN
        String expected =
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));

        assertEquals(expected, DataFingerprint.of(f));
    }

    @Test
    void of_changesWithAColumnName() {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("x", new double[] {1});
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("y", new double[] {1});
        assertNotEquals(DataFingerprint.of(Frame.of(a)), DataFingerprint.of(Frame.of(b)));
    }

    private static byte[] le(long bits) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (bits >>> (8 * i));
        }
        return out;
    }
}
