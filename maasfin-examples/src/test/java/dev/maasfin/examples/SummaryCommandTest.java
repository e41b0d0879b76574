// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The main job's summary: real S&P 500 figures, and one-line errors for bad input. */
class SummaryCommandTest {

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = MaasfinCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void summary_ofRealSpx_printsReadmeFiguresAndKnownDrawdown() {
        Run r = run("summary");
        assertEquals(0, r.status(), r.err());
        // spx-daily/README.md: 8,111 rows, 1990-01-02 to 2022-03-10, volume 0 on the 2,215 rows
        // before 1998-10-06.
        assertTrue(r.out().contains("8,111 (validated; 2,215 with volume not reported)"), r.out());
        assertTrue(r.out().contains("1990-01-02 .. 2022-03-10"), r.out());
        // The 2007-2009 bear market: S&P 500 close 1565.15 on 2007-10-09 to 676.53 on 2009-03-09,
        // a fall of 1 - 676.53/1565.15 = 56.78 %.
        assertTrue(r.out().contains("56.78 % (peak 2007-10-09, trough 2009-03-09)"), r.out());
        // (4259.52 / 359.69)^(252 / 8110) - 1 = 7.98 % a year.
        assertTrue(r.out().contains("+7.98 %"), r.out());
    }

    @Test
    void summary_whenDataFileMissing_printsOneLineNamingIt(@TempDir Path empty) {
        Run r = run("summary", "--data", empty.toString());
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(empty.resolve("spx-daily/spx.csv").toString()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void summary_whenCloseNotNumeric_printsOneLineNamingFileLineAndColumn(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(
                csv,
                "date,open,high,low,close,volume\n"
                        + "2020-01-02,10,11,9,10.5,100\n"
                        + "2020-01-03,10,11,9,abc,100\n"
                        + "2020-01-06,10,11,9,10.2,100\n");
        Run r = run("summary", "--file", csv.toString());
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), r.err());
        assertTrue(line.contains("bad.csv"), line);
        assertTrue(line.contains("line 3"), line);
        assertTrue(line.contains("close"), line);
        assertTrue(line.contains("abc"), line);
    }

    @Test
    void unknownOption_isRejectedWithUsageNotStackTrace() {
        Run r = run("summary", "--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void debugAfterSubcommand_printsStackTraceAsWell(@TempDir Path empty) {
        Run r = run("summary", "--data", empty.toString(), "--debug");
        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertTrue(r.err().startsWith("maasfin summary: data file "), r.err());
        assertTrue(r.err().contains("\tat "), "stack trace expected with --debug: " + r.err());
    }

    @Test
    void summary_whenFileIsADirectory_saysNotARegularFile(@TempDir Path dir) {
        Run r = run("summary", "--file", dir.toString());

        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        assertEquals(
                "maasfin summary: " + dir.toAbsolutePath().normalize() + " is not a regular file",
                r.err().strip());
    }

    @Test
    void summary_whenTooFewBars_namesTheFileAndTheCount(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("two_rows.csv");
        Files.writeString(
                csv,
                "date,open,high,low,close,volume\n"
                        + "2020-01-02,10,11,9,10.5,100\n"
                        + "2020-01-03,10,11,9,10.2,100\n");

        Run r = run("summary", "--file", csv.toString());

        assertEquals(MaasfinCli.EXIT_USER_ERROR, r.status());
        // Two rows are fewer than the 3 bars PerformanceSummary needs (two returns for a sample
        // sd).
        assertEquals(
                "maasfin summary: "
                        + csv.toAbsolutePath().normalize()
                        + ": two_rows: a summary needs at least 3 bars but the series has 2",
                r.err().strip());
    }
}
