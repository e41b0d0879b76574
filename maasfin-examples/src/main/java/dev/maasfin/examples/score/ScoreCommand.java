// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.scoring.ScorerStats;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.djl.scoring.StreamingScorer;
import dev.maasfin.examples.DataOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code score} command: loads a pipeline from a model registry (a stage's current version or a
 * given version), scores a daily OHLCV file and prints the version, model kind, the last
 * predictions with their dates and the latency figures of the {@link Scorer}.
 *
 * <p>Batch mode scores every complete window in one {@link Scorer#scoreAll} call. Stream mode feeds
 * the bars one at a time through {@link Scorer#streaming} and times each bar's feature update plus
 * scoring, as a live host would see it. The prediction for a window is dated by the window's last
 * bar. The first calls run before the JIT compiler has warmed up; {@code --repeat} scores the file
 * several times so that the percentiles show warmed-up calls as well.
 *
 * <p>A tabular pipeline (feature-rows stage: fraud, credit) scores the rows of a CSV given by
 * {@code --rows} in one {@link Scorer#scoreBatch} call and prints one line per row (see {@link
 * FeatureRowsCsv} for what the file must hold); feature values are never printed. Bars given to a
 * tabular pipeline, or rows to a bar pipeline, end with a one-line message saying which input the
 * model takes.
 *
 * <p>Every failure a user can cause (empty registry, unknown name, empty stage, missing version or
 * file, a directory given as the file, bad {@code --last}, the wrong kind of input, a bad cell in
 * {@code --rows}) ends with one line on standard error and exit code 1.
 *
 * <p>Not thread-safe: picocli creates one instance per run.
 */
@Command(
        name = "score",
        description =
                "Load a pipeline from the registry and score a CSV of bars (batch), a stream of"
                        + " bars, or a CSV of feature rows (--rows, tabular pipelines), printing"
                        + " predictions and latency figures.")
public final class ScoreCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = "spx-daily/spx.csv";

    @Mixin DataOptions data;

    // Not mixinStandardHelpOptions: its -V/--version would collide with the model --version.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--registry",
            paramLabel = "DIR",
            defaultValue = "runs/registry",
            description = "Model registry folder (default: ${DEFAULT-VALUE}).")
    Path registryRoot;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name in the registry.")
    String name;

    @Option(
            names = "--stage",
            defaultValue = "production",
            description = "Stage whose current version is scored (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(
            names = "--version",
            paramLabel = "N",
            description = "Score this version instead of the stage's current one.")
    Integer version;

    @Option(
            names = "--file",
            paramLabel = "CSV",
            defaultValue = DEFAULT_FILE,
            description =
                    "OHLCV file: a path, or a path under the data directory (default:"
                            + " ${DEFAULT-VALUE}).")
    String file;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            defaultValue = "auto",
            description =
                    "Forward path: auto (pure-Java kernel when the model has one and runs on the"
                            + " CPU, else DJL), kernel or djl (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(
            names = "--rows",
            paramLabel = "CSV",
            description =
                    "Score feature rows with a tabular pipeline (fraud, credit): a CSV whose"
                            + " header names the model's columns, in any order; other columns"
                            + " (e.g. a label) are listed and ignored. Every cell of a model"
                            + " column must be a finite decimal number. Prints one line per row"
                            + " (rows counted from 1 after the header; every row, --last does"
                            + " not apply): the score and flag, or the class and the class"
                            + " probabilities; feature values are never printed. A path, or a"
                            + " path under the data directory.")
    String rows;

    @Option(names = "--stream", description = "Feed the bars one at a time (default: one batch).")
    boolean stream;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "5",
            description = "Print the last N predictions (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Batch mode: score the file N times, so the latency figures cover warmed-up"
                            + " calls too (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkLast();
        ScoringPath requested = parsePath();
        RegistryChoice choice = RegistryChoice.resolve(registryRoot, name, stage, version);
        checkInput(choice);
        if (rows != null) {
            return new RowScoring(spec.commandLine().getOut(), choice, repeat)
                    .run(locate("--rows", rows), requested, stage);
        }
        Path csv = locate("--file", file);
        BarSeries bars = BarCsvLoader.defaults().load(csv);
        PrintWriter out = spec.commandLine().getOut();
        try (Scorer scorer = choice.open(stage, requested)) {
            printHeader(out, choice, csv, bars);
            printPath(out, scorer);
            if (stream) {
                runStream(out, scorer, bars);
            } else {
                runBatch(out, scorer, bars);
            }
            printStats(out, scorer.stats());
        }
        out.flush();
        return 0;
    }

    private void checkLast() {
        if (last < 1) {
            throw new IllegalArgumentException("--last must be >= 1 but was " + last);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1 but was " + repeat);
        }
    }

    private ScoringPath parsePath() {
        try {
            return ScoringPath.valueOf(path.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--path must be auto, kernel or djl but was '" + path + "'", e);
        }
    }

    static void printPath(PrintWriter out, Scorer scorer) {
        String why =
                scorer.requestedPath() == ScoringPath.AUTO
                        ? "chosen automatically"
                        : "forced by --path";
        String what =
                scorer.path() == ScoringPath.KERNEL
                        ? "pure-Java kernel, no JNI"
                        : "DJL / PyTorch network";
        out.printf(
                Locale.ROOT,
                "path         %s (%s, %s)%n",
                scorer.path().name().toLowerCase(Locale.ROOT),
                what,
                why);
    }

    /**
     * Checks that the input given suits the model: bars ({@code --file}) for a bar pipeline,
     * feature rows ({@code --rows}) for a tabular one, and no bar-only option with rows.
     */
    private void checkInput(RegistryChoice choice) {
        String model =
                "'" + choice.modelVersion().name() + "' version " + choice.modelVersion().version();
        if (choice.takesFeatureRows() && rows == null) {
            throw new IllegalArgumentException(
                    model
                            + " takes feature rows, not bars: give --rows CSV with the columns "
                            + String.join(",", choice.schema().columnNames()));
        }
        if (!choice.takesFeatureRows() && rows != null) {
            throw new IllegalArgumentException(
                    model
                            + " takes bars, not feature rows: give an OHLCV --file instead of"
                            + " --rows");
        }
        if (rows != null && stream) {
            throw new IllegalArgumentException(
                    "--stream feeds bars one at a time and does not apply to --rows");
        }
        if (rows != null && spec.commandLine().getParseResult().hasMatchedOption("--file")) {
            throw new IllegalArgumentException("give --rows or --file, not both");
        }
    }

    /**
     * Finds the file an option names: a path as given (absolute, or relative to the working
     * directory), else for a relative path the same path under the data directory.
     *
     * @throws IllegalArgumentException if the path is a directory, or an absolute path does not
     *     exist (naming the option and the path)
     * @throws dev.maasfin.core.data.MissingDataException if a relative path exists neither in the
     *     working directory nor in the data directory (naming the data directory's setting)
     */
    private Path locate(String option, String given) {
        Path p = Path.of(given);
        if (!p.isAbsolute() && !Files.exists(p)) {
            p = data.directory().resolve(given);
            if (!Files.isDirectory(p)) {
                return data.require(given);
            }
        }
        Path abs = p.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(
                    option + " " + abs + " is a directory, not a file; give a CSV file");
        }
        if (!Files.exists(abs)) {
            throw new IllegalArgumentException(option + " " + abs + " does not exist");
        }
        return abs;
    }

    /** Prints the served model's name, version and how it was chosen (stage, version, newest). */
    static void printModel(PrintWriter out, RegistryChoice choice) {
        ModelVersion v = choice.modelVersion();
        out.printf(
                Locale.ROOT,
                "model        %s version %d (%s)%n",
                v.name(),
                v.version(),
                choice.how());
    }

    private static void printHeader(
            PrintWriter out, RegistryChoice choice, Path path, BarSeries bars) {
        ModelVersion v = choice.modelVersion();
        ZoneId zone = bars.zone();
        printModel(out, choice);
        out.printf(
                Locale.ROOT,
                "kind         %s, window %s bars%n",
                v.metadata().getOrDefault("kind", "?"),
                v.metadata().getOrDefault("window", "?"));
        out.printf(
                Locale.ROOT,
                "data         %s: %,d bars %s .. %s%n",
                path,
                bars.size(),
                day(bars.epochMillis(0), zone),
                day(bars.epochMillis(bars.size() - 1), zone));
    }

    private void runBatch(PrintWriter out, Scorer scorer, BarSeries bars) {
        BatchPrediction all = scorer.scoreAll(bars);
        for (int k = 1; k < repeat; k++) {
            all = scorer.scoreAll(bars);
        }
        int first = bars.size() - all.rows();
        out.printf(
                Locale.ROOT,
                "mode         batch: %,d windows in one call%s%n",
                all.rows(),
                repeat == 1 ? "" : String.format(Locale.ROOT, ", %d times", repeat));
        int from = Math.max(0, all.rows() - last);
        out.printf(
                Locale.ROOT,
                "last %d predictions (date of the window's last bar)%n",
                all.rows() - from);
        for (int k = from; k < all.rows(); k++) {
            printPrediction(out, bars, first + k, all.row(k));
        }
    }

    private void runStream(PrintWriter out, Scorer scorer, BarSeries bars) {
        StreamingScorer feed = scorer.streaming(bars.zone());
        long[] nanos = new long[bars.size()];
        Prediction[] tail = new Prediction[last];
        int[] tailBar = new int[last];
        int scored = 0;
        for (int t = 0; t < bars.size(); t++) {
            long t0 = System.nanoTime();
            Optional<Prediction> p =
                    feed.onBar(
                            bars.epochMillis(t),
                            bars.open(t),
                            bars.high(t),
                            bars.low(t),
                            bars.close(t),
                            bars.volume(t));
            long dt = System.nanoTime() - t0;
            if (p.isPresent()) {
                nanos[scored] = dt;
                tail[scored % last] = p.get();
                tailBar[scored % last] = t;
                scored++;
            }
        }
        if (scored == 0) {
            throw new IllegalArgumentException(
                    "--stream: none of the "
                            + bars.size()
                            + " bars could be scored: the file has fewer bars than the pipeline's"
                            + " warm-up + window");
        }
        out.printf(Locale.ROOT, "mode         stream: %,d bars, %,d scored%n", bars.size(), scored);
        printTail(out, bars, tail, tailBar, scored);
        printPerBar(out, Arrays.copyOf(nanos, scored));
    }

    private void printTail(
            PrintWriter out, BarSeries bars, Prediction[] tail, int[] tailBar, int scored) {
        int n = Math.min(last, scored);
        out.printf(Locale.ROOT, "last %d predictions (date of the window's last bar)%n", n);
        for (int k = scored - n; k < scored; k++) {
            printPrediction(out, bars, tailBar[k % last], tail[k % last]);
        }
    }

    private static void printPrediction(PrintWriter out, BarSeries bars, int bar, Prediction p) {
        StringBuilder values = new StringBuilder();
        for (float v : p.values()) {
            values.append(String.format(Locale.ROOT, " %+.6e", v));
        }
        String flag = p.flagged() ? "  flagged" : "";
        out.printf(
                Locale.ROOT, "  %s%s%s%n", day(bars.epochMillis(bar), bars.zone()), values, flag);
    }

    private static void printPerBar(PrintWriter out, long[] nanos) {
        if (nanos.length == 0) {
            out.println("per bar      no bar was scored (fewer bars than warm-up + window)");
            return;
        }
        Arrays.sort(nanos);
        out.printf(
                Locale.ROOT,
                "per bar      update+score over %,d scored bars: p50 %s  p90 %s  p99 %s  max %s%n",
                nanos.length,
                micros(nanos[rank(nanos.length, 0.50)]),
                micros(nanos[rank(nanos.length, 0.90)]),
                micros(nanos[rank(nanos.length, 0.99)]),
                micros(nanos[nanos.length - 1]));
    }

    /** Nearest-rank percentile index: the smallest k with (k + 1) / n >= q. */
    private static int rank(int n, double q) {
        return Math.max(0, (int) Math.ceil(q * n) - 1);
    }

    static void printStats(PrintWriter out, ScorerStats s) {
        out.printf(
                Locale.ROOT,
                "scorer       calls %,d, windows %,d, failures %,d: p50 %s  p90 %s  p99 %s  max"
                        + " %s%n",
                s.calls(),
                s.windows(),
                s.failures(),
                micros(s.p50Nanos()),
                micros(s.p90Nanos()),
                micros(s.p99Nanos()),
                micros(s.maxNanos()));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }

    private static LocalDate day(long epochMillis, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }
}
