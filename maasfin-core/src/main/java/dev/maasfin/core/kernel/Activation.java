// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import java.util.Locale;

/**
 * An activation function as PyTorch defines it, applied by an activation layer.
 *
 * <p>Values are computed in double from the float input and rounded once to float:
 *
 * <ul>
 *   <li>{@code identity}: x
 *   <li>{@code relu}: max(0, x)
 *   <li>{@code tanh}: tanh(x)
 *   <li>{@code sigmoid}: 1 / (1 + e^−x)
 *   <li>{@code leaky_relu}: x if x ≥ 0, else slope·x (PyTorch's default slope is 0.01)
 *   <li>{@code softmax}: e^(x_i − m) / Σ_j e^(x_j − m) with m = max_j x_j, taken over each row of
 *       the last axis (the whole vector for a flat layer; each time step for a sequence), as {@code
 *       torch.softmax(x, dim=-1)}
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Activation {
    /** The identity function. */
    public static final Activation IDENTITY = new Activation(Kind.IDENTITY, 0);

    /** Rectified linear unit, max(0, x). */
    public static final Activation RELU = new Activation(Kind.RELU, 0);

    /** Hyperbolic tangent. */
    public static final Activation TANH = new Activation(Kind.TANH, 0);

    /** Logistic sigmoid, 1 / (1 + e^−x). */
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);

    /** Softmax over the last axis, shifted by the row maximum for numerical safety. */
    public static final Activation SOFTMAX = new Activation(Kind.SOFTMAX, 0);

    enum Kind {
        IDENTITY,
        RELU,
        TANH,
        SIGMOID,
        LEAKY_RELU,
        SOFTMAX
    }

    private final Kind kind;
    private final double slope;

    private Activation(Kind kind, double slope) {
        this.kind = kind;
        this.slope = slope;
    }

    /**
     * Returns the leaky ReLU with the given negative slope.
     *
     * @param slope the factor applied to negative inputs, finite
     * @return the activation
     * @throws IllegalArgumentException if {@code slope} is NaN or infinite
     */
    public static Activation leakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky_relu slope must be finite but was " + slope);
        }
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /**
     * Returns the activation with the given saved name.
     *
     * @param name one of {@code identity, relu, tanh, sigmoid, softmax, leaky_relu}
     * @param slope the leaky ReLU slope; ignored for the other functions
     * @return the activation
     * @throws IllegalArgumentException if the name is unknown or the slope is not finite
     */
    public static Activation of(String name, double slope) {
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
                return k == Kind.LEAKY_RELU ? leakyRelu(slope) : new Activation(k, 0);
            }
        }
        throw new IllegalArgumentException(
                "activation must be one of identity, relu, tanh, sigmoid, softmax, leaky_relu but"
                        + " was '"
                        + name
                        + "'");
    }

    /**
     * Returns the saved name, e.g. {@code leaky_relu}.
     *
     * @return the lower-case name
     */
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the negative slope of a leaky ReLU, 0 for other functions.
     *
     * @return the slope
     */
    public double slope() {
        return slope;
    }

    Kind kind() {
        return kind;
    }

    /** Applies an element-wise function (every kind but softmax). */
    double apply(double x) {
        switch (kind) {
            case RELU:
                return x > 0 ? x : 0;
            case TANH:
                return tanh(x);
            case SIGMOID:
                return sigmoid(x);
            case LEAKY_RELU:
                return x >= 0 ? x : slope * x;
            default:
                return x;
        }
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) from {@link Math#exp} (a HotSpot intrinsic; {@link Math#tanh} is not, and costs about
     * three times as much on JDK 17): x·(1 − x²/3 + 2x⁴/15) for |x| &lt; 2⁻⁹ (truncation error
     * below 1e-17 relative), else sign(x)·(1 − 2 / (e^(2|x|) + 1)), whose cancellation costs at
     * most 9 bits of the double result. Within 1e-12 relative of {@link Math#tanh} for every finite
     * x; ±1 for |x| beyond about 19.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 0x1p-9) {
            double x2 = x * x;
            return x * (1 - x2 / 3 + 2 * x2 * x2 / 15);
        }
        double t = 1 - 2 / (Math.exp(2 * a) + 1);
        return x < 0 ? -t : t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation
                && ((Activation) o).kind == kind
                && Double.compare(((Activation) o).slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(slope);
    }

    @Override
    public String toString() {
        return kind == Kind.LEAKY_RELU ? "leaky_relu(" + slope + ")" : name();
    }
}
