// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Element-wise assertions for indicator outputs; NaN must meet NaN at the same index. */
final class Expect {
    private Expect() {}

    static void absolute(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(
                        Double.isNaN(actual[i]),
                        "index " + i + ": expected NaN but was " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], tolerance, "index " + i);
            }
        }
    }

    /** Relative tolerance against max(|expected|, 1e-300); NaN only where expected is NaN. */
    static void relative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(
                        Double.isNaN(actual[i]),
                        what + " row " + i + ": expected NaN but was " + actual[i]);
                continue;
            }
            assertTrue(
                    !Double.isNaN(actual[i]),
                    what + " row " + i + ": expected " + expected[i] + " but was NaN");
            double scale = Math.max(Math.abs(expected[i]), 1e-12);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tolerance * scale,
                    what + " row " + i + ": expected " + expected[i] + " but was " + actual[i]);
        }
    }

    static double[] nan(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, Double.NaN);
        return x;
    }

    /** NaN × warmUp followed by the given values. */
    static double[] after(int warmUp, double... values) {
        double[] x = new double[warmUp + values.length];
        java.util.Arrays.fill(x, 0, warmUp, Double.NaN);
        System.arraycopy(values, 0, x, warmUp, values.length);
        return x;
    }
}
