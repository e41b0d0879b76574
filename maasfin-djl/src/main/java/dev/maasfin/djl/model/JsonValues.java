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

    /**
     * Reads an enum constant by name, or {@code fallback} when the key is absent (fields added
     * after artifacts were first written).
     */
    static <E extends Enum<E>> E enumOrDefault(
            Map<String, ?> m, String key, Class<E> type, E fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v.toString())) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "hyper-parameter '"
                        + key
                        + "' must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants())
                        + " but was '"
                        + v
                        + "'");
    }
}
