// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * Exponential moving average with {@code alpha = 2 / (period + 1)} (TA-Lib {@code EMA}).
 *
 * <p>Default seed {@link EmaSeed#SMA}: the first value is the mean of the first {@code period}
 * inputs, at index {@code period - 1} (warm-up {@code period - 1}); each later value is {@code e +
 * alpha * (x - e)}, evaluated as {@code (1 - alpha) * e + alpha * x} so that only one multiply and
 * one add depend on the previous value (same value to rounding). The other seeds are named options,
 * never defaults: {@link EmaSeed#FIRST_VALUE} and {@link EmaSeed#ADJUSTED} (pandas), both with
 * warm-up 0. Two seedings of the same recursion differ by a gap that shrinks by {@code (1 - alpha)}
 * per bar.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Ema {
    private Ema() {}

    /** Returns {@code 2 / (period + 1)}, the smoothing factor used for {@code period}. */
    public static double alpha(int period) {
        return 2.0 / (Checks.period("period", period) + 1);
    }

    /**
     * Returns the warm-up for the TA-Lib seed: {@code period - 1}.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public static int warmUp(int period) {
        return warmUp(period, EmaSeed.SMA);
    }

    /**
     * Returns the number of leading {@code NaN} outputs for a seed: {@code period - 1} for {@link
     * EmaSeed#SMA}, 0 otherwise.
     *
     * @throws IllegalArgumentException if {@code period < 1} or {@code seed} is null
     */
    public static int warmUp(int period, EmaSeed seed) {
        Checks.period("period", period);
        return Objects.requireNonNull(seed, "seed") == EmaSeed.SMA ? period - 1 : 0;
    }

    /**
     * Returns the TA-Lib (SMA-seeded) EMA of {@code x} in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1} or a value is not finite
     */
    public static double[] compute(double[] x, int period) {
        return compute(x, period, EmaSeed.SMA);
    }

    /**
     * Returns the EMA of {@code x} with the given seed in a new array.
     *
     * @throws IllegalArgumentException if {@code period < 1}, {@code seed} is null or a value is
     *     not finite
     */
    public static double[] compute(double[] x, int period, EmaSeed seed) {
        double[] out = new double[Checks.finite("x", x).length];
        into(x, period, seed, out);
        return out;
    }

    /**
     * Writes the EMA of {@code x} into {@code out} without allocating.
     *
     * @throws IllegalArgumentException if {@code period < 1}, {@code seed} is null, a value is not
     *     finite or {@code out} is shorter than {@code x}
     */
    public static void into(double[] x, int period, EmaSeed seed, double[] out) {
        Checks.period("period", period);
        Objects.requireNonNull(seed, "seed");
        Checks.finite("x", x);
        kernel(x, 0, x.length, period, seed, Checks.out(out, x.length));
    }

    /** EMA of {@code x[from, to)} into {@code out[from, to)}. */
    static void kernel(double[] x, int from, int to, int n, EmaSeed seed, double[] out) {
        double alpha = 2.0 / (n + 1);
        switch (seed) {
            case SMA:
                smaSeeded(x, from, to, n, alpha, out);
                break;
            case FIRST_VALUE:
                recursive(x, from, from < to ? x[from] : 0, to, alpha, out);
                break;
            default:
                adjusted(x, from, to, alpha, out);
        }
    }

    private static void smaSeeded(double[] x, int from, int to, int n, double alpha, double[] out) {
        int first = from + n - 1;
        Checks.fillNaN(out, from, Math.min(first, to));
        if (first < to) {
            recursive(x, first, Sma.windowSum(x, from, first + 1) / n, to, alpha, out);
        }
    }

    /** Writes {@code out[at] = seed} and continues the recursion to {@code to}. */
    static void recursive(double[] x, int at, double seed, int to, double alpha, double[] out) {
        if (at >= to) {
            return;
        }
        double decay = 1 - alpha;
        double e = seed;
        out[at] = e;
        for (int i = at + 1; i < to; i++) {
            e = decay * e + alpha * x[i];
            out[i] = e;
        }
    }

    private static void adjusted(double[] x, int from, int to, double alpha, double[] out) {
        double decay = 1 - alpha;
        double num = 0;
        double den = 0;
        for (int i = from; i < to; i++) {
            num = x[i] + decay * num;
            den = 1 + decay * den;
            out[i] = num / den;
        }
    }

    /**
     * Creates an O(1), allocation-free streaming EMA.
     *
     * @throws IllegalArgumentException if {@code period < 1} or {@code seed} is null
     */
    public static Stream stream(int period, EmaSeed seed) {
        return new Stream(period, seed);
    }

    /**
     * Incremental EMA giving the same values as {@link Ema#compute(double[], int, EmaSeed)}. Not
     * thread-safe.
     */
    public static final class Stream {
        private final int n;
        private final EmaSeed seed;
        private final double alpha;
        private long count;
        private double sum;
        private double den;
        private double value = Double.NaN;

        Stream(int period, EmaSeed seed) {
            this.n = Checks.period("period", period);
            this.seed = Objects.requireNonNull(seed, "seed");
            this.alpha = 2.0 / (period + 1);
        }

        /**
         * Adds the next value and returns the EMA at it ({@code NaN} during warm-up).
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public double update(double x) {
            Checks.finiteBar("x", x, count);
            count++;
            if (seed == EmaSeed.ADJUSTED) {
                sum = x + (1 - alpha) * sum;
                den = 1 + (1 - alpha) * den;
                value = sum / den;
            } else if (seed == EmaSeed.FIRST_VALUE && count == 1) {
                value = x;
            } else if (seed == EmaSeed.SMA && count <= n) {
                sum += x;
                value = count == n ? sum / n : Double.NaN;
            } else {
                value = (1 - alpha) * value + alpha * x;
            }
            return value;
        }

        /** Returns the latest EMA, {@code NaN} during warm-up. */
        public double value() {
            return value;
        }
    }
}
