// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import java.util.List;
import java.util.Map;

/** Reading typed values from a JSON object parsed into maps and lists. */
final class JsonValues {

    private JsonValues() {}

    static Object required(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("hyper-parameter '" + key + "' is missing");
        }
        return v;
    }

    static int intValue(Map<String, ?> m, String key) {
        return ((Number) required(m, key)).intValue();
    }

    static double doubleValue(Map<String, ?> m, String key) {
        return ((Number) required(m, key)).doubleValue();
    }

    static String string(Map<String, ?> m, String key) {
        return String.valueOf(required(m, key));
    }

    static int[] intArray(Map<String, ?> m, String key) {
        List<?> l = (List<?>) required(m, key);
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).intValue();
        }
        return a;
    }

    static float[] floatArray(Map<String, ?> m, String key) {
        List<?> l = (List<?>) required(m, key);
        float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).floatValue();
        }
        return a;
    }
}
