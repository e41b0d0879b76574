// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import dev.maasfin.api.explain.Explanation;

/**
 * A window's attributions as a {@code [T][F]} matrix with its sums per time step and per feature.
 *
 * <p>{@code perStep[t] = sum_f cells[t][f]} and {@code perFeature[f] = sum_t cells[t][f]}; both sum
 * to the explanation's total, so for integrated gradients they keep completeness. Thread-safe:
 * immutable (arrays copied in and out).
 *
 * @param cells {@code cells[t][f]}, time outer, oldest step first
 * @param perStep attribution of each time step, summed over features
 * @param perFeature attribution of each feature, summed over time steps
 */
public record SequenceAttribution(double[][] cells, double[] perStep, double[] perFeature) {

    /** Copies the arrays. */
    public SequenceAttribution {
        cells = copy(cells);
        perStep = perStep.clone();
        perFeature = perFeature.clone();
    }

    /**
     * Reshapes a window's flattened attributions (time outer, {@code t * features + f}).
     *
     * @param explanation attributions of a flattened window
     * @param steps the window length {@code T}
     * @param features features per step {@code F}
     * @throws IllegalArgumentException if {@code steps} or {@code features} is below 1 or the
     *     explanation does not hold {@code T * F} attributions
     */
    public static SequenceAttribution of(Explanation explanation, int steps, int features) {
        double[] a = explanation.attributions();
        if (steps < 1 || features < 1 || a.length != (long) steps * features) {
            throw new IllegalArgumentException(
                    "steps ("
                            + steps
                            + ") and features ("
                            + features
                            + ") must be >= 1 with steps * features = "
                            + a.length
                            + " attributions");
        }
        double[][] cells = new double[steps][features];
        double[] perStep = new double[steps];
        double[] perFeature = new double[features];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double v = a[t * features + f];
                cells[t][f] = v;
                perStep[t] += v;
                perFeature[f] += v;
            }
        }
        return new SequenceAttribution(cells, perStep, perFeature);
    }

    /** Returns a copy of the {@code [T][F]} attributions. */
    @Override
    public double[][] cells() {
        return copy(cells);
    }

    /** Returns a copy of the per-time-step sums, oldest step first. */
    @Override
    public double[] perStep() {
        return perStep.clone();
    }

    /** Returns a copy of the per-feature sums over all time steps. */
    @Override
    public double[] perFeature() {
        return perFeature.clone();
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int t = 0; t < m.length; t++) {
            c[t] = m[t].clone();
        }
        return c;
    }
}
