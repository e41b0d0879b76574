// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link Tuner#search()}: every (trial, rung) row, the best configuration, and
 * why the search stopped.
 *
 * <p>Rows are ordered by rung, then trial id, whatever order they finished in. The best row is the
 * best completed row at the highest rung that has a completed row (for random search, rung 0): its
 * mean metric is smallest when minimising and largest when maximising, ties going to the lower
 * trial id. The table can be written as CSV (Commons CSV) or JSON (Jackson); each file is written
 * to a temporary file in the same directory and then moved into place, so a reader never sees a
 * partial file. Thread-safe: immutable.
 */
public final class TuningResult {
    private final Strategy strategy;
    private final Direction direction;
    private final long seed;
    private final int folds;
    private final List<String> parameterNames;
    private final List<TrialRecord> rows;
    private final StopReason stopReason;
    private final long elapsedMillis;

    TuningResult(
            Strategy strategy,
            Direction direction,
            long seed,
            int folds,
            List<String> parameterNames,
            List<TrialRecord> rows,
            StopReason stopReason,
            long elapsedMillis) {
        this.strategy = strategy;
        this.direction = direction;
        this.seed = seed;
        this.folds = folds;
        this.parameterNames = List.copyOf(parameterNames);
        this.rows =
                rows.stream()
                        .sorted(
                                Comparator.comparingInt(TrialRecord::rung)
                                        .thenComparingInt(TrialRecord::trialId))
                        .toList();
        this.stopReason = stopReason;
        this.elapsedMillis = elapsedMillis;
    }

    /** Returns all rows, by rung then trial id. */
    public List<TrialRecord> rows() {
        return rows;
    }

    /** Returns the rows of one rung, by trial id. */
    public List<TrialRecord> rowsAtRung(int rung) {
        return rows.stream().filter(r -> r.rung() == rung).toList();
    }

    /** Returns the best completed row (see the class comment), or empty if every row failed. */
    public Optional<TrialRecord> best() {
        int top =
                rows.stream()
                        .filter(r -> r.status() == TrialStatus.COMPLETED)
                        .mapToInt(TrialRecord::rung)
                        .max()
                        .orElse(-1);
        return rows.stream()
                .filter(r -> r.rung() == top && r.status() == TrialStatus.COMPLETED)
                .min(Scheduler.ranking(direction));
    }

    /**
     * Returns the configuration of the best row.
     *
     * @throws IllegalStateException if no row completed
     */
    public Configuration bestConfiguration() {
        return best().orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no trial completed; "
                                                + rows.size()
                                                + " rows all failed or none ran"))
                .configuration();
    }

    /** Returns {@code true} if the row's trial was also evaluated at the next rung. */
    public boolean wasPromoted(TrialRecord row) {
        Objects.requireNonNull(row, "row");
        return rows.stream()
                .anyMatch(r -> r.trialId() == row.trialId() && r.rung() == row.rung() + 1);
    }

    /** Returns the sum over rows of resource times objective calls made (all folds, all rungs). */
    public long totalResource() {
        return rows.stream().mapToLong(r -> (long) r.resource() * r.foldsRun()).sum();
    }

    /** Returns the number of rows that completed. */
    public int completedCount() {
        return (int) rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).count();
    }

    /** Returns why the search ended. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Returns the search's wall time in milliseconds by the tuner's clock. */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** Returns the strategy used. */
    public Strategy strategy() {
        return strategy;
    }

    /** Returns the optimisation direction. */
    public Direction direction() {
        return direction;
    }

    /** Returns the tuner seed. */
    public long seed() {
        return seed;
    }

    /** Returns the number of folds each trial was evaluated on. */
    public int folds() {
        return folds;
    }

    /** Returns the search space's parameter names in declaration order. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Writes the table as CSV: columns {@code trial, rung, resource, status, promoted, seed}, one
     * per parameter, {@code fold_0 .. fold_(k-1), mean, sd, wall_millis, error}; NaN is an empty
     * cell; reals in Java's shortest round-trip form.
     *
     * @throws IOException if the file cannot be written (no partial file is left behind)
     */
    public void writeCsv(Path file) throws IOException {
        ResultFiles.writeAtomically(file, ResultFiles.csv(this));
    }

    /**
     * Writes the whole result as JSON: search settings, stop reason, the best row with its
     * configuration, and every row; NaN is {@code null}.
     *
     * @throws IOException if the file cannot be written (no partial file is left behind)
     */
    public void writeJson(Path file) throws IOException {
        ResultFiles.writeAtomically(file, ResultFiles.json(this));
    }

    /**
     * Returns the best row as a JSON object ({@code configuration}, {@code mean}, {@code sd},
     * {@code resource}, {@code trial}, {@code strategy}, {@code direction}, {@code seed}, {@code
     * folds}) for saving with a pipeline's metadata; {@link Configuration#fromJson(String)} reads
     * the {@code configuration} member back.
     *
     * @throws IllegalStateException if no row completed
     */
    public String bestJson() {
        return ResultFiles.bestJson(this);
    }
}
