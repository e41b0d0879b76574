// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

/** A loss over a whole data set: lower is better. Implementations are stateless. */
@FunctionalInterface
public interface Loss {

    /** Mean squared error, {@code mean((p - y)^2)}. */
    Loss MSE =
            (y, p) -> {
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    double d = p[i] - y[i];
                    s += d * d;
                }
                return s / y.length;
            };

    /**
     * Mean binary log loss for labels in {0, 1} and probabilities, with {@code p} clipped to {@code
     * [1e-15, 1 - 1e-15]} so that a confident mistake costs a large finite amount.
     */
    Loss LOG_LOSS =
            (y, p) -> {
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
                    s -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
                }
                return s / y.length;
            };

    /** Returns the loss of predictions {@code p} against targets {@code y} of equal length. */
    double loss(double[] y, double[] p);
}
