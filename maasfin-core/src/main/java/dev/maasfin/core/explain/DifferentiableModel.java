// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

/**
 * A model that reports its gradient with respect to its input, for gradient explainers.
 *
 * <p>{@code maasfin-djl} adapts its networks to this interface through DJL's autograd; tests and
 * closed-form scorers implement it directly. Inputs are flattened: a window {@code [T, F]} is
 * {@code T * F} values, time outer.
 */
public interface DifferentiableModel {

    /**
     * Evaluates the model and its gradient at several points at once.
     *
     * @param points {@code points[k]} is one flattened input; not modified
     * @param gradients filled with {@code d f / d x} at each point; same shape as {@code points}
     * @return the model output at each point
     */
    double[] valueAndGradient(double[][] points, double[][] gradients);
}
