// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Slow stochastic oscillator (TA-Lib {@code STOCH} with SMA smoothing): fast %K = {@code 100 *
 * (close - lowest low) / (highest high - lowest low)} over {@code period} bars, %K = SMA({@code
 * kSmoothing}) of fast %K, %D = SMA({@code dPeriod}) of %K.
 *
 * <p>Warm-up: %K {@code period + kSmoothing - 2}, %D {@code period + kSmoothing + dPeriod - 3} (14,
 * 3, 3 gives 15 and 17). A window whose high equals its low gives fast %K = 0, as TA-Lib. With
 * {@code kSmoothing = 1} %K is the fast stochastic.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Stochastic {
    private Stochastic() {}

    /**
     * Returns the warm-up of %K: {@code period + kSmoothing - 2}.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}
     */
    public static int warmUpK(int period, int kSmoothing) {
        return Checks.period("period", period) + Checks.period("kSmoothing", kSmoothing) - 2;
    }

    /**
     * Returns the warm-up of %D: {@code period + kSmoothing + dPeriod - 3}.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}
     */
    public static int warmUp(int period, int kSmoothing, int dPeriod) {
        return warmUpK(period, kSmoothing) + Checks.period("dPeriod", dPeriod) - 1;
    }

    /**
     * Computes %K and %D into caller arrays without allocating.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}, lengths differ, a value is not
     *     finite or an output is shorter than the input
     */
    public static void into(
            double[] high,
            double[] low,
            double[] close,
            int period,
            int kSmoothing,
            int dPeriod,
            double[] kOut,
            double[] dOut) {
        warmUp(period, kSmoothing, dPeriod);
        Checks.hlc(high, low, close);
        Checks.out(kOut, close.length);
        Checks.out(dOut, close.length);
        kernel(high, low, close, close.length, period, kSmoothing, dPeriod, kOut, dOut);
    }

    /** {@code dOut} holds fast %K first, then %D. */
    static void kernel(
            double[] high,
            double[] low,
            double[] close,
            int to,
            int n,
            int kSmoothing,
            int dPeriod,
            double[] kOut,
            double[] dOut) {
        fastK(high, low, close, to, n, dOut);
        int fastStart = Math.min(n - 1, to);
        Checks.fillNaN(kOut, 0, fastStart);
        windowMean(dOut, fastStart, to, kSmoothing, kOut);
        int kStart = Math.min(n + kSmoothing - 2, to);
        Checks.fillNaN(dOut, 0, kStart);
        windowMean(kOut, kStart, to, dPeriod, dOut);
    }

    /**
     * Mean of each full window summed afresh: exact for a window of equal values and never outside
     * [0, 100] for inputs inside it (a running sum could drift to -1e-14).
     */
    static void windowMean(double[] x, int from, int to, int n, double[] out) {
        int first = from + n - 1;
        Checks.fillNaN(out, from, Math.min(first, to));
        for (int i = first; i < to; i++) {
            out[i] = Sma.windowSum(x, i - n + 1, i + 1) / n;
        }
    }

    /** Fast %K; the running extreme is re-scanned only when it leaves the window. */
    static void fastK(double[] high, double[] low, double[] close, int to, int n, double[] out) {
        Checks.fillNaN(out, 0, Math.min(n - 1, to));
        int hi = -1;
        int lo = -1;
        for (int i = n - 1; i < to; i++) {
            int from = i - n + 1;
            hi = hi < from ? argMax(high, from, i + 1) : (high[i] >= high[hi] ? i : hi);
            lo = lo < from ? argMin(low, from, i + 1) : (low[i] <= low[lo] ? i : lo);
            double range = high[hi] - low[lo];
            out[i] = range == 0 ? 0 : 100 * (close[i] - low[lo]) / range;
        }
    }

    static int argMax(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] >= x[best]) {
                best = i;
            }
        }
        return best;
    }

    static int argMin(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] <= x[best]) {
                best = i;
            }
        }
        return best;
    }
}
