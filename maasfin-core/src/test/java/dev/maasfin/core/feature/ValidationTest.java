// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public input path names the parameter, the bad value and the rule. */
class ValidationTest {
    private static final double[] X = {1, 2, 3, 4, 5};

    private static void rejects(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void periods_mustBePositive() {
        rejects("period must be >= 1 but was 0", () -> Sma.compute(X, 0));
        rejects("period must be >= 1 but was -3", () -> Ema.warmUp(-3));
        rejects("period must be >= 1 but was 0", () -> Rsi.stream(0));
        rejects(
                "lag must be >= 1 but was 0",
                () -> Returns.simple(X, 0, MissingPricePolicy.STRICT));
        rejects("window must be >= 2 but was 1", () -> Volatility.closeToClose(X, 1, 252));
        rejects(
                "period must be >= 2 for a sample standard deviation but was 1",
                () -> RollingStd.compute(X, 1, Deviation.SAMPLE));
    }

    @Test
    void macd_fastMustBeShorterThanSlow() {
        rejects(
                "fastPeriod must be < slowPeriod but was 26 >= 12",
                () -> Macd.compute(X, 26, 12, 9));
        rejects("signalPeriod must be >= 1 but was 0", () -> FeatureSpec.macd(12, 26, 0));
    }

    @Test
    void bandWidthAndAnnualisation_mustBeFinitePositive() {
        rejects("k must be finite and > 0 but was 0.0", () -> Bollinger.compute(X, 3, 0));
        rejects("k must be finite and > 0 but was NaN", () -> FeatureSpec.bollinger(3, Double.NaN));
        rejects(
                "annualisation must be finite and > 0 but was -1.0",
                () -> Volatility.closeToClose(X, 3, -1));
    }

    @Test
    void inputs_mustBeFiniteNamingTheIndex() {
        rejects(
                "x[2] must be finite but was NaN",
                () -> Sma.compute(new double[] {1, 2, Double.NaN}, 2));
        rejects(
                "x[1] must be finite but was Infinity",
                () -> Ema.compute(new double[] {1, Double.POSITIVE_INFINITY}, 2));
        rejects("x of bar 0 must be finite but was NaN", () -> Sma.stream(2).update(Double.NaN));
        rejects(
                "prices[1] must be > 0 and finite, or NaN for missing, but was -2.0",
                () -> Returns.log(new double[] {1, -2}));
        rejects(
                "close[0] must be > 0 for a log return but was 0.0",
                () -> Volatility.closeToClose(new double[] {0, 1, 2}, 2, 252));
    }

    @Test
    void columns_mustHaveEqualLengthsAndReportedVolume() {
        rejects(
                "high has 2 values but close has 5 (lengths must be equal)",
                () -> Atr.compute(new double[2], X, X, 2));
        rejects(
                "volume[1] must be finite and >= 0 but was NaN (not reported)",
                () ->
                        Obv.compute(
                                new double[] {1, 2}, new double[] {1, Double.NaN}, ObvStart.ZERO));
    }

    @Test
    void outputArrays_mustBeLongEnough() {
        rejects(
                "out length must be >= input length 5 but was 4",
                () -> Sma.into(X, 2, new double[4]));
    }
}
