// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import java.util.Arrays;

/**
 * The windows of a price series, their forward log-return labels and their chronological part, with
 * the purge that keeps every label inside its own part.
 *
 * <p>Sample {@code s} has its last bar at index {@code end[s]}; its window is the {@code window}
 * prices {@code end - window + 1 .. end} and its label is {@code ln(p[end + horizon] / p[end])},
 * which uses only bars strictly after the window. A sample's part is decided by its last bar: train
 * before {@code validationStart}, validation before {@code testStart}, test after. A sample is kept
 * only if {@code end + horizon} lies in the same part (purge), so no training label reaches into
 * the validation period and no validation label into the test period, as in the volatility protocol
 * of {@code evaluation/README.md}. Windows may look back into the previous part: those prices are
 * in the past of every label of the part. Ends start at {@code window - 1} and step by {@code
 * stride}.
 *
 * <p>Thread-safe: immutable (arrays copied out).
 */
final class PatternSamples {
    static final int TRAIN = 0;
    static final int VALIDATION = 1;
    static final int TEST = 2;

    private final int[] ends;
    private final double[] labels;
    private final int[] parts;
    private final int horizon;

    private PatternSamples(int[] ends, double[] labels, int[] parts, int horizon) {
        this.ends = ends;
        this.labels = labels;
        this.parts = parts;
        this.horizon = horizon;
    }

    /**
     * Builds the samples of {@code prices}.
     *
     * @param prices positive prices, oldest first
     * @param window prices per window, {@code >= 2}
     * @param horizon label horizon in bars, {@code >= 1}
     * @param stride step between window ends, {@code >= 1}
     * @param validationStart index of the first validation bar
     * @param testStart index of the first test bar, {@code > validationStart}
     * @throws IllegalArgumentException naming the parameter, its value and the rule
     */
    static PatternSamples build(
            double[] prices,
            int window,
            int horizon,
            int stride,
            int validationStart,
            int testStart) {
        checkArguments(prices.length, window, horizon, stride, validationStart, testStart);
        int capacity = prices.length / stride + 1;
        int[] ends = new int[capacity];
        double[] labels = new double[capacity];
        int[] parts = new int[capacity];
        int n = 0;
        for (int e = window - 1; e + horizon < prices.length; e += stride) {
            int part = partOf(e, validationStart, testStart);
            if (partOf(e + horizon, validationStart, testStart) != part) {
                continue;
            }
            ends[n] = e;
            labels[n] = Math.log(prices[e + horizon] / prices[e]);
            parts[n] = part;
            n++;
        }
        return new PatternSamples(
                Arrays.copyOf(ends, n), Arrays.copyOf(labels, n), Arrays.copyOf(parts, n), horizon);
    }

    private static void checkArguments(
            int n, int window, int horizon, int stride, int validationStart, int testStart) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2 but was " + window);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 but was " + horizon);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1 but was " + stride);
        }
        if ((long) window + horizon > n) {
            throw new IllegalArgumentException(
                    "window + horizon must be <= the series length "
                            + n
                            + " but was "
                            + window
                            + " + "
                            + horizon);
        }
        if (validationStart < 1 || testStart <= validationStart || testStart >= n) {
            throw new IllegalArgumentException(
                    "part boundaries must satisfy 0 < validationStart < testStart < "
                            + n
                            + " but were "
                            + validationStart
                            + " and "
                            + testStart);
        }
    }

    private static int partOf(int index, int validationStart, int testStart) {
        if (index < validationStart) {
            return TRAIN;
        }
        return index < testStart ? VALIDATION : TEST;
    }

    /** Returns the number of samples kept. */
    int size() {
        return ends.length;
    }

    /** Returns the label horizon in bars. */
    int horizon() {
        return horizon;
    }

    /** Returns the index of each sample's last window bar. */
    int[] ends() {
        return ends.clone();
    }

    /** Returns each sample's forward log return over the horizon. */
    double[] labels() {
        return labels.clone();
    }

    /** Returns each sample's part: {@link #TRAIN}, {@link #VALIDATION} or {@link #TEST}. */
    int[] parts() {
        return parts.clone();
    }

    /** Returns the positions (into the sample arrays) of the samples of one part, in time order. */
    int[] positionsOf(int part) {
        return java.util.stream.IntStream.range(0, parts.length)
                .filter(s -> parts[s] == part)
                .toArray();
    }

    /**
     * Returns a subset of {@code positions} whose label periods do not overlap: a sample is taken
     * when its end is at least {@code horizon} bars after the last one taken.
     */
    int[] nonOverlapping(int[] positions) {
        int[] kept = new int[positions.length];
        int n = 0;
        int lastEnd = Integer.MIN_VALUE / 2;
        for (int s : positions) {
            if (ends[s] >= lastEnd + horizon) {
                kept[n++] = s;
                lastEnd = ends[s];
            }
        }
        return Arrays.copyOf(kept, n);
    }
}
