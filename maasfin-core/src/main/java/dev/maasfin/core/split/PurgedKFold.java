// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import dev.maasfin.api.split.Split;
import dev.maasfin.api.window.WindowedDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Purged k-fold cross-validation with embargo for samples whose labels span time (López de Prado,
 * <i>Advances in Financial Machine Learning</i>, 2018, ch. 7).
 *
 * <p>Sample {@code i} has the closed label interval {@code [t0[i], t1[i]]} (times or row numbers;
 * {@code t0} non-decreasing). The samples are cut into {@code k} contiguous test folds (the first
 * {@code n mod k} folds one sample longer). For a fold with span {@code [min t0, max t1]}:
 *
 * <ol>
 *   <li>purge: a sample is kept for training only if its interval ends before the span starts
 *       ({@code t1 < span start}) or starts after it ends ({@code t0 > span end}); touching at one
 *       point counts as overlap;
 *   <li>embargo: the first {@code e} samples that start after the span end are dropped too (the
 *       book's {@code indices[maxT1Idx + mbrg:]}); {@code e} is given directly or as {@code
 *       floor(fraction * n)}, as in the book. There is no embargo before the fold.
 * </ol>
 *
 * Validation parts are empty. Required: {@code setLabelIntervals} (or {@code setWindowLabels}) and
 * {@code setFolds}; optional: {@code optEmbargo} or {@code optEmbargoFraction}. Not thread-safe (a
 * builder); the splits are immutable.
 */
public final class PurgedKFold {
    private long[] t0;
    private long[] t1;
    private int folds = Integer.MIN_VALUE;
    private int embargo;
    private double embargoFraction = Double.NaN;
    private boolean embargoSet;

    private PurgedKFold() {}

    /** Returns a new builder. */
    public static PurgedKFold builder() {
        return new PurgedKFold();
    }

    /** Sets each sample's label interval {@code [t0[i], t1[i]]} (required); arrays are copied. */
    public PurgedKFold setLabelIntervals(long[] t0, long[] t1) {
        this.t0 = Objects.requireNonNull(t0, "t0").clone();
        this.t1 = Objects.requireNonNull(t1, "t1").clone();
        return this;
    }

    /**
     * Sets the label intervals of windowed samples in row units: {@code [end(i), end(i) +
     * horizon]}, the observation row and the last label row (alternative to {@link
     * #setLabelIntervals}).
     */
    public PurgedKFold setWindowLabels(WindowedDataset data, int horizon) {
        long[] a = new long[data.size()];
        long[] b = new long[data.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = data.end(i);
            b[i] = (long) data.end(i) + horizon;
        }
        return setLabelIntervals(a, b);
    }

    /** Sets the number of folds k (required, {@code 2 <= k <= n}). */
    public PurgedKFold setFolds(int folds) {
        this.folds = folds;
        return this;
    }

    /** Sets the embargo as a number of samples (optional, default 0, {@code >= 0}). */
    public PurgedKFold optEmbargo(int samples) {
        this.embargo = samples;
        this.embargoSet = true;
        return this;
    }

    /** Sets the embargo as a fraction of all samples, in [0, 1) (optional; floor(fraction * n)). */
    public PurgedKFold optEmbargoFraction(double fraction) {
        this.embargoFraction = fraction;
        return this;
    }

    /**
     * Validates the settings and returns the k folds in order.
     *
     * @throws IllegalArgumentException naming each missing or invalid setting: intervals missing,
     *     of different lengths, {@code t1[i] < t0[i]} or {@code t0} decreasing (with the row);
     *     folds outside {@code [2, n]}; negative embargo; both embargo forms given
     */
    public List<Split> build() {
        validate();
        int n = t0.length;
        int e = Double.isNaN(embargoFraction) ? embargo : (int) Math.floor(embargoFraction * n);
        List<Split> out = new ArrayList<>(folds);
        int start = 0;
        for (int k = 0; k < folds; k++) {
            int len = n / folds + (k < n % folds ? 1 : 0);
            out.add(fold(start, start + len - 1, e));
            start += len;
        }
        return out;
    }

    private Split fold(int a, int b, int e) {
        long spanStart = t0[a];
        long spanEnd = Long.MIN_VALUE;
        for (int i = a; i <= b; i++) {
            spanEnd = Math.max(spanEnd, t1[i]);
        }
        int firstAfter = b + 1;
        while (firstAfter < t0.length && t0[firstAfter] <= spanEnd) {
            firstAfter++;
        }
        int embargoEnd = firstAfter + e;
        int[] train = new int[t0.length];
        int m = 0;
        for (int j = 0; j < t0.length; j++) {
            boolean before = j < a && t1[j] < spanStart;
            boolean after = j >= embargoEnd;
            if (before || after) {
                train[m++] = j;
            }
        }
        return new Split(
                java.util.Arrays.copyOf(train, m), new int[0], ChronologicalSplit.range(a, b + 1));
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (t0 == null) {
            problems.add("label intervals are required (setLabelIntervals or setWindowLabels)");
        } else {
            checkIntervals(problems);
        }
        if (folds == Integer.MIN_VALUE) {
            problems.add("folds is required (setFolds)");
        } else if (folds < 2 || (t0 != null && folds > t0.length)) {
            problems.add(
                    "folds must be in [2, "
                            + (t0 == null ? "n" : t0.length)
                            + "] but was "
                            + folds);
        }
        if (embargo < 0) {
            problems.add("embargo must be >= 0 but was " + embargo);
        }
        if (!Double.isNaN(embargoFraction) && embargoSet) {
            problems.add("give the embargo either as samples or as a fraction, not both");
        }
        if (!Double.isNaN(embargoFraction) && !(embargoFraction >= 0 && embargoFraction < 1)) {
            problems.add("embargoFraction must be in [0, 1) but was " + embargoFraction);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private void checkIntervals(List<String> problems) {
        if (t0.length != t1.length) {
            problems.add("t0 has " + t0.length + " values but t1 has " + t1.length);
            return;
        }
        for (int i = 0; i < t0.length; i++) {
            if (t1[i] < t0[i]) {
                problems.add("sample " + i + ": t1 " + t1[i] + " must be >= t0 " + t0[i]);
                return;
            }
            if (i > 0 && t0[i] < t0[i - 1]) {
                problems.add(
                        "sample "
                                + i
                                + ": t0 "
                                + t0[i]
                                + " is before the previous t0 "
                                + t0[i - 1]
                                + " (samples must be in time order)");
                return;
            }
        }
    }
}
