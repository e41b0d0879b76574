// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.eval.VolatilityTask;
import java.util.Arrays;

/**
 * The LSTM's inputs: per-day features r_j, |r_j|, rv5_j, rv20_j z-scored with training statistics,
 * cut into windows of {@code window} days ending at each origin.
 *
 * <p>Day j's features use returns r_{j−19..j} only (rv5 and rv20 are sample sds of the last 5 and
 * 20 returns including r_j), so the window of origin k, days k−window+1..k, sees no return after
 * r_k: no look-ahead. Features exist from day {@value #FIRST_FEATURE_DAY}. Each feature's mean and
 * population sd come from days {@value #FIRST_FEATURE_DAY}..{@code lastFitDay} only (the last
 * training origin), so nothing of the validation or test parts enters the scaling. With {@link
 * FeatureScale#LOG} the three volatility features enter as ln(|r| + 0.001), ln rv5 and ln rv20
 * before the z-score, which tames their heavy right tail (crash days otherwise sit 10 sds or more
 * above the training mean). Immutable and thread-safe.
 */
public final class VolatilityWindows {
    /** Features per day: r, |r|, rv5, rv20. */
    static final int FEATURES = 4;

    /** The first day whose 20-return sd is defined. */
    static final int FIRST_FEATURE_DAY = 19;

    static final String[] NAMES = {"r", "|r|", "rv5", "rv20"};

    /** Offset inside ln(|r| + offset) of the LOG feature scale, in return units. */
    static final double ABS_RETURN_OFFSET = 1e-3;

    /** How the features are transformed before the z-score. */
    public enum FeatureScale {
        /** r, |r|, rv5, rv20 as they are. */
        LINEAR,
        /** r, ln(|r| + 0.001), ln rv5, ln rv20. */
        LOG
    }

    private final double[][] scaled;

    private final double[][] raw;
    private final double[] mean;
    private final double[] sd;
    private final int window;

    private VolatilityWindows(
            double[][] raw, double[][] scaled, double[] mean, double[] sd, int window) {
        this.raw = raw;
        this.scaled = scaled;
        this.mean = mean;
        this.sd = sd;
        this.window = window;
    }

    /**
     * Computes the features of every day and fits the z-score on days up to {@code lastFitDay}.
     *
     * @throws IllegalArgumentException if {@code lastFitDay} leaves fewer than 2 days to fit on
     */
    static VolatilityWindows fit(
            double[] returns, int window, int lastFitDay, FeatureScale featureScale) {
        double[][] raw = dailyFeatures(returns);
        double[][] scaled = featureScale == FeatureScale.LOG ? logFeatures(raw) : raw;
        if (lastFitDay < FIRST_FEATURE_DAY + 1 || lastFitDay >= returns.length) {
            throw new IllegalArgumentException(
                    "the training part must cover at least two days with features but its last"
                            + " origin is day "
                            + lastFitDay);
        }
        double[] mean = new double[FEATURES];
        double[] sd = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            double[] col = Arrays.copyOfRange(scaled[f], FIRST_FEATURE_DAY, lastFitDay + 1);
            mean[f] = Arrays.stream(col).average().orElseThrow();
            double m = mean[f];
            sd[f] = Math.sqrt(Arrays.stream(col).map(v -> (v - m) * (v - m)).sum() / col.length);
        }
        return new VolatilityWindows(raw, scaled, mean, sd, window);
    }

    /** Returns the first origin whose whole window has features. */
    static int firstUsableOrigin(int window) {
        return FIRST_FEATURE_DAY + window - 1;
    }

    /** Returns the training means of the features (r, |r|, rv5, rv20). */
    double[] means() {
        return mean.clone();
    }

    /** Returns the training population sds of the features. */
    double[] sds() {
        return sd.clone();
    }

    /** Returns the window length in days. */
    int window() {
        return window;
    }

    /**
     * Returns the z-scored windows ending at the given origins, row-major {@code [n, window, 4]}.
     *
     * @throws IllegalArgumentException if an origin's window starts before the first feature day
     */
    float[] windows(int[] origins) {
        float[] out = new float[origins.length * window * FEATURES];
        int p = 0;
        for (int k : origins) {
            if (k < firstUsableOrigin(window) || k >= raw[0].length) {
                throw new IllegalArgumentException(
                        "origin " + k + " has no complete window of " + window + " days");
            }
            for (int j = k - window + 1; j <= k; j++) {
                for (int f = 0; f < FEATURES; f++) {
                    out[p++] = (float) ((scaled[f][j] - mean[f]) / sd[f]);
                }
            }
        }
        return out;
    }

    /** Returns the unscaled 20-return sample sd at each origin. */
    double[] rv20(int[] origins) {
        double[] out = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = raw[3][origins[i]];
        }
        return out;
    }

    private static double[][] logFeatures(double[][] raw) {
        int n = raw[0].length;
        double[][] x = new double[FEATURES][];
        x[0] = raw[0];
        x[1] = new double[n];
        x[2] = new double[n];
        x[3] = new double[n];
        for (int j = 0; j < n; j++) {
            x[1][j] = Math.log(raw[1][j] + ABS_RETURN_OFFSET);
            x[2][j] = Math.log(raw[2][j]);
            x[3][j] = Math.log(raw[3][j]);
        }
        return x;
    }

    private static double[][] dailyFeatures(double[] r) {
        int n = r.length;
        double[][] x = new double[FEATURES][n];
        for (int j = 0; j < n; j++) {
            x[0][j] = r[j];
            x[1][j] = Math.abs(r[j]);
            x[2][j] = j >= 4 ? VolatilityTask.sampleSd(r, j - 4, j + 1) : Double.NaN;
            x[3][j] =
                    j >= FIRST_FEATURE_DAY ? VolatilityTask.sampleSd(r, j - 19, j + 1) : Double.NaN;
        }
        return x;
    }
}
