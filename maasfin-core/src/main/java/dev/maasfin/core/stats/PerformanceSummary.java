// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.stats;

import dev.maasfin.api.data.BarSeries;
import java.time.Instant;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Descriptive statistics of one close-price history: growth, volatility and worst drawdown.
 *
 * <p>Definitions (daily bars, {@code n} log returns {@code r_t = ln(c_t / c_{t-1})}, annualisation
 * factor {@code A}, 252 by default):
 *
 * <ul>
 *   <li>annualised return = {@code (c_last / c_first)^(A / n) - 1} (geometric, compounding);
 *   <li>annualised volatility = sample standard deviation (divisor {@code n - 1}) of the log
 *       returns times {@code sqrt(A)}, the usual historical-volatility convention;
 *   <li>maximum drawdown = the largest fall from a running peak close, {@code max_t (1 - c_t /
 *       max_{s <= t} c_s)}, as a positive fraction, with the peak and trough times.
 * </ul>
 *
 * Thread-safe: an immutable value.
 *
 * @param bars number of bars summarised
 * @param first time of the first bar
 * @param last time of the last bar
 * @param firstClose first close
 * @param lastClose last close
 * @param annualisedReturn geometric annualised return, a fraction (0.07 = 7 % a year)
 * @param annualisedVolatility annualised sample volatility of log returns, a fraction
 * @param maxDrawdown largest peak-to-trough fall of the close, a fraction in [0, 1)
 * @param drawdownPeak time of the peak that starts the largest drawdown
 * @param drawdownTrough time of the trough that ends it
 */
public record PerformanceSummary(
        int bars,
        Instant first,
        Instant last,
        double firstClose,
        double lastClose,
        double annualisedReturn,
        double annualisedVolatility,
        double maxDrawdown,
        Instant drawdownPeak,
        Instant drawdownTrough) {

    /** The usual number of trading days in a year, the default annualisation factor. */
    public static final double TRADING_DAYS = 252.0;

    /**
     * Summarises a series with the default annualisation factor of 252 bars a year.
     *
     * @throws IllegalArgumentException if the series has fewer than 3 bars
     */
    public static PerformanceSummary of(BarSeries series) {
        return of(series, TRADING_DAYS);
    }

    /**
     * Summarises a series.
     *
     * @param series the bars; only closes and times are used
     * @param periodsPerYear annualisation factor, e.g. 252 for daily equity bars, 365 for daily
     *     crypto bars
     * @throws IllegalArgumentException if the series has fewer than 3 bars (two returns are the
     *     fewest with a sample standard deviation), {@code periodsPerYear} is not positive, or a
     *     figure overflows double arithmetic (closes spanning hundreds of orders of magnitude)
     */
    public static PerformanceSummary of(BarSeries series, double periodsPerYear) {
        Objects.requireNonNull(series, "series");
        if (series.size() < 3) {
            throw new IllegalArgumentException(
                    series.name()
                            + ": a summary needs at least 3 bars but the series has "
                            + series.size());
        }
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException(
                    "periodsPerYear must be finite and > 0 but was " + periodsPerYear);
        }
        double[] close = series.closes();
        int n = close.length - 1;
        double growth = Math.pow(close[n] / close[0], periodsPerYear / n) - 1.0;
        double vol = logReturnSd(close) * Math.sqrt(periodsPerYear);
        requireFinite(series.name(), "annualised return", growth, close);
        requireFinite(series.name(), "annualised volatility", vol, close);
        int[] dd = maxDrawdownPeakTrough(close);
        double maxDd = 1.0 - close[dd[1]] / close[dd[0]];
        return new PerformanceSummary(
                series.size(),
                series.time(0),
                series.time(n),
                close[0],
                close[n],
                growth,
                vol,
                maxDd,
                series.time(dd[0]),
                series.time(dd[1]));
    }

    private static void requireFinite(String name, String figure, double value, double[] close) {
        if (Double.isFinite(value)) {
            return;
        }
        double min = close[0];
        double max = close[0];
        for (double c : close) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        throw new IllegalArgumentException(
                name
                        + ": "
                        + figure
                        + " overflows ("
                        + value
                        + "): closes span "
                        + min
                        + " to "
                        + max
                        + ", too wide a range for double arithmetic");
    }

    private static double logReturnSd(double[] close) {
        double[] r = new double[close.length - 1];
        for (int i = 1; i < close.length; i++) {
            r[i - 1] = Math.log(close[i] / close[i - 1]);
        }
        return new StandardDeviation(true).evaluate(r);
    }

    /** Returns {peak index, trough index} of the largest drawdown; {0, 0} if prices never fall. */
    private static int[] maxDrawdownPeakTrough(double[] close) {
        int peak = 0;
        int bestPeak = 0;
        int bestTrough = 0;
        double worst = 0.0;
        for (int i = 1; i < close.length; i++) {
            if (close[i] > close[peak]) {
                peak = i;
            }
            double dd = 1.0 - close[i] / close[peak];
            if (dd > worst) {
                worst = dd;
                bestPeak = peak;
                bestTrough = i;
            }
        }
        return new int[] {bestPeak, bestTrough};
    }
}
