// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.eval.VolatilityTask;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The protocol's volatility task cut for a window length: the origins of each part whose whole
 * input window has features, their targets, and the test part's dates and crash-window mask.
 *
 * <p>With the protocol's 60-day window no origin is lost (the first origin, 78, is the first whose
 * 60-day window has 20-return sds); a longer window drops the earliest training origins. Immutable.
 */
final class VolatilityProblem {
    /** First and last day of the crash window left out of the "calm" figures. */
    static final LocalDate CRASH_FROM = LocalDate.of(2020, 3, 1);

    static final LocalDate CRASH_TO = LocalDate.of(2020, 4, 30);

    final BarSeries bars;
    final VolatilityTask task;
    final int window;
    final int[] trainPositions;
    final int[] validationPositions;
    final int[] testPositions;

    private VolatilityProblem(BarSeries bars, VolatilityTask task, int window) {
        this.bars = bars;
        this.task = task;
        this.window = window;
        this.trainPositions = usable(VolatilityTask.Part.TRAIN);
        this.validationPositions = usable(VolatilityTask.Part.VALIDATION);
        this.testPositions = usable(VolatilityTask.Part.TEST);
    }

    /**
     * Builds the task of a daily series with the given part boundaries and checks the window.
     *
     * @throws IllegalArgumentException if a part has no origin, or the window is longer than the
     *     training part allows (naming the largest window that fits)
     */
    static VolatilityProblem of(
            BarSeries bars, int window, LocalDate validationStart, LocalDate testStart) {
        LocalDate[] dates = new LocalDate[bars.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = LocalDate.ofInstant(bars.time(i), bars.zone());
        }
        VolatilityTask task =
                VolatilityTask.build(dates, bars.closes(), validationStart, testStart);
        checkParts(task, validationStart, testStart);
        checkWindow(task, window);
        return new VolatilityProblem(bars, task, window);
    }

    private static void checkParts(
            VolatilityTask task, LocalDate validationStart, LocalDate testStart) {
        String[] rule = {
            "before " + validationStart,
            "from " + validationStart + " to before " + testStart,
            "from " + testStart
        };
        VolatilityTask.Part[] parts = VolatilityTask.Part.values();
        for (int p = 0; p < parts.length; p++) {
            if (task.positionsOf(parts[p]).length == 0) {
                throw new IllegalArgumentException(
                        "the series has no "
                                + parts[p].name().toLowerCase(java.util.Locale.ROOT)
                                + " origins (returns dated "
                                + rule[p]
                                + "); choose --validation-start and --test-start inside its"
                                + " dates");
            }
        }
    }

    private static void checkWindow(VolatilityTask task, int window) {
        int[] train = task.positionsOf(VolatilityTask.Part.TRAIN);
        int lastTrainOrigin = task.origins()[train[train.length - 1]];
        int maxWindow = lastTrainOrigin - VolatilityWindows.FIRST_FEATURE_DAY + 1;
        if (window > maxWindow) {
            throw new IllegalArgumentException(
                    "--window must be at most "
                            + maxWindow
                            + " days for this series (its training part ends at return "
                            + lastTrainOrigin
                            + " and features start at return "
                            + VolatilityWindows.FIRST_FEATURE_DAY
                            + ") but was "
                            + window);
        }
    }

    private int[] usable(VolatilityTask.Part part) {
        int first = VolatilityWindows.firstUsableOrigin(window);
        int[] origins = task.origins();
        return Arrays.stream(task.positionsOf(part)).filter(i -> origins[i] >= first).toArray();
    }

    /** Returns the origins (return indices) at the given positions. */
    int[] origins(int[] positions) {
        int[] all = task.origins();
        return Arrays.stream(positions).map(i -> all[i]).toArray();
    }

    /** Returns the per-origin values at the given positions. */
    static double[] at(double[] perOrigin, int[] positions) {
        return Arrays.stream(positions).mapToDouble(i -> perOrigin[i]).toArray();
    }

    /** Returns the training origins and targets. */
    LstmVolatility.Samples train() {
        return samples(trainPositions);
    }

    /** Returns the validation origins and targets. */
    LstmVolatility.Samples validation() {
        return samples(validationPositions);
    }

    LstmVolatility.Samples samples(int[] positions) {
        return new LstmVolatility.Samples(origins(positions), at(task.target(), positions));
    }

    /** Returns the last training origin, the last day the feature scaling may use. */
    int lastTrainOrigin() {
        return task.origins()[trainPositions[trainPositions.length - 1]];
    }

    /** Returns the test origins' dates. */
    LocalDate[] testDates() {
        LocalDate[] all = task.originDates();
        return Arrays.stream(testPositions).mapToObj(i -> all[i]).toArray(LocalDate[]::new);
    }

    /** Returns true at the test origins outside March–April 2020. */
    boolean[] calmTestMask() {
        LocalDate[] d = testDates();
        boolean[] calm = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            calm[i] = d[i].isBefore(CRASH_FROM) || d[i].isAfter(CRASH_TO);
        }
        return calm;
    }
}
