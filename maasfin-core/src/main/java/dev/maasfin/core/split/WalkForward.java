// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import dev.maasfin.api.split.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward folds: train on the past, test on the block that follows, then step forward.
 *
 * <p>Fold {@code k} tests rows {@code [s_k, s_k + testSize)} with {@code s_k = trainSize + gap + k
 * * step}. Expanding (default): train rows {@code [0, s_k - gap)}; rolling: the last {@code
 * trainSize} of those, {@code [s_k - gap - trainSize, s_k - gap)}. Training rows are therefore
 * always strictly before test rows, with {@code gap} rows left out between them (use the label
 * horizon). Folds are made while the test block fits, up to {@code optFolds} when given. Required:
 * {@code setSize}, {@code setTrainSize}, {@code setTestSize}; optional: {@code optStep} (default
 * testSize), {@code optGap} (0), {@code optRolling} (false), {@code optFolds}. Not thread-safe (a
 * builder); the splits are immutable.
 */
public final class WalkForward {
    private static final int UNSET = Integer.MIN_VALUE;

    private int size = UNSET;
    private int trainSize = UNSET;
    private int testSize = UNSET;
    private int step = UNSET;
    private int gap;
    private boolean rolling;
    private int folds = UNSET;

    private WalkForward() {}

    /** Returns a new builder. */
    public static WalkForward builder() {
        return new WalkForward();
    }

    /** Sets the number of rows (required, {@code >= 2}). */
    public WalkForward setSize(int size) {
        this.size = size;
        return this;
    }

    /** Sets the initial (expanding) or fixed (rolling) training length (required, {@code >= 1}). */
    public WalkForward setTrainSize(int trainSize) {
        this.trainSize = trainSize;
        return this;
    }

    /** Sets the test block length (required, {@code >= 1}). */
    public WalkForward setTestSize(int testSize) {
        this.testSize = testSize;
        return this;
    }

    /** Sets how far each fold moves forward (optional, default the test size, {@code >= 1}). */
    public WalkForward optStep(int step) {
        this.step = step;
        return this;
    }

    /** Sets rows left out between train and test (optional, default 0, {@code >= 0}). */
    public WalkForward optGap(int gap) {
        this.gap = gap;
        return this;
    }

    /** Uses a rolling training window of fixed length instead of an expanding one. */
    public WalkForward optRolling(boolean rolling) {
        this.rolling = rolling;
        return this;
    }

    /** Requires exactly this many folds (optional; default as many as fit, {@code >= 1}). */
    public WalkForward optFolds(int folds) {
        this.folds = folds;
        return this;
    }

    /**
     * Validates the settings and returns the folds in time order.
     *
     * @throws IllegalArgumentException naming each missing or invalid setting, or if fewer folds
     *     fit than {@code optFolds} asks for (or none at all)
     */
    public List<Split> build() {
        validate();
        int effectiveStep = step == UNSET ? testSize : step;
        List<Split> out = new ArrayList<>();
        for (int k = 0; folds == UNSET || k < folds; k++) {
            int testStart = trainSize + gap + k * effectiveStep;
            if (testStart + testSize > size) {
                break;
            }
            int trainEnd = testStart - gap;
            int trainStart = rolling ? trainEnd - trainSize : 0;
            out.add(
                    new Split(
                            ChronologicalSplit.range(trainStart, trainEnd),
                            new int[0],
                            ChronologicalSplit.range(testStart, testStart + testSize)));
        }
        if (out.isEmpty() || (folds > 0 && out.size() < folds)) {
            throw new IllegalArgumentException(
                    "only "
                            + out.size()
                            + " folds fit in "
                            + size
                            + " rows with trainSize "
                            + trainSize
                            + ", gap "
                            + gap
                            + ", testSize "
                            + testSize
                            + " and step "
                            + effectiveStep
                            + (folds > 0 ? " but " + folds + " were requested" : ""));
        }
        return out;
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        requirePositive(problems, "size", size, "setSize");
        requirePositive(problems, "trainSize", trainSize, "setTrainSize");
        requirePositive(problems, "testSize", testSize, "setTestSize");
        if (step != UNSET && step < 1) {
            problems.add("step must be >= 1 but was " + step);
        }
        if (gap < 0) {
            problems.add("gap must be >= 0 but was " + gap);
        }
        if (folds != UNSET && folds < 1) {
            problems.add("folds must be >= 1 but was " + folds);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static void requirePositive(List<String> problems, String name, int v, String setter) {
        if (v == UNSET) {
            problems.add(name + " is required (" + setter + ")");
        } else if (v < 1) {
            problems.add(name + " must be >= 1 but was " + v);
        }
    }
}
