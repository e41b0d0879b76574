// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import dev.maasfin.api.data.Frame;

/**
 * The training part after oversampling: the original training rows in order, then the synthetic
 * rows. The frame has no time index (synthetic rows have no time). Thread-safe: immutable (arrays
 * copied out).
 */
public final class ResampledTraining {
    private final Frame frame;
    private final int[] trainRows;
    private final int[] base;
    private final int[] neighbour;
    private final double[] lambda;

    ResampledTraining(Frame frame, int[] trainRows, int[] base, int[] neighbour, double[] lambda) {
        this.frame = frame;
        this.trainRows = trainRows.clone();
        this.base = base;
        this.neighbour = neighbour;
        this.lambda = lambda;
    }

    /** Returns the resampled training rows (originals first, then synthetic rows). */
    public Frame frame() {
        return frame;
    }

    /** Returns the number of original training rows (the first rows of {@link #frame()}). */
    public int originalCount() {
        return trainRows.length;
    }

    /** Returns the number of synthetic rows (the last rows of {@link #frame()}). */
    public int syntheticCount() {
        return base.length;
    }

    /** Returns the source data row of each original training row, in frame order. */
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** Returns, per synthetic row, the source data row it was interpolated from. */
    public int[] baseRows() {
        return base.clone();
    }

    /** Returns, per synthetic row, the source data row of the neighbour it moved towards. */
    public int[] neighbourRows() {
        return neighbour.clone();
    }

    /** Returns, per synthetic row, the interpolation weight lambda in [0, 1]. */
    public double[] lambdas() {
        return lambda.clone();
    }
}
