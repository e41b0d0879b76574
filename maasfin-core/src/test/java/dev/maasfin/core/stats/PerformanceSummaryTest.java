// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PerformanceSummaryTest {
    private static final long DAY = 86_400_000L;

    private static BarSeries closes(double... c) {
        long[] t = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            t[i] = i * DAY;
        }
        return new BarSeries("test", ZoneOffset.UTC, t, c, c, c, c, null, null);
    }

    @Test
    void summary_ofHandWorkedSeries_matchesDefinitions() {
        // closes 100, 110, 99, 121: log returns ln(1.1) = 0.0953101798, ln(0.9) = -0.1053605157,
        // ln(121/99) = 0.2006706954; mean 0.0635401198; squared deviations 0.0010093367,
        // 0.0285274247, 0.0188047948, sum 0.0483415562; sample variance (divide by 2)
        // 0.0241707781, sd 0.1554695407 (worked by hand, checked with a calculator).
        PerformanceSummary s = PerformanceSummary.of(closes(100, 110, 99, 121), 252);
        assertEquals(4, s.bars());
        assertEquals(0.1554695407 * Math.sqrt(252), s.annualisedVolatility(), 1e-8);
        // (121/100)^(252/3) - 1 = 1.21^84 - 1
        assertEquals(Math.pow(1.21, 84) - 1, s.annualisedReturn(), 1e-6 * Math.pow(1.21, 84));
        // Peak 110 at bar 1, trough 99 at bar 2: 1 - 99/110 = 0.1.
        assertEquals(0.1, s.maxDrawdown(), 1e-15);
        assertEquals(Instant.ofEpochMilli(DAY), s.drawdownPeak());
        assertEquals(Instant.ofEpochMilli(2 * DAY), s.drawdownTrough());
    }

    @Test
    void maxDrawdown_whenPricesOnlyRise_isZero() {
        PerformanceSummary s = PerformanceSummary.of(closes(1, 2, 3, 4));
        assertEquals(0.0, s.maxDrawdown());
    }

    @Test
    void maxDrawdown_picksDeepestFallFromRunningPeak_notFromFirstBar() {
        // Peaks 100 then 200; falls 100->90 (10 %) and 200->120 (40 %).
        PerformanceSummary s = PerformanceSummary.of(closes(100, 90, 200, 150, 120, 180));
        assertEquals(0.4, s.maxDrawdown(), 1e-15);
        assertEquals(Instant.ofEpochMilli(2 * DAY), s.drawdownPeak());
        assertEquals(Instant.ofEpochMilli(4 * DAY), s.drawdownTrough());
    }

    @Test
    void summary_whenTooFewBars_namesCount() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> PerformanceSummary.of(closes(1, 2)));
        assertTrue(e.getMessage().contains("at least 3 bars"), e.getMessage());
        assertTrue(e.getMessage().contains("has 2"), e.getMessage());
    }

    @Test
    void summary_whenAnnualisationFactorNotPositive_namesValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PerformanceSummary.of(closes(1, 2, 3), 0));
        assertTrue(e.getMessage().contains("periodsPerYear must be finite and > 0 but was 0.0"));
    }

    @Test
    void summary_whenClosesSpanBeyondDoubleRange_rejectsReturnNamingSeriesAndSpan() {
        // 1e300 / 1e-300 = 1e600 exceeds Double.MAX_VALUE (about 1.8e308), so the growth ratio
        // is infinite by IEEE 754 and the annualised return cannot be stated.
        BarSeries s = closes(1e-300, 1e-300, 1e300);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(s));

        assertEquals(
                "test: annualised return overflows (Infinity): closes span 1.0E-300 to 1.0E300,"
                        + " too wide a range for double arithmetic",
                e.getMessage());
    }

    @Test
    void summary_whenOneReturnOverflows_rejectsVolatilityNamingSeries() {
        // First and last close are equal (growth 0 is finite), but the middle log return is
        // ln(1e600) = ln(Infinity) in doubles, so the standard deviation is not finite.
        BarSeries s = closes(1e-300, 1e300, 1e-300);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(s));

        assertTrue(
                e.getMessage().startsWith("test: annualised volatility overflows ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("closes span 1.0E-300 to 1.0E300"), e.getMessage());
    }
}
