// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

import dev.maasfin.api.explain.Explanation;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Occlusion for one window {@code [time steps, features]}: how much the prediction drops when part
 * of the window is replaced by a baseline.
 *
 * <p>Attribution of a part = {@code f(window) - f(window with that part set to the baseline)},
 * where the baseline gives one reference value per feature (for example the training mean of a
 * normalised feature, which is 0). Parts are single time steps (all features), single features (all
 * time steps) and single cells. Occlusion is not complete: the attributions need not sum to {@code
 * f(window) - f(baseline)} when the model is not additive.
 *
 * <p>Thread-safe: immutable; each call builds its own copies of the window.
 */
public final class WindowOcclusion {
    private final ToDoubleFunction<double[][]> model;
    private final double[] baseline;
    private final String baselineName;

    /**
     * Creates an explainer.
     *
     * @param model the model as a function of one window {@code [T][F]}; must not modify it
     * @param baseline one reference value per feature
     * @param baselineName how the baseline was chosen, recorded in explanations
     */
    public WindowOcclusion(
            ToDoubleFunction<double[][]> model, double[] baseline, String baselineName) {
        this.model = Objects.requireNonNull(model, "model");
        this.baseline = Objects.requireNonNull(baseline, "baseline").clone();
        this.baselineName = Objects.requireNonNull(baselineName, "baselineName");
    }

    /** Per-part attributions of one window. */
    public record Result(
            double prediction, double[] perStep, double[] perFeature, double[][] cells) {}

    /**
     * Explains one window.
     *
     * @param window {@code window[t][f]}, every row as long as the baseline
     * @throws IllegalArgumentException if a row's length differs from the baseline's, or a value is
     *     not finite (the message names step and feature)
     */
    public Result explain(double[][] window) {
        check(window);
        int steps = window.length;
        int features = baseline.length;
        double full = model.applyAsDouble(copy(window));
        double[] perStep = new double[steps];
        double[] perFeature = new double[features];
        double[][] cells = new double[steps][features];
        for (int t = 0; t < steps; t++) {
            double[][] w = copy(window);
            w[t] = baseline.clone();
            perStep[t] = full - model.applyAsDouble(w);
        }
        for (int f = 0; f < features; f++) {
            double[][] w = copy(window);
            for (int t = 0; t < steps; t++) {
                w[t][f] = baseline[f];
            }
            perFeature[f] = full - model.applyAsDouble(w);
        }
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double[][] w = copy(window);
                w[t][f] = baseline[f];
                cells[t][f] = full - model.applyAsDouble(w);
            }
        }
        return new Result(full, perStep, perFeature, cells);
    }

    /**
     * Explains one window per feature, as an {@link Explanation} with feature names.
     *
     * @throws IllegalArgumentException if names and features differ in number
     */
    public Explanation explainFeatures(double[][] window, List<String> featureNames) {
        if (featureNames.size() != baseline.length) {
            throw new IllegalArgumentException(
                    featureNames.size()
                            + " feature names but the baseline has "
                            + baseline.length
                            + " features");
        }
        Result r = explain(window);
        double[][] base = new double[window.length][];
        for (int t = 0; t < window.length; t++) {
            base[t] = baseline.clone();
        }
        return new Explanation(
                "occlusion(per feature, all time steps)",
                baselineName,
                featureNames,
                r.perFeature(),
                r.prediction(),
                model.applyAsDouble(base));
    }

    private void check(double[][] window) {
        if (window.length == 0) {
            throw new IllegalArgumentException("window must have at least 1 time step but has 0");
        }
        for (int t = 0; t < window.length; t++) {
            if (window[t].length != baseline.length) {
                throw new IllegalArgumentException(
                        "time step "
                                + t
                                + " has "
                                + window[t].length
                                + " features but the "
                                + "baseline has "
                                + baseline.length);
            }
            for (int f = 0; f < baseline.length; f++) {
                if (!Double.isFinite(window[t][f])) {
                    throw new IllegalArgumentException(
                            "time step "
                                    + t
                                    + ", feature "
                                    + f
                                    + ": value "
                                    + window[t][f]
                                    + " is not finite");
                }
            }
        }
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int t = 0; t < w.length; t++) {
            c[t] = w[t].clone();
        }
        return c;
    }
}
