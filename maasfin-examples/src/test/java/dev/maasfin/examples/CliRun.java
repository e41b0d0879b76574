// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process for tests, capturing standard output and error. */
public record CliRun(int status, String out, String err) {

    /** Runs {@code maasfin args...}. */
    public static CliRun of(String... args) {
        CommandLine cli = MaasfinCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The exit status of a failure the user can fix. */
    public static int userError() {
        return MaasfinCli.EXIT_USER_ERROR;
    }

    /** Reads the {@code figures} object of {@code dir/report.json}. */
    public static JsonNode figures(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("figures");
    }
}
