// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * Simple returns {@code x_t / x_{t-lag} - 1} and log returns {@code ln(x_t / x_{t-lag})} over
 * {@code lag} bars, with an explicit {@link MissingPricePolicy} for missing prices.
 *
 * <p>Input: prices {@code > 0}, or {@code NaN} for a missing price; infinity, zero and negative
 * prices are rejected. Warm-up {@code lag}. The default policy is {@link
 * MissingPricePolicy#STRICT}; a missing day never becomes a 0 return unless {@link
 * MissingPricePolicy#FORWARD_FILL} is asked for.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Returns {
    private Returns() {}

    /**
     * Returns the number of leading {@code NaN} outputs on complete input: {@code lag}.
     *
     * @throws IllegalArgumentException if {@code lag < 1}
     */
    public static int warmUp(int lag) {
        return Checks.period("lag", lag);
    }

    /**
     * Returns one-bar simple returns with the strict policy.
     *
     * @throws IllegalArgumentException if a price is infinite or {@code <= 0}
     */
    public static double[] simple(double[] prices) {
        return simple(prices, 1, MissingPricePolicy.STRICT);
    }

    /**
     * Returns one-bar log returns with the strict policy.
     *
     * @throws IllegalArgumentException if a price is infinite or {@code <= 0}
     */
    public static double[] log(double[] prices) {
        return log(prices, 1, MissingPricePolicy.STRICT);
    }

    /**
     * Returns {@code lag}-bar simple returns under {@code policy}.
     *
     * @throws IllegalArgumentException if {@code lag < 1}, {@code policy} is null or a price is
     *     infinite or {@code <= 0}
     */
    public static double[] simple(double[] prices, int lag, MissingPricePolicy policy) {
        return compute(prices, lag, policy, false);
    }

    /**
     * Returns {@code lag}-bar log returns under {@code policy}.
     *
     * @throws IllegalArgumentException if {@code lag < 1}, {@code policy} is null or a price is
     *     infinite or {@code <= 0}
     */
    public static double[] log(double[] prices, int lag, MissingPricePolicy policy) {
        return compute(prices, lag, policy, true);
    }

    private static double[] compute(
            double[] prices, int lag, MissingPricePolicy policy, boolean log) {
        Checks.period("lag", lag);
        Objects.requireNonNull(policy, "policy");
        checkPrices(prices);
        double[] out = new double[prices.length];
        kernel(prices, prices.length, lag, policy, log, out);
        return out;
    }

    static void checkPrices(double[] prices) {
        Objects.requireNonNull(prices, "prices");
        for (int i = 0; i < prices.length; i++) {
            double p = prices[i];
            if (!Double.isNaN(p) && (p <= 0 || Double.isInfinite(p))) {
                throw new IllegalArgumentException(
                        "prices["
                                + i
                                + "] must be > 0 and finite, or NaN for missing, but was "
                                + p);
            }
        }
    }

    static void kernel(
            double[] x, int to, int lag, MissingPricePolicy policy, boolean log, double[] out) {
        switch (policy) {
            case STRICT:
                strict(x, to, lag, log, out);
                break;
            case FORWARD_FILL:
                strict(forwardFilled(x, to), to, lag, log, out);
                break;
            default:
                skipGaps(x, to, lag, log, out);
        }
    }

    private static void strict(double[] x, int to, int lag, boolean log, double[] out) {
        Checks.fillNaN(out, 0, Math.min(lag, to));
        for (int i = lag; i < to; i++) {
            out[i] = of(x[i], x[i - lag], log);
        }
    }

    private static double[] forwardFilled(double[] x, int to) {
        double[] filled = new double[to];
        double last = Double.NaN;
        for (int i = 0; i < to; i++) {
            last = Double.isNaN(x[i]) ? last : x[i];
            filled[i] = last;
        }
        return filled;
    }

    /** Keeps the indices of the last {@code lag} valid prices in a ring. */
    private static void skipGaps(double[] x, int to, int lag, boolean log, double[] out) {
        int[] valid = new int[lag];
        int seen = 0;
        for (int i = 0; i < to; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int slot = seen % lag;
            out[i] = seen >= lag ? of(x[i], x[valid[slot]], log) : Double.NaN;
            valid[slot] = i;
            seen++;
        }
    }

    static double of(double price, double base, boolean log) {
        return log ? Math.log(price / base) : price / base - 1;
    }
}
