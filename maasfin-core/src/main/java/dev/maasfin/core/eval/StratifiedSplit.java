// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import dev.maasfin.api.split.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The protocol's seeded stratified split of rows into train, validation and test parts.
 *
 * <p>Procedure (evaluation README, reproduced exactly): (1) the list {@code 0..n−1} is shuffled
 * once with {@code Collections.shuffle(list, new java.util.Random(seed))}; (2) for each class label
 * in ascending order, that class's rows are taken in shuffled order: the first {@code floor(n_c ·
 * trainPercent / 100)} go to train, the next {@code floor(n_c · validationPercent / 100)} to
 * validation and the rest to test (integer arithmetic); (3) each part is sorted by row index. A
 * two-part split such as 70/30 uses {@code validationPercent = 0}. The protocol seed is {@link
 * #PROTOCOL_SEED}. Stateless and thread-safe.
 */
public final class StratifiedSplit {
    /** The seed the evaluation protocol uses for every split. */
    public static final long PROTOCOL_SEED = 42L;

    private StratifiedSplit() {}

    /**
     * Returns {@code 0..n−1} shuffled once by {@code Collections.shuffle} with {@code new
     * Random(seed)}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int[] shuffledIndices(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0 but was " + n);
        }
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Splits rows stratified by {@code labels} as the protocol defines (see class doc).
     *
     * @param labels class label of each row (any integers; classes are taken in ascending order)
     * @param trainPercent percentage of each class for train, 0..100
     * @param validationPercent percentage of each class for validation, 0..100
     * @param seed shuffle seed ({@link #PROTOCOL_SEED} for the protocol)
     * @return the parts, each sorted by row index; test holds the remainder of each class
     * @throws IllegalArgumentException if labels are empty, a percentage is negative, or the two
     *     percentages sum to more than 100
     */
    public static Split split(int[] labels, int trainPercent, int validationPercent, long seed) {
        Objects.requireNonNull(labels, "labels");
        checkPercents(labels.length, trainPercent, validationPercent);
        int[] shuffled = shuffledIndices(labels.length, seed);
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        int[][] parts = new int[3][labels.length];
        int[] size = new int[3];
        for (int c : classes) {
            int[] rows = Arrays.stream(shuffled).filter(i -> labels[i] == c).toArray();
            int nTrain = (int) ((long) rows.length * trainPercent / 100);
            int nValidation = (int) ((long) rows.length * validationPercent / 100);
            for (int k = 0; k < rows.length; k++) {
                int part = k < nTrain ? 0 : k < nTrain + nValidation ? 1 : 2;
                parts[part][size[part]++] = rows[k];
            }
        }
        return new Split(
                sorted(parts[0], size[0]), sorted(parts[1], size[1]), sorted(parts[2], size[2]));
    }

    private static int[] sorted(int[] a, int n) {
        int[] out = Arrays.copyOf(a, n);
        Arrays.sort(out);
        return out;
    }

    private static void checkPercents(int n, int train, int validation) {
        if (n == 0) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        if (train < 0 || validation < 0) {
            throw new IllegalArgumentException(
                    "trainPercent and validationPercent must be >= 0 but were "
                            + train
                            + " and "
                            + validation);
        }
        if (train + validation > 100) {
            throw new IllegalArgumentException(
                    "trainPercent + validationPercent must be <= 100 but was "
                            + (train + validation));
        }
    }
}
