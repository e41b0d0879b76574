// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.core.explain.DifferentiableModel;
import dev.maasfin.core.explain.IntegratedGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gradient attributions of one prediction: gradient x input and integrated gradients.
 *
 * <p>Gradient x input: {@code a_i = x_i * df/dx_i(x)}, a one-point linearisation that is exact only
 * for linear models; its attributions need not sum to {@code f(x) - f(0)}. Integrated gradients
 * (Sundararajan, Taly and Yan, 2017) integrate the gradient along the straight path from a baseline
 * to {@code x} (see {@link IntegratedGradients}) and sum to {@code f(x) - f(baseline)} up to a
 * quadrature gap that every result reports as its delta. Use Gauss–Legendre with 50 points (the
 * default) unless comparing with a Riemann-sum implementation.
 *
 * <p>For a classifier adapted with the "bad" class (see {@link GradientModels}), {@link
 * Explanation#topReasons(int)} gives the reason codes: the features that push the score towards
 * "bad" the most. Name the inputs of a window with {@link #windowNames} and sum a window's
 * attributions per time step or per feature with {@link SequenceAttribution}.
 *
 * <p>Thread-safe: stateless; thread safety of a call is that of the model.
 */
public final class GradientExplainer {

    private GradientExplainer() {}

    /**
     * Returns gradient x input at {@code x}; the explanation's baseline is "zeros" and its baseline
     * prediction is {@code f(0)}.
     *
     * @param model the model and its gradient
     * @param x the flattened input
     * @param names one name per input value
     * @throws IllegalArgumentException if lengths differ or a value is not finite
     */
    public static Explanation gradientTimesInput(
            DifferentiableModel model, double[] x, List<String> names) {
        Objects.requireNonNull(model, "model");
        checkInput(x, names);
        double[][] points = {x.clone(), new double[x.length]};
        double[][] grads = new double[2][x.length];
        double[] values = model.valueAndGradient(points, grads);
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i] * grads[0][i];
        }
        return new Explanation("gradient-x-input", "zeros", names, a, values[0], values[1]);
    }

    /**
     * Returns integrated gradients of {@code x} against {@code baseline}.
     *
     * @param model the model and its gradient
     * @param x the flattened input
     * @param baseline the flattened reference input, same length, recorded by name
     * @param baselineName how the baseline was chosen, e.g. "zeros" or "training mean"
     * @param steps quadrature points (Gauss–Legendre) or intervals (Riemann rules), {@code >= 1}
     * @param rule the quadrature rule
     * @param names one name per input value
     * @return the explanation and its completeness gap {@code sum(IG) - (f(x) - f(baseline))}
     * @throws IllegalArgumentException if {@code steps < 1}, lengths differ or a value is not
     *     finite
     */
    public static IntegratedGradients.Result integratedGradients(
            DifferentiableModel model,
            double[] x,
            double[] baseline,
            String baselineName,
            int steps,
            IntegratedGradients.Rule rule,
            List<String> names) {
        return new IntegratedGradients(model, rule, steps)
                .explain(x, baseline, baselineName, names);
    }

    /**
     * Returns integrated gradients with Gauss–Legendre quadrature over {@value
     * IntegratedGradients#DEFAULT_STEPS} points.
     *
     * @throws IllegalArgumentException as {@link #integratedGradients(DifferentiableModel,
     *     double[], double[], String, int, IntegratedGradients.Rule, List)}
     */
    public static IntegratedGradients.Result integratedGradients(
            DifferentiableModel model,
            double[] x,
            double[] baseline,
            String baselineName,
            List<String> names) {
        return integratedGradients(
                model,
                x,
                baseline,
                baselineName,
                IntegratedGradients.DEFAULT_STEPS,
                IntegratedGradients.Rule.GAUSS_LEGENDRE,
                names);
    }

    /**
     * Names the flattened inputs of a window of {@code steps} time steps, time outer: {@code
     * "rv5[t-3]"} for feature "rv5" three steps before the last, {@code "rv5[t]"} for the last
     * step.
     *
     * @param features feature names, at least one
     * @param steps the window length, {@code >= 1}
     * @throws IllegalArgumentException if {@code steps < 1} or there is no feature
     */
    public static List<String> windowNames(List<String> features, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1 but was " + steps);
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features must name at least 1 feature but was []");
        }
        List<String> names = new ArrayList<>(steps * features.size());
        for (int t = 0; t < steps; t++) {
            int lag = steps - 1 - t;
            for (String f : features) {
                names.add(lag == 0 ? f + "[t]" : f + "[t-" + lag + "]");
            }
        }
        return names;
    }

    private static void checkInput(double[] x, List<String> names) {
        if (x.length != names.size()) {
            throw new IllegalArgumentException(
                    "input has " + x.length + " values but " + names.size() + " feature names");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        "feature " + names.get(i) + ": input " + x[i] + " is not finite");
            }
        }
    }
}
