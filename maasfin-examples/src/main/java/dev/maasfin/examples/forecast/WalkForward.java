// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.TrainedModel;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Yearly expanding-window refits over the test part: before each calendar year Y of the test part
 * the LSTM is trained afresh and forecasts that year's test origins only.
 *
 * <p>At refit date D = 1 January Y the validation origins are those dated in the three years before
 * D whose 5-day target ends before D, and the training origins are all earlier ones whose target
 * ends before D minus three years (purged as in the protocol). The feature scaling is refitted on
 * the training days. The first refit (D = 2018-01-01 for the protocol) repeats the main split. One
 * seed only; each refit is a full training. Not thread-safe (the engine's random generator is
 * global).
 */
final class WalkForward {
    private static final int VALIDATION_YEARS = 3;

    private final LstmVolatility lstm;
    private final PrintWriter out;

    WalkForward(LstmVolatility lstm, PrintWriter out) {
        this.lstm = lstm;
        this.out = out;
    }

    /**
     * Walk-forward forecasts of the test origins and the refit dates used.
     *
     * @param forecast one forecast per test origin, in test order
     * @param refitDates the dates D of the refits
     */
    record Result(double[] forecast, List<LocalDate> refitDates) {}

    Result run(VolatilityProblem p, int seed) {
        LocalDate[] testDates = p.testDates();
        int[] testOrigins = p.origins(p.testPositions);
        double[] forecast = new double[testOrigins.length];
        List<LocalDate> refits = new ArrayList<>();
        int from = 0;
        while (from < testOrigins.length) {
            int year = testDates[from].getYear();
            int to = from;
            while (to < testOrigins.length && testDates[to].getYear() == year) {
                to++;
            }
            LocalDate d = LocalDate.of(year, 1, 1);
            refits.add(d);
            int[] segment = Arrays.copyOfRange(testOrigins, from, to);
            double[] f = refit(p, d, segment, seed);
            System.arraycopy(f, 0, forecast, from, f.length);
            from = to;
        }
        return new Result(forecast, refits);
    }

    private double[] refit(VolatilityProblem p, LocalDate d, int[] segment, int seed) {
        LocalDate validationFrom = d.minusYears(VALIDATION_YEARS);
        LstmVolatility.Samples train = before(p, null, validationFrom);
        LstmVolatility.Samples validation = before(p, validationFrom, d);
        int lastTrain = train.origins()[train.origins().length - 1];
        VolatilityWindows features =
                VolatilityWindows.fit(
                        p.task.returns(), p.window, lastTrain, lstm.settings().featureScale());
        long t0 = System.nanoTime();
        LstmVolatility.Fitted fitted =
                lstm.train(features, train, validation, seed, (e, l, v, ms) -> {});
        TrainedModel trained = fitted.trained();
        try (NeuralModel model = trained.model()) {
            double[] forecast = lstm.forecast(fitted, features, segment);
            out.printf(
                    Locale.ROOT,
                    "walk-forward refit %s: %,d train, %,d validation origins, best epoch %d of"
                            + " %d, %.1f s (%s)%n",
                    d,
                    train.origins().length,
                    validation.origins().length,
                    trained.result().bestEpoch(),
                    trained.result().epochs(),
                    (System.nanoTime() - t0) / 1e9,
                    model.spec().type());
            out.flush();
            return forecast;
        }
    }

    /** Origins dated from {@code from} (or the start) whose whole target lies before {@code to}. */
    private static LstmVolatility.Samples before(
            VolatilityProblem p, LocalDate from, LocalDate to) {
        VolatilityTask task = p.task;
        int[] origins = task.origins();
        double[] target = task.target();
        LocalDate[] rd = task.returnDates();
        int first = VolatilityWindows.firstUsableOrigin(p.window);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < origins.length; i++) {
            int k = origins[i];
            boolean inRange =
                    k >= first
                            && (from == null || !rd[k].isBefore(from))
                            && rd[k + VolatilityTask.HORIZON].isBefore(to);
            if (inRange) {
                keep.add(i);
            }
        }
        int[] pos = keep.stream().mapToInt(Integer::intValue).toArray();
        if (pos.length == 0) {
            throw new IllegalArgumentException(
                    "walk-forward refit before "
                            + to
                            + " has no origins "
                            + (from == null ? "" : "from " + from)
                            + "; the series is too short for --walk-forward");
        }
        return new LstmVolatility.Samples(
                Arrays.stream(pos).map(i -> origins[i]).toArray(),
                VolatilityProblem.at(target, pos));
    }
}
