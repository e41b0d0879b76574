// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.split;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.split.Split;
import java.time.Instant;
import java.util.Objects;

/**
 * Contiguous train / validation / test parts in time order, without shuffling.
 *
 * <p>By fractions of {@code n} rows: {@code train = floor(n * trainFraction)}, {@code validation =
 * floor(n * validationFraction)}, test = the rest; an optional gap of {@code g} rows is left out
 * between consecutive parts (use the label horizon so that no label of one part reaches into the
 * next). By cut times: train is every row before {@code validationStart}, validation rows in {@code
 * [validationStart, testStart)}, test rows from {@code testStart} on. Stateless and thread-safe.
 */
public final class ChronologicalSplit {
    private ChronologicalSplit() {}

    /**
     * Splits {@code n} rows by fractions, with no gap.
     *
     * @throws IllegalArgumentException see {@link #byFractions(int, double, double, int)}
     */
    public static Split byFractions(int n, double trainFraction, double validationFraction) {
        return byFractions(n, trainFraction, validationFraction, 0);
    }

    /**
     * Splits {@code n} rows by fractions, leaving {@code gap} rows out between parts.
     *
     * @param n number of rows, in time order
     * @param trainFraction share of rows for training, in (0, 1)
     * @param validationFraction share for validation, in [0, 1); 0 for none
     * @param gap rows dropped between train and validation and between validation and test
     * @throws IllegalArgumentException if a fraction is out of range or NaN, the fractions sum to 1
     *     or more, {@code gap < 0}, or the training or test part would be empty (message names the
     *     values)
     */
    public static Split byFractions(
            int n, double trainFraction, double validationFraction, int gap) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException(
                    "trainFraction must be in (0, 1) but was " + trainFraction);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be in [0, 1) but was " + validationFraction);
        }
        if (trainFraction + validationFraction >= 1) {
            throw new IllegalArgumentException(
                    "trainFraction + validationFraction must be < 1 but was "
                            + (trainFraction + validationFraction));
        }
        int nTrain = (int) Math.floor(n * trainFraction);
        int nVal = (int) Math.floor(n * validationFraction);
        return contiguous(n, nTrain, nVal, gap);
    }

    /**
     * Splits {@code n} rows into parts of given sizes; the test part is the rest.
     *
     * @throws IllegalArgumentException if a size or {@code gap} is negative, or the training or
     *     test part would be empty
     */
    public static Split bySizes(int n, int trainSize, int validationSize, int gap) {
        if (validationSize < 0) {
            throw new IllegalArgumentException(
                    "validationSize must be >= 0 but was " + validationSize);
        }
        return contiguous(n, trainSize, validationSize, gap);
    }

    private static Split contiguous(int n, int nTrain, int nVal, int gap) {
        if (gap < 0) {
            throw new IllegalArgumentException("gap must be >= 0 but was " + gap);
        }
        int valStart = nTrain + (nVal > 0 ? gap : 0);
        int testStart = valStart + nVal + gap;
        if (nTrain < 1 || testStart >= n) {
            throw new IllegalArgumentException(
                    "n = "
                            + n
                            + " rows give train "
                            + nTrain
                            + ", validation "
                            + nVal
                            + ", gap "
                            + gap
                            + " and test "
                            + Math.max(0, n - testStart)
                            + ": train and test must each have at least one row");
        }
        return new Split(range(0, nTrain), range(valStart, valStart + nVal), range(testStart, n));
    }

    /**
     * Splits time-indexed rows at two cut times.
     *
     * @param epochMillis row times, strictly increasing
     * @param validationStart first instant of validation (equal to {@code testStart} for none)
     * @param testStart first instant of the test part
     * @throws IllegalArgumentException if times are not strictly increasing, {@code testStart} is
     *     before {@code validationStart}, or the train or test part is empty
     */
    public static Split byDates(long[] epochMillis, Instant validationStart, Instant testStart) {
        Objects.requireNonNull(epochMillis, "epochMillis");
        long v = Objects.requireNonNull(validationStart, "validationStart").toEpochMilli();
        long t = Objects.requireNonNull(testStart, "testStart").toEpochMilli();
        if (t < v) {
            throw new IllegalArgumentException(
                    "testStart "
                            + testStart
                            + " must not be before validationStart "
                            + validationStart);
        }
        for (int i = 1; i < epochMillis.length; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + ": time "
                                + epochMillis[i]
                                + " is not after "
                                + epochMillis[i - 1]
                                + " (times must be strictly increasing)");
            }
        }
        int valStart = firstAtOrAfter(epochMillis, v);
        int testStartRow = firstAtOrAfter(epochMillis, t);
        if (valStart == 0 || testStartRow == epochMillis.length) {
            throw new IllegalArgumentException(
                    "cut times "
                            + validationStart
                            + " / "
                            + testStart
                            + " leave "
                            + valStart
                            + " training and "
                            + (epochMillis.length - testStartRow)
                            + " test rows: each part needs at least one row");
        }
        return new Split(
                range(0, valStart),
                range(valStart, testStartRow),
                range(testStartRow, epochMillis.length));
    }

    /**
     * Splits a time-indexed frame at two cut times.
     *
     * @throws IllegalArgumentException if the frame has no time index, or as {@link
     *     #byDates(long[], Instant, Instant)}
     */
    public static Split byDates(Frame frame, Instant validationStart, Instant testStart) {
        long[] times =
                frame.epochMillis()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "frame has no time index to split by dates"));
        return byDates(times, validationStart, testStart);
    }

    /**
     * Splits a bar series at two cut times.
     *
     * @throws IllegalArgumentException as {@link #byDates(long[], Instant, Instant)}
     */
    public static Split byDates(BarSeries series, Instant validationStart, Instant testStart) {
        return byDates(series.epochMillis(), validationStart, testStart);
    }

    private static int firstAtOrAfter(long[] times, long cut) {
        int i = 0;
        while (i < times.length && times[i] < cut) {
            i++;
        }
        return i;
    }

    static int[] range(int from, int to) {
        int[] a = new int[Math.max(0, to - from)];
        for (int k = 0; k < a.length; k++) {
            a[k] = from + k;
        }
        return a;
    }
}
