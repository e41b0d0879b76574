// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import java.util.Objects;

/** Input checks shared by the baselines; messages name the array, the row and the rule. */
final class Checks {
    private Checks() {}

    static void finite(String name, double[] values) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + " must be finite but row " + i + " is " + values[i]);
            }
        }
    }

    static void minLength(String name, double[] values, int min) {
        if (values.length < min) {
            throw new IllegalArgumentException(
                    name + " must have at least " + min + " values but has " + values.length);
        }
    }

    /** Checks a non-empty rectangular matrix of finite values; returns the column count. */
    static int matrix(String name, double[][] x) {
        Objects.requireNonNull(x, name);
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row");
        }
        int d = Objects.requireNonNull(x[0], name + "[0]").length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " must have at least one column");
        }
        for (int i = 0; i < x.length; i++) {
            double[] row = Objects.requireNonNull(x[i], name + "[" + i + "]");
            if (row.length != d) {
                throw new IllegalArgumentException(
                        name + " row " + i + " has " + row.length + " columns but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            name
                                    + " must be finite but row "
                                    + i
                                    + " column "
                                    + j
                                    + " is "
                                    + row[j]);
                }
            }
        }
        return d;
    }

    static void columns(String name, double[][] x, int expected) {
        int d = matrix(name, x);
        if (d != expected) {
            throw new IllegalArgumentException(
                    name + " must have " + expected + " columns (as fitted) but has " + d);
        }
    }
}
