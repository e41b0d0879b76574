// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * Rolling realised (historical) volatility estimators, annualised by {@code sqrt(annualisation)}.
 *
 * <ul>
 *   <li>{@link #closeToClose}: the <b>sample</b> standard deviation (divide by {@code n - 1}) of
 *       the last {@code window} log returns {@code ln(c_t / c_{t-1})}; warm-up {@code window} (the
 *       first value needs {@code window + 1} closes). TA-Lib's {@code STDDEV} divides by {@code n}
 *       and would understate this by {@code sqrt((n-1)/n)}.
 *   <li>{@link #parkinson}: {@code sqrt(mean(ln(H/L)^2) / (4 ln 2))} over {@code window} bars
 *       (Parkinson 1980); warm-up {@code window - 1}.
 *   <li>{@link #garmanKlass}: {@code sqrt(mean(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2))} over
 *       {@code window} bars (Garman and Klass 1980); warm-up {@code window - 1}.
 * </ul>
 *
 * <p>Pass {@code annualisation = 1} for per-bar volatility; {@link #DEFAULT_ANNUALISATION} (252
 * trading days) is the daily-bar default. Rolling sums as in {@link Sma} and {@link RollingStd}.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Volatility {
    /** Trading days per year, the default annualisation factor for daily bars. */
    public static final double DEFAULT_ANNUALISATION = 252;

    private static final double LN2 = Math.log(2);

    private Volatility() {}

    /**
     * Returns the warm-up of {@link #closeToClose}: {@code window}.
     *
     * @throws IllegalArgumentException if {@code window < 2}
     */
    public static int warmUpCloseToClose(int window) {
        return Checks.atLeast("window", window, 2);
    }

    /**
     * Returns the warm-up of the range estimators: {@code window - 1}.
     *
     * @throws IllegalArgumentException if {@code window < 1}
     */
    public static int warmUpRange(int window) {
        return Checks.period("window", window) - 1;
    }

    /**
     * Returns the annualised sample sd of log returns over {@code window} returns.
     *
     * @throws IllegalArgumentException if {@code window < 2}, {@code annualisation} is not finite
     *     and positive, or a close is not finite and positive
     */
    public static double[] closeToClose(double[] close, int window, double annualisation) {
        checkArguments(window, 2, annualisation);
        positivePrices("close", close);
        double[] out = new double[close.length];
        closeToCloseKernel(
                close, close.length, window, annualisation, new double[close.length], out);
        return out;
    }

    static void closeToCloseKernel(
            double[] close,
            int to,
            int window,
            double annualisation,
            double[] logReturns,
            double[] out) {
        for (int i = 1; i < to; i++) {
            logReturns[i] = Math.log(close[i] / close[i - 1]);
        }
        Checks.fillNaN(out, 0, Math.min(1, to));
        RollingStd.kernel(logReturns, Math.min(1, to), to, window, 1, null, out);
        scale(out, to, Math.sqrt(annualisation));
    }

    /**
     * Returns the annualised Parkinson high-low volatility.
     *
     * @throws IllegalArgumentException if {@code window < 1}, {@code annualisation} is not finite
     *     and positive, lengths differ or a price is not finite and positive
     */
    public static double[] parkinson(
            double[] high, double[] low, int window, double annualisation) {
        checkArguments(window, 1, annualisation);
        positivePrices("high", high);
        Checks.sameLength("low", low, "high", high);
        positivePrices("low", low);
        double[] out = new double[high.length];
        parkinsonKernel(
                high, low, high.length, window, annualisation, new double[high.length], out);
        return out;
    }

    static void parkinsonKernel(
            double[] high,
            double[] low,
            int to,
            int window,
            double annualisation,
            double[] terms,
            double[] out) {
        for (int i = 0; i < to; i++) {
            double u = Math.log(high[i] / low[i]);
            terms[i] = u * u / (4 * LN2);
        }
        rootMean(terms, to, window, annualisation, out);
    }

    /**
     * Returns the annualised Garman–Klass volatility.
     *
     * @throws IllegalArgumentException if {@code window < 1}, {@code annualisation} is not finite
     *     and positive, lengths differ or a price is not finite and positive
     */
    public static double[] garmanKlass(
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            int window,
            double annualisation) {
        checkArguments(window, 1, annualisation);
        positivePrices("close", close);
        Checks.sameLength("open", open, "close", close);
        Checks.sameLength("high", high, "close", close);
        Checks.sameLength("low", low, "close", close);
        positivePrices("open", open);
        positivePrices("high", high);
        positivePrices("low", low);
        double[] out = new double[close.length];
        garmanKlassKernel(
                open,
                high,
                low,
                close,
                close.length,
                window,
                annualisation,
                new double[close.length],
                out);
        return out;
    }

    static void garmanKlassKernel(
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            int to,
            int window,
            double annualisation,
            double[] terms,
            double[] out) {
        for (int i = 0; i < to; i++) {
            double u = Math.log(high[i] / low[i]);
            double c = Math.log(close[i] / open[i]);
            terms[i] = 0.5 * u * u - (2 * LN2 - 1) * c * c;
        }
        rootMean(terms, to, window, annualisation, out);
    }

    private static void rootMean(
            double[] terms, int to, int window, double annualisation, double[] out) {
        Sma.kernel(terms, 0, to, window, out);
        for (int i = 0; i < to; i++) {
            out[i] = Math.sqrt(Math.max(out[i], 0) * annualisation);
        }
    }

    private static void scale(double[] out, int to, double factor) {
        for (int i = 0; i < to; i++) {
            out[i] *= factor;
        }
    }

    static void checkArguments(int window, int minWindow, double annualisation) {
        Checks.atLeast("window", window, minWindow);
        Checks.positive("annualisation", annualisation);
    }

    private static void positivePrices(String name, double[] x) {
        Checks.finite(name, x);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be > 0 for a log return but was " + x[i]);
            }
        }
    }
}
