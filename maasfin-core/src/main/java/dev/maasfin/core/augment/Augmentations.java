// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.augment;

import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Factories for the time-series window augmentations of Um et al. (2017), "Data augmentation of
 * wearable sensor data", and Le Guennec et al. (2016), "Data augmentation for time series
 * classification using convolutional neural networks" (window slicing).
 *
 * <ul>
 *   <li>{@link #jitter}: adds independent Gaussian noise {@code N(0, sigma^2)} to every value;
 *   <li>{@link #scaling}: multiplies the whole window by one factor drawn from {@code N(1,
 *       sigma^2)};
 *   <li>{@link #magnitudeWarp}: per feature, draws {@code knots + 2} values from {@code N(1,
 *       sigma^2)} at evenly spaced times from the first to the last step, fits a natural cubic
 *       spline through them (Commons Math {@code SplineInterpolator}) and multiplies each step by
 *       the curve;
 *   <li>{@link #windowSlice}: crops a random contiguous {@code round(fraction * steps)} steps (at
 *       least 2) and stretches them back to {@code steps} by linear interpolation.
 * </ul>
 *
 * All are label-preserving by assumption: the caller decides that a noisy or rescaled window still
 * deserves the same label. Gaussian draws use {@code SplittableRandom.nextGaussian()}; the sequence
 * is fixed for a seed on a given JDK but not promised across JDK releases. Stateless and
 * thread-safe.
 */
public final class Augmentations {
    private Augmentations() {}

    /**
     * Returns jitter with noise sd {@code sigma}.
     *
     * @throws IllegalArgumentException if {@code sigma} is negative or not finite
     */
    public static WindowAugmentation jitter(double sigma) {
        checkSigma(sigma);
        return (w, steps, features, rng) -> {
            double[] out = checked(w, steps, features, 1);
            for (int i = 0; i < out.length; i++) {
                out[i] += sigma * rng.nextGaussian();
            }
            return out;
        };
    }

    /**
     * Returns scaling by one factor per window drawn from {@code N(1, sigma^2)}.
     *
     * @throws IllegalArgumentException if {@code sigma} is negative or not finite
     */
    public static WindowAugmentation scaling(double sigma) {
        checkSigma(sigma);
        return (w, steps, features, rng) -> {
            double[] out = checked(w, steps, features, 1);
            double factor = 1.0 + sigma * rng.nextGaussian();
            for (int i = 0; i < out.length; i++) {
                out[i] *= factor;
            }
            return out;
        };
    }

    /**
     * Returns magnitude warping by a smooth random curve through {@code knots + 2} points.
     *
     * @param sigma sd of the curve's values around 1
     * @param knots interior knots, {@code >= 1}
     * @throws IllegalArgumentException if {@code sigma} is negative or not finite, or {@code knots
     *     < 1}; at apply time if the window has fewer than 2 steps
     */
    public static WindowAugmentation magnitudeWarp(double sigma, int knots) {
        checkSigma(sigma);
        if (knots < 1) {
            throw new IllegalArgumentException("knots must be >= 1 but was " + knots);
        }
        return (w, steps, features, rng) -> {
            double[] out = checked(w, steps, features, 2);
            for (int f = 0; f < features; f++) {
                PolynomialSplineFunction curve = randomCurve(steps, knots, sigma, rng);
                for (int t = 0; t < steps; t++) {
                    out[t * features + f] *= curve.value(t);
                }
            }
            return out;
        };
    }

    private static PolynomialSplineFunction randomCurve(
            int steps, int knots, double sigma, SplittableRandom rng) {
        int points = knots + 2;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int k = 0; k < points; k++) {
            x[k] = (steps - 1) * (double) k / (points - 1);
            y[k] = 1.0 + sigma * rng.nextGaussian();
        }
        x[points - 1] = steps - 1; // exact end point, so value(steps - 1) is in the domain
        return new SplineInterpolator().interpolate(x, y);
    }

    /**
     * Returns window slicing that keeps a random {@code fraction} of the steps.
     *
     * @param fraction share of steps kept, in (0, 1]
     * @throws IllegalArgumentException if {@code fraction} is not in (0, 1]; at apply time if the
     *     window has fewer than 2 steps
     */
    public static WindowAugmentation windowSlice(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1] but was " + fraction);
        }
        return (w, steps, features, rng) -> {
            double[] in = checked(w, steps, features, 2);
            int m = Math.min(steps, Math.max(2, (int) Math.round(fraction * steps)));
            int start = rng.nextInt(steps - m + 1);
            double[] out = new double[in.length];
            for (int t = 0; t < steps; t++) {
                double pos = start + (double) t * (m - 1) / (steps - 1);
                int lo = Math.min((int) Math.floor(pos), start + m - 2);
                double frac = pos - lo;
                for (int f = 0; f < features; f++) {
                    double a = in[lo * features + f];
                    double b = in[(lo + 1) * features + f];
                    out[t * features + f] = a + frac * (b - a);
                }
            }
            return out;
        };
    }

    private static void checkSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0 but was " + sigma);
        }
    }

    static double[] checked(double[] w, int steps, int features, int minSteps) {
        if (steps < minSteps || features < 1) {
            throw new IllegalArgumentException(
                    "steps must be >= "
                            + minSteps
                            + " and features >= 1 but were "
                            + steps
                            + " and "
                            + features);
        }
        if (w.length != steps * features) {
            throw new IllegalArgumentException(
                    "window length must be steps * features = "
                            + steps * features
                            + " but was "
                            + w.length);
        }
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException(
                        "window step "
                                + i / features
                                + ", feature "
                                + i % features
                                + ": value "
                                + w[i]
                                + " must be finite");
            }
        }
        return w.clone();
    }
}
