// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Loads every real price file through {@link DataDirectory}; expected figures are quoted from each
 * data set's README. A missing data set fails, naming the file.
 */
class RealBarDataTest {
    private static final Path DATA = DataDirectory.resolve();

    private static LoadResult<BarSeries> load(String file, BarCsvLoader loader) throws IOException {
        return loader.loadWithReport(DataDirectory.require(DATA, file));
    }

    private static Instant utcDay(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void assertNoRepairs(LoadResult<BarSeries> r) {
        assertFalse(r.report().hasRepairs(), r.report().repairs().toString());
        assertEquals(r.report().rowsRead(), r.report().rowsKept());
    }

    @Test
    void aaplDaily_loads3379RowsFrom20040819To20180119() throws IOException {
        LoadResult<BarSeries> r =
                load("aapl-daily/yahoofinance-AAPL-20040819-20180120.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: "3,379 data rows (plus header), 2004-08-19 to 2018-01-19".
        assertEquals(3379, s.size());
        assertEquals(utcDay("2004-08-19"), s.time(0));
        assertEquals(utcDay("2018-01-19"), s.time(s.size() - 1));
        // README: "first close 2.193571"; "Volume: ... never 0".
        assertEquals(2.193571, s.close(0));
        assertTrue(s.hasAdjustedClose());
        assertEquals(0, r.report().zeroVolumeAsMissing());
        assertNoRepairs(r);
    }

    @Test
    void aaplDaily_adjustedBasis_usesAdjCloseAndKeepsBarsConsistent() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optPriceBasis(PriceBasis.ADJUSTED).build();
        BarSeries s = load("aapl-daily/yahoofinance-AAPL-20040819-20180120.csv", loader).data();

        // File line 2: Close 2.193571, Adj Close 1.966391 (README: Adj Close differs from Close
        // before dividends). The BarSeries constructor re-checks low <= open, close <= high.
        assertEquals(3379, s.size());
        assertEquals(1.966391, s.close(0));
        // Open 2.250714 scaled by 1.966391 / 2.193571 = 0.896433... gives 2.017618...
        assertEquals(2.250714 * 1.966391 / 2.193571, s.open(0), 1e-12);
        // Last row: Adj Close equals Close (178.460007), so the bar is unchanged.
        assertEquals(178.460007, s.close(s.size() - 1));
    }

    @Test
    void btcPerp1m_loads45031ConsecutiveMinutesInUtc() throws IOException {
        LoadResult<BarSeries> r =
                load("btc-perp-1m/btc-perp-20211231-20220201_1m.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: "45,031 data rows", 2021-12-31 23:01 to 2022-02-01 05:31, UTC by convention,
        // "no missing minutes (45,031 consecutive minutes)".
        assertEquals(45_031, s.size());
        assertEquals(Instant.parse("2021-12-31T23:01:00Z"), s.time(0));
        assertEquals(Instant.parse("2022-02-01T05:31:00Z"), s.time(s.size() - 1));
        assertEquals(45_030L * 60_000L, s.epochMillis(s.size() - 1) - s.epochMillis(0));
        assertEquals(46_319.0, s.open(0));
        assertNoRepairs(r);
    }

    @Test
    void btcUsdDaily_loads1246CalendarDaysWithIsoDates() throws IOException {
        LoadResult<BarSeries> r = load("btc-usd-daily/bitcoin.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: "1,246 data rows, 2017-08-16 to 2021-01-12", "1,246 consecutive calendar days".
        assertEquals(1246, s.size());
        assertEquals(utcDay("2017-08-16"), s.time(0));
        assertEquals(utcDay("2021-01-12"), s.time(s.size() - 1));
        assertEquals(1245L * 86_400_000L, s.epochMillis(s.size() - 1) - s.epochMillis(0));
        assertNoRepairs(r);
    }

    @Test
    void intraday1m_withNewYorkZone_loads1564BarsFrom0930Eastern() throws IOException {
        ZoneId ny = ZoneId.of("America/New_York");
        BarCsvLoader loader = BarCsvLoader.builder().optZone(ny).build();
        LoadResult<BarSeries> r = load("intraday-1m/intraday.csv", loader);
        BarSeries s = r.data();

        // README: BOM, "YYYY-MM-DD HH:MM", no zone, "US/Eastern local time by appearance";
        // "1,564 data rows", 391 bars per day, 09:30 to 16:00, 2020-12-15 .. 2020-12-18.
        // December is EST (UTC-5), so 09:30 local is 14:30Z and 16:00 local is 21:00Z.
        assertEquals(1564, s.size());
        assertEquals(Instant.parse("2020-12-15T14:30:00Z"), s.time(0));
        assertEquals(Instant.parse("2020-12-18T21:00:00Z"), s.time(s.size() - 1));
        assertEquals(ny, s.zone());
        assertNoRepairs(r);
    }

    @Test
    void msftDaily_loads8111RowsAndReports506LeadingZeroVolumesAsMissing() throws IOException {
        LoadResult<BarSeries> r = load("msft-daily/msft.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: BOM, M/D/YYYY; "8,111 data rows, 1990-01-02 to 2022-03-10"; volume "is 0 on all
        // 506 rows before 1992-01-02 (not reported) and never 0 afterwards".
        assertEquals(8111, s.size());
        assertEquals(utcDay("1990-01-02"), s.time(0));
        assertEquals(utcDay("2022-03-10"), s.time(s.size() - 1));
        assertEquals(506, r.report().zeroVolumeAsMissing());
        assertTrue(Double.isNaN(s.volume(505)));
        assertEquals(utcDay("1992-01-02"), s.time(506));
        assertFalse(Double.isNaN(s.volume(506)));
        assertNoRepairs(r);
    }

    @Test
    void spxDaily_loads8111RowsAndReports2215LeadingZeroVolumesAsMissing() throws IOException {
        LoadResult<BarSeries> r = load("spx-daily/spx.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: BOM, M/D/YYYY; "8,111 data rows (plus header), 1990-01-02 to 2022-03-10";
        // volume "is 0 on all 2,215 rows before 1998-10-06"; close 295.00 to 4,796.56.
        assertEquals(8111, s.size());
        assertEquals(utcDay("1990-01-02"), s.time(0));
        assertEquals(utcDay("2022-03-10"), s.time(s.size() - 1));
        assertEquals(2215, r.report().zeroVolumeAsMissing());
        assertEquals(utcDay("1998-10-06"), s.time(2215));
        assertTrue(Double.isNaN(s.volume(2214)));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < s.size(); i++) {
            min = Math.min(min, s.close(i));
            max = Math.max(max, s.close(i));
        }
        assertEquals(295.00, min);
        assertEquals(4796.56, max);
        assertNoRepairs(r);
    }

    @Test
    void spxDaily_withZerosKept_reportsNoMissingVolume() throws IOException {
        BarCsvLoader loader = BarCsvLoader.builder().optZeroVolume(ZeroVolume.AS_ZERO).build();
        LoadResult<BarSeries> r = load("spx-daily/spx.csv", loader);

        assertEquals(0, r.report().zeroVolumeAsMissing());
        assertEquals(0.0, r.data().volume(0));
    }

    @Test
    void indicatorOracleDefault_loads502TradingDays() throws IOException {
        LoadResult<BarSeries> r = load("indicator-oracle/default.csv", BarCsvLoader.defaults());
        BarSeries s = r.data();

        // README: "502 trading days 2017-01-03 to 2018-12-31"; "212.80 on 2017-01-03".
        assertEquals(502, s.size());
        assertEquals(utcDay("2017-01-03"), s.time(0));
        assertEquals(utcDay("2018-12-31"), s.time(s.size() - 1));
        assertEquals(212.8, s.close(0));
        assertNoRepairs(r);
    }
}
