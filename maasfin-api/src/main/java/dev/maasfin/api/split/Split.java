// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.split;

import java.util.Arrays;
import java.util.Objects;

/**
 * One partition of row (or sample) indices into train, validation and test parts.
 *
 * <p>Each part is a sorted array of distinct indices; the parts never overlap. A chronological
 * split has contiguous parts in time order; a purged fold may leave gaps around the test part
 * (purged and embargoed rows belong to no part). Thread-safe: immutable (arrays copied in and out).
 */
public final class Split {
    private final int[] train;
    private final int[] validation;
    private final int[] test;

    /**
     * Creates a split; arrays are copied.
     *
     * @throws IllegalArgumentException if a part is not strictly increasing, holds a negative
     *     index, or shares an index with another part
     */
    public Split(int[] train, int[] validation, int[] test) {
        this.train = checked("train", train);
        this.validation = checked("validation", validation);
        this.test = checked("test", test);
        checkDisjoint("train", this.train, "validation", this.validation);
        checkDisjoint("train", this.train, "test", this.test);
        checkDisjoint("validation", this.validation, "test", this.test);
    }

    private static int[] checked(String part, int[] idx) {
        int[] a = Objects.requireNonNull(idx, part).clone();
        for (int k = 0; k < a.length; k++) {
            if (a[k] < 0) {
                throw new IllegalArgumentException(part + " index " + a[k] + " is negative");
            }
            if (k > 0 && a[k] <= a[k - 1]) {
                throw new IllegalArgumentException(
                        part
                                + " indices must be strictly increasing but "
                                + a[k]
                                + " follows "
                                + a[k - 1]);
            }
        }
        return a;
    }

    private static void checkDisjoint(String na, int[] a, String nb, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                throw new IllegalArgumentException(
                        "index " + a[i] + " is in both " + na + " and " + nb);
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** Returns a copy of the training indices. */
    public int[] train() {
        return train.clone();
    }

    /** Returns a copy of the validation indices (possibly empty). */
    public int[] validation() {
        return validation.clone();
    }

    /** Returns a copy of the test indices. */
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s
                && Arrays.equals(train, s.train)
                && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation))
                + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train "
                + describe(train)
                + ", validation "
                + describe(validation)
                + ", test "
                + describe(test)
                + "]";
    }

    private static String describe(int[] a) {
        return a.length == 0 ? "empty" : a.length + " rows " + a[0] + ".." + a[a.length - 1];
    }
}
