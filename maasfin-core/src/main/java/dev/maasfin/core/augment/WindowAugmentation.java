// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import java.util.SplittableRandom;

/**
 * A random, label-preserving change to one window of shape {@code [steps, features]}, stored
 * row-major (time outer, feature inner) as {@link
 * dev.maasfin.api.window.WindowedDataset#copySample} writes it. The same seed (or a generator in
 * the same state) gives the same output on the same JDK. Implementations are immutable and
 * thread-safe; the generator passed in is not.
 */
public interface WindowAugmentation {

    /**
     * Returns an augmented copy of {@code window}; the input is not changed.
     *
     * @param window values, length {@code steps * features}
     * @param steps number of time steps
     * @param features number of features per step
     * @param rng the random source, advanced by this call
     * @throws IllegalArgumentException if the length does not equal {@code steps * features}, a
     *     dimension is below 1, a value is not finite, or the augmentation needs more steps
     */
    double[] apply(double[] window, int steps, int features, SplittableRandom rng);

    /**
     * Returns an augmented copy of {@code window} drawn with a generator seeded by {@code seed}.
     *
     * @throws IllegalArgumentException as {@link #apply(double[], int, int, SplittableRandom)}
     */
    default double[] apply(double[] window, int steps, int features, long seed) {
        return apply(window, steps, features, new SplittableRandom(seed));
    }

    /**
     * Float variant: converts to double, augments, and rounds back to float.
     *
     * @throws IllegalArgumentException as {@link #apply(double[], int, int, SplittableRandom)}
     */
    default float[] apply(float[] window, int steps, int features, long seed) {
        double[] d = new double[window.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = window[i];
        }
        double[] out = apply(d, steps, features, new SplittableRandom(seed));
        float[] f = new float[out.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) out[i];
        }
        return f;
    }
}
