// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.LoadResult;
import dev.maasfin.core.stats.PerformanceSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Loads and validates a daily OHLCV file and prints what the library computes of it: rows, date
 * range, annualised return and volatility, and the largest drawdown.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Load, validate and summarise a daily price history (default: the S&P 500).")
final class SummaryCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = "spx-daily/spx.csv";

    @Mixin DataOptions data;

    @Option(
            names = "--file",
            paramLabel = "CSV",
            defaultValue = DEFAULT_FILE,
            description =
                    "OHLCV file: a path, or a path under the data directory (default:"
                            + " ${DEFAULT-VALUE}).")
    String file;

    @Option(
            names = "--periods-per-year",
            defaultValue = "252",
            description = "Annualisation factor: 252 for equity days, 365 for crypto days.")
    double periodsPerYear;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path path = locate();
        LoadResult<BarSeries> loaded = BarCsvLoader.defaults().loadWithReport(path);
        BarSeries bars = loaded.data();
        PerformanceSummary s = summarise(path, bars);
        print(spec.commandLine().getOut(), path, loaded, s, periodsPerYear);
        return 0;
    }

    /** Summarises, naming the file in a failure: the summary itself knows only the series name. */
    private PerformanceSummary summarise(Path path, BarSeries bars) {
        try {
            return PerformanceSummary.of(bars, periodsPerYear);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains(path.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(path + ": " + message, e);
        }
    }

    private Path locate() {
        Path given = Path.of(file);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath().normalize();
        }
        if (Files.exists(given)) {
            throw new IllegalArgumentException(
                    given.toAbsolutePath().normalize() + " is not a regular file");
        }
        return data.require(file);
    }

    private static void print(
            PrintWriter out,
            Path path,
            LoadResult<BarSeries> loaded,
            PerformanceSummary s,
            double periodsPerYear) {
        ZoneId zone = loaded.data().zone();
        int missingVolume = loaded.report().zeroVolumeAsMissing();
        out.printf(Locale.ROOT, "%s%n", path);
        out.printf(
                Locale.ROOT,
                "  rows                   %,d (validated; %,d with volume not reported)%n",
                s.bars(),
                missingVolume);
        out.printf(
                Locale.ROOT,
                "  date range             %s .. %s%n",
                day(s.first(), zone),
                day(s.last(), zone));
        out.printf(
                Locale.ROOT,
                "  close                  %.2f -> %.2f%n",
                s.firstClose(),
                s.lastClose());
        out.printf(
                Locale.ROOT,
                "  annualised return      %+.2f %% (geometric)%n",
                100 * s.annualisedReturn());
        out.printf(
                Locale.ROOT,
                "  annualised volatility  %.2f %% (sample sd of log returns x sqrt(%.0f))%n",
                100 * s.annualisedVolatility(),
                periodsPerYear);
        out.printf(
                Locale.ROOT,
                "  maximum drawdown       %.2f %% (peak %s, trough %s)%n",
                100 * s.maxDrawdown(),
                day(s.drawdownPeak(), zone),
                day(s.drawdownTrough(), zone));
        out.flush();
    }

    private static LocalDate day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }
}
