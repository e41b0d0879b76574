// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import dev.maasfin.core.metrics.Bootstrap;
import dev.maasfin.core.metrics.Bootstrap.BinaryMetric;
import dev.maasfin.core.metrics.ConfidenceInterval;
import java.util.Locale;

/**
 * One metric of one model over several training seeds on a fixed test part: the per-seed values,
 * their mean and sd, and a 95 % bootstrap interval of the seed mean.
 *
 * <p>The interval resamples test rows (positives and negatives separately, keeping prevalence, as
 * {@link Bootstrap#classification} does) and recomputes the metric of every seed's scores on the
 * same resample, so it reflects the test sampling of the seed-averaged figure; the seed-to-seed sd
 * is reported beside it. Immutable and thread-safe.
 *
 * @param perSeed the metric of each seed's scores
 * @param mean mean over seeds
 * @param sd population sd over seeds (0 for one seed)
 * @param lower lower bound of the 95 % bootstrap interval of the mean
 * @param upper upper bound of the 95 % bootstrap interval of the mean
 */
public record SeedFigure(double[] perSeed, double mean, double sd, double lower, double upper) {

    /** Bootstrap resamples behind every interval. */
    public static final int RESAMPLES = 1000;

    /** Seed of the bootstrap resampling. */
    public static final long BOOTSTRAP_SEED = 42L;

    /**
     * Computes the figure.
     *
     * @param labels 0/1 labels of the test rows, both classes present
     * @param scoresPerSeed one score array per seed, each aligned with {@code labels}
     * @param metric the metric, e.g. {@code ClassificationMetrics::rocAuc}
     * @throws IllegalArgumentException if there are no seeds or a score array's length differs
     */
    public static SeedFigure of(int[] labels, double[][] scoresPerSeed, BinaryMetric metric) {
        if (scoresPerSeed.length == 0) {
            throw new IllegalArgumentException("scoresPerSeed must hold at least one seed");
        }
        double[] values = new double[scoresPerSeed.length];
        for (int s = 0; s < values.length; s++) {
            if (scoresPerSeed[s].length != labels.length) {
                throw new IllegalArgumentException(
                        "seed "
                                + s
                                + " has "
                                + scoresPerSeed[s].length
                                + " scores but there are "
                                + labels.length
                                + " labels");
            }
            values[s] = metric.compute(labels, scoresPerSeed[s]);
        }
        ConfidenceInterval ci = meanInterval(labels, scoresPerSeed, metric);
        return new SeedFigure(values, mean(values), sd(values), ci.lower(), ci.upper());
    }

    /** Resamples row positions and maps them back to each seed's scores. */
    private static ConfidenceInterval meanInterval(
            int[] labels, double[][] scoresPerSeed, BinaryMetric metric) {
        double[] positions = new double[labels.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        BinaryMetric seedMean =
                (l, pos) -> {
                    double sum = 0;
                    double[] s = new double[pos.length];
                    for (double[] seedScores : scoresPerSeed) {
                        for (int i = 0; i < pos.length; i++) {
                            s[i] = seedScores[(int) pos[i]];
                        }
                        sum += metric.compute(l, s);
                    }
                    return sum / scoresPerSeed.length;
                };
        return Bootstrap.classification(
                labels, positions, seedMean, RESAMPLES, 0.95, BOOTSTRAP_SEED);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** Returns a copy of the per-seed values. */
    @Override
    public double[] perSeed() {
        return perSeed.clone();
    }

    /** Formats as {@code "0.970 ± 0.004 [0.951, 0.986]"} with the given decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(
                Locale.ROOT, f + " ± " + f + " [" + f + ", " + f + "]", mean, sd, lower, upper);
    }
}
