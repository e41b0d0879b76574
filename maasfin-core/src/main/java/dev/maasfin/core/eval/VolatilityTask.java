// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import dev.maasfin.api.data.BarSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The protocol's S&amp;P 500 5-day volatility task: returns, per-origin features, targets and
 * purged date-based parts.
 *
 * <p>Definitions (evaluation README): r_k = ln(close_{k+1}/close_k), dated by row k+1. At origin k
 * the features are r_k, |r_k|, rv5_k and rv20_k, the sample sd (n−1) of the last 5 and 20 returns
 * including r_k; the target is the sample sd of r_{k+1..k+5}. The part of a return is set by its
 * date: train before {@code validationStart}, validation before {@code testStart}, test from {@code
 * testStart} (protocol: 2015-01-01 and 2018-01-01). An origin is kept only if r_k and its whole
 * target r_{k+1..k+5} lie in the same part (purged). The first origin is k = {@value
 * #FIRST_ORIGIN}: rv20 first exists at k = 19 and a model sees a 60-day window, 19 + 59 = 78.
 *
 * <p>Arrays returned are copies; instances are immutable and thread-safe.
 */
public final class VolatilityTask {
    /** The first origin index k of the protocol. */
    public static final int FIRST_ORIGIN = 78;

    /** The target horizon in returns. */
    public static final int HORIZON = 5;

    /** First date of the protocol's validation part. */
    public static final LocalDate VALIDATION_START = LocalDate.of(2015, 1, 1);

    /** First date of the protocol's test part. */
    public static final LocalDate TEST_START = LocalDate.of(2018, 1, 1);

    /** The part an origin belongs to. */
    public enum Part {
        /** Dates before the validation start. */
        TRAIN,
        /** Dates from the validation start to before the test start. */
        VALIDATION,
        /** Dates from the test start. */
        TEST
    }

    private final double[] returns;
    private final LocalDate[] returnDates;
    private final int[] origins;
    private final Part[] parts;
    private final double[] rv5;
    private final double[] rv20;
    private final double[] target;

    private VolatilityTask(double[] returns, LocalDate[] returnDates, int[] origins, Part[] parts) {
        this.returns = returns;
        this.returnDates = returnDates;
        this.origins = origins;
        this.parts = parts;
        this.rv5 = new double[origins.length];
        this.rv20 = new double[origins.length];
        this.target = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            int k = origins[i];
            rv5[i] = sampleSd(returns, k - 4, k + 1);
            rv20[i] = sampleSd(returns, k - 19, k + 1);
            target[i] = sampleSd(returns, k + 1, k + 1 + HORIZON);
        }
    }

    /**
     * Builds the protocol's task from daily bars, dating each bar by its local date in the series'
     * time zone.
     *
     * @throws IllegalArgumentException as {@link #protocol(LocalDate[], double[])}
     */
    public static VolatilityTask protocol(BarSeries bars) {
        LocalDate[] dates = new LocalDate[bars.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = LocalDate.ofInstant(bars.time(i), bars.zone());
        }
        return protocol(dates, bars.closes());
    }

    /**
     * Builds the task with the protocol's part boundaries.
     *
     * @param dates trading dates of the closes, strictly increasing
     * @param closes closing prices, finite and &gt; 0
     * @throws IllegalArgumentException as for {@link #build(LocalDate[], double[], LocalDate,
     *     LocalDate)}
     */
    public static VolatilityTask protocol(LocalDate[] dates, double[] closes) {
        return build(dates, closes, VALIDATION_START, TEST_START);
    }

    /**
     * Builds the task with the given part boundaries.
     *
     * @throws IllegalArgumentException if lengths differ, a date is null or not after the previous
     *     one, a close is not finite and &gt; 0 (naming the row), {@code testStart} is before
     *     {@code validationStart}, or the series is too short for one origin
     */
    public static VolatilityTask build(
            LocalDate[] dates, double[] closes, LocalDate validationStart, LocalDate testStart) {
        checkInput(dates, closes, validationStart, testStart);
        int n = closes.length - 1;
        double[] r = new double[n];
        LocalDate[] rd = new LocalDate[n];
        for (int k = 0; k < n; k++) {
            r[k] = Math.log(closes[k + 1] / closes[k]);
            rd[k] = dates[k + 1];
        }
        int[] keep = new int[n];
        Part[] part = new Part[n];
        int m = 0;
        for (int k = FIRST_ORIGIN; k + HORIZON < n; k++) {
            Part p = partOf(rd[k], validationStart, testStart);
            if (p == partOf(rd[k + HORIZON], validationStart, testStart)) {
                keep[m] = k;
                part[m] = p;
                m++;
            }
        }
        return new VolatilityTask(r, rd, Arrays.copyOf(keep, m), Arrays.copyOf(part, m));
    }

    private static Part partOf(LocalDate d, LocalDate validationStart, LocalDate testStart) {
        if (d.isBefore(validationStart)) {
            return Part.TRAIN;
        }
        return d.isBefore(testStart) ? Part.VALIDATION : Part.TEST;
    }

    private static void checkInput(
            LocalDate[] dates, double[] closes, LocalDate validationStart, LocalDate testStart) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(validationStart, "validationStart");
        Objects.requireNonNull(testStart, "testStart");
        if (dates.length != closes.length) {
            throw new IllegalArgumentException(
                    "dates and closes must have equal length but dates has "
                            + dates.length
                            + " and closes has "
                            + closes.length);
        }
        if (testStart.isBefore(validationStart)) {
            throw new IllegalArgumentException(
                    "testStart "
                            + testStart
                            + " must not be before validationStart "
                            + validationStart);
        }
        int minRows = FIRST_ORIGIN + HORIZON + 2;
        if (closes.length < minRows) {
            throw new IllegalArgumentException(
                    "closes must have at least " + minRows + " rows but has " + closes.length);
        }
        for (int i = 0; i < closes.length; i++) {
            if (!(closes[i] > 0 && Double.isFinite(closes[i]))) {
                throw new IllegalArgumentException(
                        "close must be finite and > 0 but row " + i + " is " + closes[i]);
            }
            Objects.requireNonNull(dates[i], "dates[" + i + "]");
            if (i > 0 && !dates[i].isAfter(dates[i - 1])) {
                throw new IllegalArgumentException(
                        "dates must be strictly increasing but row "
                                + i
                                + " ("
                                + dates[i]
                                + ") is not after row "
                                + (i - 1)
                                + " ("
                                + dates[i - 1]
                                + ")");
            }
        }
    }

    /**
     * Sample sd (n − 1) of {@code a[from..to)}, two passes in index order: the protocol's rv5, rv20
     * and target definition. Every volatility feature computed for the protocol (the feature stage,
     * the demo's windows) calls this one method, so their values agree bit for bit.
     *
     * @param a the values
     * @param from first index, inclusive
     * @param to last index, exclusive; {@code to - from >= 2} for a finite result
     * @return the sample sd ({@code NaN} for fewer than 2 values)
     */
    public static double sampleSd(double[] a, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += a[i];
        }
        mean /= to - from;
        double ss = 0;
        for (int i = from; i < to; i++) {
            double e = a[i] - mean;
            ss += e * e;
        }
        return Math.sqrt(ss / (to - from - 1));
    }

    /** Returns all log returns r_0..r_{n−1} (r_k dated by close row k+1). */
    public double[] returns() {
        return returns.clone();
    }

    /** Returns the date of each return. */
    public LocalDate[] returnDates() {
        return returnDates.clone();
    }

    /** Returns the kept origin indices k (indices into {@link #returns()}), ascending. */
    public int[] origins() {
        return origins.clone();
    }

    /** Returns the number of kept origins. */
    public int size() {
        return origins.length;
    }

    /** Returns the part of each origin. */
    public Part[] parts() {
        return parts.clone();
    }

    /** Returns the date of each origin (the date of r_k). */
    public LocalDate[] originDates() {
        LocalDate[] out = new LocalDate[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = returnDates[origins[i]];
        }
        return out;
    }

    /** Returns r_k at each origin. */
    public double[] originReturns() {
        double[] out = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = returns[origins[i]];
        }
        return out;
    }

    /** Returns |r_k| at each origin. */
    public double[] absReturns() {
        double[] out = originReturns();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }

    /** Returns rv5 (sample sd of r_{k−4..k}) at each origin. */
    public double[] rv5() {
        return rv5.clone();
    }

    /** Returns rv20 (sample sd of r_{k−19..k}) at each origin. */
    public double[] rv20() {
        return rv20.clone();
    }

    /** Returns the target, the sample sd of r_{k+1..k+5}, at each origin. */
    public double[] target() {
        return target.clone();
    }

    /** Returns the positions (into the per-origin arrays) of origins in {@code part}. */
    public int[] positionsOf(Part part) {
        Objects.requireNonNull(part, "part");
        int[] out = new int[origins.length];
        int m = 0;
        for (int i = 0; i < origins.length; i++) {
            if (parts[i] == part) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }
}
