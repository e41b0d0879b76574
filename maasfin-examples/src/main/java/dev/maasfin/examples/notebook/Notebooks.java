// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.notebook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * Opens a JShell notebook ({@code forecast}, {@code fraud}, {@code credit}, {@code patterns} or a
 * path to a {@code .jsh} file) in JShell with this JVM's class path, so every maasfin class, DJL
 * and the PyTorch natives are importable.
 *
 * <p>Usage: {@code Notebooks [--batch] [-Dkey=value ...] <name|path>}. Without {@code --batch} the
 * notebook runs and JShell stays open for the reader to continue at the prompt. With {@code
 * --batch} it runs to the end and exits; the exit code is 1 if JShell reported a compile error or
 * an exception, so a test or a CI job can run a notebook headless.
 *
 * <p>The notebook's snippets run in JShell's usual separate JVM; this launcher passes it {@code
 * -Dai.djl.offline=true} and every {@code maasfin.*}, {@code ai.djl.*}, {@code DJL_CACHE_DIR},
 * {@code ENGINE_CACHE_DIR} and {@code java.awt.headless} system property of its own JVM, so sizes
 * like {@code -Dmaasfin.epochs=2} and the data directory reach the notebook. {@code -Dkey=value}
 * arguments are passed on as well: {@code mvn exec:exec} forwards no other properties, so there
 * sizes go in {@code -Dmaasfin.args="fraud -Dmaasfin.epochs=5"}. JShell talks to that JVM over a
 * loopback socket; nothing leaves the machine.
 *
 * <p>Named notebooks are looked up in {@code notebooks/} (the working directory of {@code mvn
 * exec:exec -pl maasfin-examples}), then {@code maasfin-examples/notebooks/}, then the directory in
 * system property {@code maasfin.notebooks}.
 *
 * <p>Not thread-safe; meant to be called once from {@code main}.
 */
public final class Notebooks {
    /** The notebooks shipped in {@code maasfin-examples/notebooks}. */
    public static final List<String> NAMES = List.of("forecast", "fraud", "credit", "patterns");

    /**
     * Starts of printed lines that mean a snippet failed to compile or threw; JShell prefixes them
     * with {@code "| "} at the prompt and prints them bare while loading a file.
     */
    static final List<String> ERROR_MARKERS =
            List.of("Error:", "Exception ", "Caused by: ", "attempted to use");

