// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Seeded percentile-bootstrap confidence intervals for any metric.
 *
 * <p>Rows are resampled with replacement {@code resamples} times using {@code new
 * java.util.Random(seed)}; the interval is the ((1 − level)/2, (1 + level)/2) percentile pair of
 * the resampled metric values (Commons Math {@link Percentile}, default estimation). For
 * classification metrics the positives and the negatives are resampled separately with their
 * original counts (stratified), so every resample has both classes. The rows are treated as
 * independent: for autocorrelated forecast losses the interval is too narrow (a block bootstrap
 * would be needed). Stateless and thread-safe.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** A metric over realised values and forecasts, e.g. {@code RegressionMetrics::rmse}. */
    @FunctionalInterface
    public interface RegressionMetric {
        /** Computes the metric. */
        double compute(double[] actual, double[] forecast);
    }

    /** A metric over 0/1 labels and scores, e.g. {@code ClassificationMetrics::rocAuc}. */
    @FunctionalInterface
    public interface BinaryMetric {
        /** Computes the metric. */
        double compute(int[] labels, double[] scores);
    }

    /**
     * Percentile interval of a regression metric, resampling rows.
     *
     * @throws IllegalArgumentException if {@code resamples < 1}, {@code level} is not in (0, 1) or
     *     the arrays differ in length or are empty
     */
    public static ConfidenceInterval regression(
            double[] actual,
            double[] forecast,
            RegressionMetric metric,
            int resamples,
            double level,
            long seed) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        Checks.sameLength("actual", actual.length, "forecast", forecast.length);
        Checks.notEmpty("actual", actual.length);
        checkSettings(resamples, level);
        double estimate = metric.compute(actual, forecast);
        Random rng = new Random(seed);
        int n = actual.length;
        double[] values = new double[resamples];
        double[] a = new double[n];
        double[] f = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                a[i] = actual[j];
                f[i] = forecast[j];
            }
            values[b] = metric.compute(a, f);
        }
        return interval(estimate, values, level);
    }

    /**
     * Percentile interval of a classification metric, resampling positives and negatives separately
     * so each resample keeps both classes and the original prevalence.
     *
     * @throws UndefinedMetricException if only one class is present
     * @throws IllegalArgumentException if {@code resamples < 1}, {@code level} is not in (0, 1), or
     *     labels/scores are invalid (see {@link ClassificationMetrics})
     */
    public static ConfidenceInterval classification(
            int[] labels,
            double[] scores,
            BinaryMetric metric,
            int resamples,
            double level,
            long seed) {
        Checks.binaryInput(labels, scores);
        checkSettings(resamples, level);
        double estimate = metric.compute(labels, scores);
        int[] pos = rowsOf(labels, 1);
        int[] neg = rowsOf(labels, 0);
        if (pos.length == 0 || neg.length == 0) {
            throw new UndefinedMetricException("stratified bootstrap", "only one class is present");
        }
        Random rng = new Random(seed);
        double[] values = new double[resamples];
        int[] l = new int[labels.length];
        double[] s = new double[labels.length];
        for (int b = 0; b < resamples; b++) {
            int i = 0;
            for (int k = 0; k < pos.length; k++, i++) {
                int j = pos[rng.nextInt(pos.length)];
                l[i] = 1;
                s[i] = scores[j];
            }
            for (int k = 0; k < neg.length; k++, i++) {
                int j = neg[rng.nextInt(neg.length)];
                l[i] = 0;
                s[i] = scores[j];
            }
            values[b] = metric.compute(l, s);
        }
        return interval(estimate, values, level);
    }

    private static int[] rowsOf(int[] labels, int label) {
        int[] out = new int[labels.length];
        int m = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static void checkSettings(int resamples, double level) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1 but was " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
        }
    }

    private static ConfidenceInterval interval(double estimate, double[] values, double level) {
        Percentile p = new Percentile();
        p.setData(values);
        double lo = p.evaluate(100 * (1 - level) / 2);
        double hi = p.evaluate(100 * (1 + level) / 2);
        return new ConfidenceInterval(estimate, lo, hi, level, values.length);
    }
}
