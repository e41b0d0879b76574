// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * One entry point for the batch indicators over primitive arrays; each method delegates to the
 * indicator's own class, whose Javadoc states the definition, warm-up and edge cases.
 *
 * <p>Every method returns a new array as long as its input with {@code NaN} during the warm-up; the
 * {@code ...Into} forms write into a caller array and allocate nothing. Inputs must be finite (an
 * exception names the first bad index); {@link #simpleReturns} and {@link #logReturns} also accept
 * {@code NaN} as a missing price.
 *
 * <p>Thread safety: stateless static methods.
 */
public final class Indicators {
    private Indicators() {}

    /** {@link Sma#compute}. */
    public static double[] sma(double[] x, int period) {
        return Sma.compute(x, period);
    }

    /** {@link Sma#into}. */
    public static void smaInto(double[] x, int period, double[] out) {
        Sma.into(x, period, out);
    }

    /** {@link Ema#compute(double[], int)} (TA-Lib seed). */
    public static double[] ema(double[] x, int period) {
        return Ema.compute(x, period);
    }

    /** {@link Ema#compute(double[], int, EmaSeed)}. */
    public static double[] ema(double[] x, int period, EmaSeed seed) {
        return Ema.compute(x, period, seed);
    }

    /** {@link Ema#into} with the TA-Lib seed. */
    public static void emaInto(double[] x, int period, double[] out) {
        Ema.into(x, period, EmaSeed.SMA, out);
    }

    /** {@link Wma#compute}. */
    public static double[] wma(double[] x, int period) {
        return Wma.compute(x, period);
    }

    /** {@link Wma#into}. */
    public static void wmaInto(double[] x, int period, double[] out) {
        Wma.into(x, period, out);
    }

    /** {@link Rsi#compute}. */
    public static double[] rsi(double[] x, int period) {
        return Rsi.compute(x, period);
    }

    /** {@link Rsi#into}. */
    public static void rsiInto(double[] x, int period, double[] out) {
        Rsi.into(x, period, out);
    }

    /** {@link Macd#compute(double[], int, int, int, MacdStart)}. */
    public static Macd.Result macd(double[] x, int fast, int slow, int signal, MacdStart start) {
        return Macd.compute(x, fast, slow, signal, start);
    }

    /** {@link Bollinger#compute(double[], int, double, Deviation)}. */
    public static Bollinger.Result bollinger(
            double[] x, int period, double k, Deviation deviation) {
        return Bollinger.compute(x, period, k, deviation);
    }

    /** {@link TrueRange#compute}. */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        return TrueRange.compute(high, low, close);
    }

    /** {@link Atr#compute}. */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        return Atr.compute(high, low, close, period);
    }

    /** {@link Atr#into}. */
    public static void atrInto(
            double[] high, double[] low, double[] close, int period, double[] out) {
        Atr.into(high, low, close, period, out);
    }

    /** {@link RateOfChange#roc}. */
    public static double[] roc(double[] x, int period) {
        return RateOfChange.roc(x, period);
    }

    /** {@link RateOfChange#momentum}. */
    public static double[] momentum(double[] x, int period) {
        return RateOfChange.momentum(x, period);
    }

    /** {@link Obv#compute} with TA-Lib's start. */
    public static double[] obv(double[] close, double[] volume) {
        return Obv.compute(close, volume, ObvStart.FIRST_VOLUME);
    }

    /** {@link RollingStd#compute(double[], int, Deviation)}. */
    public static double[] rollingStd(double[] x, int period, Deviation deviation) {
        return RollingStd.compute(x, period, deviation);
    }

    /** {@link RollingStd#zScore}. */
    public static double[] zScore(double[] x, int period, Deviation deviation) {
        return RollingStd.zScore(x, period, deviation);
    }

    /** {@link Cci#compute}. */
    public static double[] cci(double[] high, double[] low, double[] close, int period) {
        return Cci.compute(high, low, close, period);
    }

    /** {@link Mfi#compute}. */
    public static double[] mfi(
            double[] high, double[] low, double[] close, double[] volume, int period) {
        return Mfi.compute(high, low, close, volume, period);
    }

    /** {@link WilliamsR#compute}. */
    public static double[] williamsR(double[] high, double[] low, double[] close, int period) {
        return WilliamsR.compute(high, low, close, period);
    }

    /** {@link MaxDrawdown#compute}. */
    public static double[] maxDrawdown(double[] x, int window) {
        return MaxDrawdown.compute(x, window);
    }

    /** {@link Returns#simple(double[], int, MissingPricePolicy)}. */
    public static double[] simpleReturns(double[] prices, int lag, MissingPricePolicy policy) {
        return Returns.simple(prices, lag, policy);
    }

    /** {@link Returns#log(double[], int, MissingPricePolicy)}. */
    public static double[] logReturns(double[] prices, int lag, MissingPricePolicy policy) {
        return Returns.log(prices, lag, policy);
    }
}
