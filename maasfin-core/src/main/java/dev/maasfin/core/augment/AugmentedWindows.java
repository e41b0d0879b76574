// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import dev.maasfin.api.split.Split;
import dev.maasfin.api.window.WindowedDataset;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The training part of a windowed dataset plus augmented copies of each training sample.
 *
 * <p>Built by {@link #ofTraining}: it reads only {@code split.train()} samples, so validation and
 * test samples can never be augmented or mixed in. Samples {@code 0 .. t-1} are the {@code t}
 * training samples in order; then, for each training sample in order, {@code copies} augmented
 * versions. Each augmented copy keeps its source's label, {@code end} and {@code endTime}. Values
 * are materialised (this dataset is a copy, unlike the source view). Generators: one root {@code
 * SplittableRandom(seed)} split once per copy in that order, so the same seed gives the same
 * dataset. Thread-safe: immutable.
 */
public final class AugmentedWindows implements WindowedDataset {
    private final WindowedDataset source;
    private final int[] sourceSample;
    private final double[] values;
    private final int stride;

    private AugmentedWindows(WindowedDataset source, int[] sourceSample, double[] values) {
        this.source = source;
        this.sourceSample = sourceSample;
        this.values = values;
        this.stride = source.window() * source.features();
    }

    /**
     * Augments the training samples of {@code data} selected by {@code split}.
     *
     * @param data all samples (only the training ones are read)
     * @param split sample-index split of {@code data}
     * @param augmentation the change applied to each copy
     * @param copies augmented copies per training sample, {@code >= 0}
     * @param seed random seed
     * @throws IllegalArgumentException if {@code copies < 0}, the training part is empty, a
     *     training index is {@code >= data.size()}, or the augmentation rejects a window
     */
    public static AugmentedWindows ofTraining(
            WindowedDataset data,
            Split split,
            WindowAugmentation augmentation,
            int copies,
            long seed) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(augmentation, "augmentation");
        int[] train = Objects.requireNonNull(split, "split").train();
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be >= 0 but was " + copies);
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("split has no training samples to augment");
        }
        if (train[train.length - 1] >= data.size()) {
            throw new IllegalArgumentException(
                    "training index "
                            + train[train.length - 1]
                            + " is outside the dataset of "
                            + data.size()
                            + " samples");
        }
        int steps = data.window();
        int features = data.features();
        int stride = steps * features;
        int total = train.length * (1 + copies);
        int[] src = new int[total];
        double[] values = new double[total * stride];
        for (int k = 0; k < train.length; k++) {
            src[k] = train[k];
            read(data, train[k], values, k * stride);
        }
        SplittableRandom root = new SplittableRandom(seed);
        double[] window = new double[stride];
        int at = train.length;
        for (int k = 0; k < train.length; k++) {
            read(data, train[k], window, 0);
            for (int c = 0; c < copies; c++, at++) {
                double[] aug = augmentation.apply(window, steps, features, root.split());
                System.arraycopy(aug, 0, values, at * stride, stride);
                src[at] = train[k];
            }
        }
        return new AugmentedWindows(data, src, values);
    }

    private static void read(WindowedDataset d, int i, double[] dst, int offset) {
        int k = offset;
        for (int t = 0; t < d.window(); t++) {
            for (int f = 0; f < d.features(); f++) {
                dst[k++] = d.value(i, t, f);
            }
        }
    }

    /** Returns the source sample index that sample {@code i} comes from. */
    public int sourceSample(int i) {
        return sourceSample[i];
    }

    @Override
    public int size() {
        return sourceSample.length;
    }

    @Override
    public int window() {
        return source.window();
    }

    @Override
    public int features() {
        return source.features();
    }

    @Override
    public int labelWidth() {
        return source.labelWidth();
    }

    @Override
    public int end(int i) {
        return source.end(sourceSample[i]);
    }

    @Override
    public long endTime(int i) {
        return source.endTime(sourceSample[i]);
    }

    @Override
    public double value(int i, int t, int f) {
        Objects.checkIndex(t, window());
        Objects.checkIndex(f, features());
        return values[Objects.checkIndex(i, size()) * stride + t * features() + f];
    }

    @Override
    public double label(int i, int j) {
        return source.label(sourceSample[i], j);
    }

    @Override
    public List<String> featureNames() {
        return source.featureNames();
    }
}