    private static final List<String> PASSED_PREFIXES = List.of("maasfin.", "ai.djl.");
    private static final List<String> PASSED_NAMES =
            List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "java.awt.headless");

    private Notebooks() {}

    /**
     * Runs a notebook and exits with JShell's exit code (batch mode: 1 on any JShell error).
     *
     * @param args {@code [--batch] [-Dkey=value ...] <name|path>}
     */
    public static void main(String[] args) throws Exception {
        int code;
        try {
            code = run(args, System.in, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("notebooks: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /**
     * Runs a notebook with the given streams and returns the exit code.
     *
     * @param args {@code [--batch] [-Dkey=value ...] <name|path>}
     * @param in the reader's input (ignored in batch mode)
     * @param out where JShell and the notebook print
     * @param err where JShell prints its own errors
     * @throws IllegalArgumentException if the arguments are wrong or the notebook is not found
     */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        boolean batch = false;
        String target = null;
        List<String> extra = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--batch")) {
                batch = true;
            } else if (a.startsWith("-D") && a.indexOf('=') > 2) {
                extra.add(a);
            } else if (target == null && !a.startsWith("-")) {
                target = a;
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; " + usage());
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("no notebook given; " + usage());
        }
        Path file = locate(target);
        return batch ? runBatch(file, extra, out, err) : runInteractive(file, extra, in, out, err);
    }

    private static String usage() {
        return "usage: Notebooks [--batch] [-Dkey=value ...] <"
                + String.join("|", NAMES)
                + "|path.jsh>";
    }

    /**
     * Resolves a notebook name or path to an existing file.
     *
     * @throws IllegalArgumentException naming every place looked in if there is no such file
     */
    static Path locate(String target) {
        List<Path> candidates = new ArrayList<>();
        if (target.endsWith(".jsh") || target.contains("/")) {
            candidates.add(Path.of(target));
        } else {
            String file = target + ".jsh";
            candidates.add(Path.of("notebooks", file));
            candidates.add(Path.of("maasfin-examples", "notebooks", file));
            String dir = System.getProperty("maasfin.notebooks");
            if (dir != null) {
                candidates.add(Path.of(dir, file));
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException(
                "notebook '"
                        + target
                        + "' not found; looked for "
                        + candidates
                        + " from "
                        + Path.of("").toAbsolutePath());
    }

    private static int runInteractive(
            Path file, List<String> extra, java.io.InputStream in, PrintStream out, PrintStream err)
            throws Exception {
        out.println("maasfin notebook " + file + "; /exit to leave, /list to see the snippets");
        return JavaShellToolBuilder.builder()
                .in(in, null)
                .out(out)
                .err(err)
                .start(arguments(file, extra));
    }

    /**
     * Runs the notebook followed by {@code /exit}, with no input and no saved JShell preferences,
     * watching the printed lines for JShell's error markers.
     */
    private static int runBatch(Path file, List<String> extra, PrintStream out, PrintStream err)
            throws Exception {
        Path script = Files.createTempFile("maasfin-notebook-", ".jsh");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(script, text + "\n/exit\n", StandardCharsets.UTF_8);
            ErrorWatch watchOut = new ErrorWatch(out);
            ErrorWatch watchErr = new ErrorWatch(err);
            Map<String, String> prefs = new HashMap<>();
            int code =
                    JavaShellToolBuilder.builder()
                            .in(new ByteArrayInputStream(new byte[0]), null)
                            .out(watchOut.stream())
                            .err(watchErr.stream())
                            .persistence(prefs)
                            .interactiveTerminal(false)
                            .start(arguments(script, extra));
            watchOut.stream().flush();
            watchErr.stream().flush();
            int errors = watchOut.errors() + watchErr.errors();
            if (errors > 0) {
                err.printf(Locale.ROOT, "notebook %s: %d JShell error line(s)%n", file, errors);
                return code == 0 ? 1 : code;
            }
            return code;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * JShell's command line: class path, remote-JVM properties (this JVM's passed-through ones,
     * then {@code extra}, which come later and so win), the default start-up imports, and the
     * notebook file.
     */
    static String[] arguments(Path file, List<String> extra) {
        List<String> a = new ArrayList<>();
        a.add("--class-path");
        a.add(System.getProperty("java.class.path"));
        for (String p : remoteProperties()) {
            a.add("-R" + p);
        }
        for (String p : extra) {
            a.add("-R" + p);
        }
        a.add("--startup");
        a.add("DEFAULT");
        a.add(file.toString());
        return a.toArray(String[]::new);
    }

    /** The {@code -Dkey=value} options handed on to the JVM that runs the snippets. */
    static List<String> remoteProperties() {
        Map<String, String> passed = new java.util.TreeMap<>();
        passed.put("ai.djl.offline", "true");
        Properties sys = System.getProperties();
        for (String key : sys.stringPropertyNames()) {
            if (PASSED_NAMES.contains(key) || PASSED_PREFIXES.stream().anyMatch(key::startsWith)) {
                passed.put(key, sys.getProperty(key));
            }
        }
        List<String> out = new ArrayList<>();
        passed.forEach((k, v) -> out.add("-D" + k + "=" + v));
        return out;
    }

    /** Copies text through to a stream and counts lines that start with an error marker. */
    static final class ErrorWatch extends OutputStream {
        private final PrintStream target;
        private final StringBuilder line = new StringBuilder();
        private final PrintStream stream;
        private int errors;

        ErrorWatch(PrintStream target) {
            this.target = target;
            this.stream = new PrintStream(this, true, StandardCharsets.UTF_8);
        }

        PrintStream stream() {
            return stream;
        }

        int errors() {
            return errors;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            if (b == '\n') {
                check(line.toString());
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        private void check(String printed) {
            String text = printed.startsWith("|  ") ? printed.substring(3) : printed;
            for (String marker : ERROR_MARKERS) {
                if (text.startsWith(marker)) {
                    errors++;
                    return;
                }
            }
        }
    }
}
