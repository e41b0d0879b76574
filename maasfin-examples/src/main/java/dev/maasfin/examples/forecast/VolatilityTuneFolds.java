// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.split.Split;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-forward folds the {@code tune} command scores configurations on, all before the
 * protocol's test part, and the protocol's test origins held out from them.
 *
 * <p>Fold A trains on returns dated before 2012 and is scored on 2012-2014; fold B trains before
 * 2015 and is scored on 2015-2017 (the protocol's validation part). Each part is purged as in the
 * protocol: an origin is kept only if its whole 5-day target lies in its own part. Inside a fold
 * the last year of the training period (2011, resp. 2014) is the early-stopping set (its origins
 * also give the smearing factor) and the years before it are fitted; the feature z-score is fitted
 * on the fitted days only. So the scored years never decide when training stops, as the test part
 * never does in the {@code forecast} demo.
 *
 * <p>Rows of the {@link Split}s are origins (return indices k): a fold's training part is every
 * purged origin before its scored part (fitted and early-stopping origins, plus the few dropped by
 * the purge between them), its validation part the scored origins, and every fold's test part the
 * protocol's 1,050 test origins. So the last fold's training and validation rows together are the
 * protocol's training and validation origins. Immutable and thread-safe.
 */
final class VolatilityTuneFolds {
    /**
     * One fold's calendar.
     *
     * @param name short name
     * @param stopStart first date of the early-stopping year
     * @param scoreStart first date of the scored part
     * @param scoreEnd first date after the scored part
     */
    record Calendar(String name, LocalDate stopStart, LocalDate scoreStart, LocalDate scoreEnd) {}

    /** The two folds A and B. */
    static final List<Calendar> CALENDARS =
            List.of(
                    new Calendar(
                            "A",
                            LocalDate.of(2011, 1, 1),
                            LocalDate.of(2012, 1, 1),
                            LocalDate.of(2015, 1, 1)),
                    new Calendar(
                            "B",
                            LocalDate.of(2014, 1, 1),
                            LocalDate.of(2015, 1, 1),
                            LocalDate.of(2018, 1, 1)));

    /**
     * One fold's samples and features.
     *
     * @param calendar the fold's dates
     * @param fit the fitted origins and targets
     * @param stop the early-stopping origins and targets
     * @param score the scored origins and targets
     * @param trainOrigins every purged origin before the scored part
     * @param windows the features, z-scored with the fitted days' statistics
     */
    record Fold(
            Calendar calendar,
            LstmVolatility.Samples fit,
            LstmVolatility.Samples stop,
            LstmVolatility.Samples score,
            int[] trainOrigins,
            VolatilityWindows windows) {}

    private final List<Fold> folds;
    private final int[] testOrigins;

    private VolatilityTuneFolds(List<Fold> folds, int[] testOrigins) {
        this.folds = List.copyOf(folds);
        this.testOrigins = testOrigins;
    }

    /**
     * Cuts the folds of a daily series for a window length and feature scale.
     *
     * @throws IllegalArgumentException if the series does not cover every fold's parts and the
     *     protocol's test part
     */
    static VolatilityTuneFolds of(
            BarSeries bars, int window, VolatilityWindows.FeatureScale featureScale) {
        List<Fold> out = new ArrayList<>();
        for (Calendar c : CALENDARS) {
            VolatilityProblem outer = VolatilityProblem.of(bars, window, c.scoreStart, c.scoreEnd);
            VolatilityProblem inner = VolatilityProblem.of(bars, window, c.stopStart, c.scoreStart);
            LstmVolatility.Samples fit = inner.train();
            VolatilityWindows windows =
                    VolatilityWindows.fit(
                            outer.task.returns(), window, inner.lastTrainOrigin(), featureScale);
            out.add(
                    new Fold(
                            c,
                            fit,
                            inner.validation(),
                            outer.validation(),
                            outer.train().origins(),
                            windows));
        }
        VolatilityProblem protocol =
                VolatilityProblem.of(
                        bars,
                        window,
                        dev.maasfin.core.eval.VolatilityTask.VALIDATION_START,
                        dev.maasfin.core.eval.VolatilityTask.TEST_START);
        return new VolatilityTuneFolds(out, protocol.origins(protocol.testPositions));
    }

    /** Returns fold {@code f}. */
    Fold fold(int f) {
        return folds.get(f);
    }

    /** Returns the number of folds. */
    int size() {
        return folds.size();
    }

    /** Returns the protocol's test origins (return indices), ascending. */
    int[] testOrigins() {
        return testOrigins.clone();
    }

    /** Returns the tuner's splits: training origins, scored origins, the protocol's test part. */
    List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (Fold f : folds) {
            out.add(new Split(f.trainOrigins(), f.score().origins(), testOrigins));
        }
        return out;
    }
}
