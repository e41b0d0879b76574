// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.Objects;

/**
 * One row of the results table: one configuration evaluated on every fold at one resource level.
 *
 * <p>{@link #mean()} is the arithmetic mean of the fold metrics and {@link #sd()} their sample
 * standard deviation (divisor {@code folds - 1}; NaN with a single fold). A failed row has NaN mean
 * and sd, NaN for the fold that failed and every later fold, and the error text. Wall time is
 * measured with the tuner's clock around all folds of the row. Thread-safe: immutable (arrays
 * copied out).
 */
public final class TrialRecord {
    private final int trialId;
    private final int rung;
    private final int resource;
    private final Configuration configuration;
    private final long seed;
    private final double[] foldMetrics;
    private final int foldsRun;
    private final long wallMillis;
    private final String error;
    private final double mean;
    private final double sd;

    TrialRecord(
            int trialId,
            int rung,
            int resource,
            Configuration configuration,
            long seed,
            double[] foldMetrics,
            int foldsRun,
            long wallMillis,
            String error) {
        this.trialId = trialId;
        this.rung = rung;
        this.resource = resource;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.seed = seed;
        this.foldMetrics = foldMetrics.clone();
        this.foldsRun = foldsRun;
        this.wallMillis = wallMillis;
        this.error = error;
        this.mean = error == null ? mean(foldMetrics) : Double.NaN;
        this.sd = error == null ? sampleSd(foldMetrics, mean) : Double.NaN;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sampleSd(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Returns the trial number: the index of the configuration in sampling order. */
    public int trialId() {
        return trialId;
    }

    /** Returns the rung (0 = smallest resource). */
    public int rung() {
        return rung;
    }

    /** Returns the resource level the folds were trained with. */
    public int resource() {
        return resource;
    }

    /** Returns the configuration. */
    public Configuration configuration() {
        return configuration;
    }

    /** Returns the trial seed passed to the objective. */
    public long seed() {
        return seed;
    }

    /** Returns a copy of the metric per fold (NaN for a fold that failed or did not run). */
    public double[] foldMetrics() {
        return foldMetrics.clone();
    }

    /** Returns how many objective calls this row made (all folds unless one failed). */
    public int foldsRun() {
        return foldsRun;
    }

    /** Returns the mean metric over folds, NaN if failed. */
    public double mean() {
        return mean;
    }

    /** Returns the sample standard deviation over folds, NaN if failed or a single fold. */
    public double sd() {
        return sd;
    }

    /** Returns the wall time of the row in milliseconds, by the tuner's clock. */
    public long wallMillis() {
        return wallMillis;
    }

    /** Returns the status. */
    public TrialStatus status() {
        return error == null ? TrialStatus.COMPLETED : TrialStatus.FAILED;
    }

    /** Returns the failure text ({@code fold k: Type: message}), or {@code ""} if completed. */
    public String error() {
        return error == null ? "" : error;
    }

    @Override
    public String toString() {
        return "trial "
                + trialId
                + " rung "
                + rung
                + " resource "
                + resource
                + " "
                + status()
                + " mean "
                + mean
                + " "
                + configuration;
    }
}
