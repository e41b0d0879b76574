// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import dev.maasfin.examples.credit.CreditCommand;
import dev.maasfin.examples.fraud.FraudCommand;
import dev.maasfin.examples.patterns.PatternsCommand;
import dev.maasfin.examples.score.ScoreCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code maasfin} command: one subcommand per demo.
 *
 * <p>Any failure a user can cause (missing data directory, malformed file, bad argument) ends with
 * a one-line message on standard error and a non-zero exit code, never a stack trace. Run with
 * {@code --debug} to see the stack trace as well.
 */
@Command(
        name = "maasfin",
        mixinStandardHelpOptions = true,
        versionProvider = MaasfinCli.Version.class,
        description = "Deep learning on financial data inside the JVM: demos on real data.",
        subcommands = {
            ForecastCommand.class,
            FraudCommand.class,
            CreditCommand.class,
            PatternsCommand.class,
            SummaryCommand.class,
            ScoreCommand.class,
            TuneCommand.class
        })
public final class MaasfinCli {

    /** Exit code for a failure the user can fix (bad data or arguments). */
    static final int EXIT_USER_ERROR = 1;

    private MaasfinCli() {}

    /** Runs the tool and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit status; the entry point tests call. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new MaasfinCli());
        cli.setExecutionExceptionHandler(MaasfinCli::reportFailure);
        cli.setParameterExceptionHandler(MaasfinCli::reportBadArguments);
        return cli;
    }

    /**
     * A command line picocli cannot parse (unknown option, a value of the wrong type or outside an
     * enum): one line naming the problem and where the options are listed, not the whole usage.
     */
    private static int reportBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        err.println(name + ": " + oneLine(e) + " (options: `" + name + " --help`)");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("maasfin " + cmd.getCommandName() + ": " + oneLine(e));
        if (debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_USER_ERROR;
    }

    /** Whether {@code --debug} was given to the tool or to any subcommand on the line. */
    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    /** Reports the project version recorded in the jar manifest, if any. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MaasfinCli.class.getPackage().getImplementationVersion();
            return new String[] {"maasfin " + (v == null ? "development build" : v)};
        }
    }
}
