// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import java.util.Arrays;
import java.util.List;

/** Builder validation helpers that collect every problem before throwing. */
final class Checks {

    private Checks() {}

    static void positive(List<String> errors, String name, int value) {
        if (value < 1) {
            errors.add(name + " must be >= 1 but was " + value);
        }
    }

    static void widths(List<String> errors, String name, int[] widths) {
        if (widths == null || widths.length == 0) {
            errors.add(name + " must hold at least one width but was " + Arrays.toString(widths));
            return;
        }
        for (int w : widths) {
            if (w < 1) {
                errors.add(name + " must all be >= 1 but was " + Arrays.toString(widths));
                return;
            }
        }
    }

    static void fraction(List<String> errors, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            errors.add(name + " must be in [0, 1) but was " + value);
        }
    }

    static void throwIfAny(String what, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid " + what + ": " + String.join("; ", errors));
        }
    }
}
