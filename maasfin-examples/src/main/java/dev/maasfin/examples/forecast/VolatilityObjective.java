// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.metrics.RegressionMetrics;
import dev.maasfin.core.tune.Objective;
import dev.maasfin.core.tune.TrialFold;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * The {@code tune} command's objective: train the LSTM with one configuration on one fold and
 * return the QLIKE of its headline forecast on the fold's scored origins, made as the {@code
 * forecast} demo makes its headline: the balanced factor ({@link LstmVolatility#balancedFactor}).
 *
 * <p>Per call: the fold's fitted origins are trained on, its early-stopping year stops training
 * (best epoch kept) and gives the smearing factors and the balanced factor (against the EWMA
 * forecasts of the same origins), and the scored origins are forecast once; the epochs budget is
 * the tuner's resource, the seed the trial's seed. RMSE, the best epoch and the time of every call
 * are kept beside the QLIKE ({@link #scores()}). Each call trains a fresh model (its parameters
 * live in the model's own NDManager, closed before returning) and checks that the origins it reads
 * are the {@link TrialFold}'s. The single test-part call is handed to the final evaluation given at
 * construction.
 *
 * <p>Thread safety: call it from one thread at a time. The score map is concurrent, but DJL's
 * PyTorch engine lets one gradient collector run per process (concurrent trainings fail with "A
 * PtGradientCollector is already collecting") and trainings seed the engine's global random
 * generator.
 */
final class VolatilityObjective implements Objective {
    /**
     * One objective call's figures.
     *
     * @param trial trial id
     * @param rung halving rung
     * @param fold fold number
     * @param qlike QLIKE of the scored origins (the objective)
     * @param rmse RMSE of the scored origins
     * @param bestEpoch epoch whose parameters were kept
     * @param epochsRun epochs trained
     * @param millis wall time of the call
     */
    record FoldScore(
            int trial,
            int rung,
            int fold,
            double qlike,
            double rmse,
            int bestEpoch,
            int epochsRun,
            long millis) {}

    private final VolatilityTuneFolds folds;
    private final double[] ewmaByOrigin;
    private final int patience;
    private final IntConsumer originRecorder;
    private final ToDoubleFunction<TrialFold> finalEvaluation;
    private final Map<String, FoldScore> scores = new ConcurrentHashMap<>();

    /**
     * Creates the objective.
     *
     * @param folds the folds
     * @param ewmaByOrigin the EWMA forecast sd at every origin k, indexed by k
     * @param patience early-stopping patience in epochs
     * @param originRecorder receives every origin a search call reads (fitted, early-stopping and
     *     scored); tests use it to show no test origin is read
     * @param finalEvaluation the one test-part evaluation
     */
    VolatilityObjective(
            VolatilityTuneFolds folds,
            double[] ewmaByOrigin,
            int patience,
            IntConsumer originRecorder,
            ToDoubleFunction<TrialFold> finalEvaluation) {
        this.folds = folds;
        this.ewmaByOrigin = ewmaByOrigin;
        this.patience = patience;
        this.originRecorder = originRecorder;
        this.finalEvaluation = finalEvaluation;
    }

    @Override
    public double evaluate(TrialFold call) {
        if (call.isTest()) {
            return finalEvaluation.applyAsDouble(call);
        }
        VolatilityTuneFolds.Fold fold = folds.fold(call.fold());
        checkRows(fold, call);
        record(fold);
        long t0 = System.nanoTime();
        LstmVolatility lstm =
                new LstmVolatility(
                        VolatilityTuneSpace.settings(
                                call.configuration(), call.resource(), patience));
        LstmVolatility.Fitted fitted =
                lstm.train(
                        fold.windows(),
                        fold.fit(),
                        fold.stop(),
                        Long.hashCode(call.seed()),
                        (epoch, loss, val, millis) -> {});
        try {
            double[] y = fold.score().target();
            double[] f =
                    lstm.forecast(
                            fitted,
                            fold.windows(),
                            fold.score().origins(),
                            balancedFactor(lstm, fitted, fold));
            double qlike = RegressionMetrics.qlike(y, f);
            var result = fitted.trained().result();
            scores.put(
                    key(call.trialId(), call.rung(), call.fold()),
                    new FoldScore(
                            call.trialId(),
                            call.rung(),
                            call.fold(),
                            qlike,
                            RegressionMetrics.rmse(y, f),
                            result.bestEpoch(),
                            result.epochs(),
                            (System.nanoTime() - t0) / 1_000_000));
            return qlike;
        } finally {
            fitted.model().close();
        }
    }

    /** The balanced factor on the fold's early-stopping origins (never the scored ones). */
    private double balancedFactor(
            LstmVolatility lstm, LstmVolatility.Fitted fitted, VolatilityTuneFolds.Fold fold) {
        int[] stop = fold.stop().origins();
        float[] raw = fitted.model().predict(fold.windows().windows(stop), stop.length);
        double[] ewma = Arrays.stream(stop).mapToDouble(k -> ewmaByOrigin[k]).toArray();
        return lstm.balancedFactor(
                fitted, raw, fold.windows().rv20(stop), fold.stop().target(), ewma);
    }

    /** Returns the figures of every finished search call, by trial, rung and fold. */
    List<FoldScore> scores() {
        return scores.values().stream()
                .sorted(
                        java.util.Comparator.comparingInt(FoldScore::rung)
                                .thenComparingInt(FoldScore::trial)
                                .thenComparingInt(FoldScore::fold))
                .toList();
    }

    /** Returns the figures of one call, or null if it did not finish. */
    FoldScore score(int trial, int rung, int fold) {
        return scores.get(key(trial, rung, fold));
    }

    private static String key(int trial, int rung, int fold) {
        return trial + "/" + rung + "/" + fold;
    }

    private void record(VolatilityTuneFolds.Fold fold) {
        for (int[] origins :
                List.of(fold.fit().origins(), fold.stop().origins(), fold.score().origins())) {
            for (int k : origins) {
                originRecorder.accept(k);
            }
        }
    }

    /**
     * The fold's fitted and early-stopping origins must be training rows, its scored ones the
     * validation rows the tuner passed.
     */
    private static void checkRows(VolatilityTuneFolds.Fold fold, TrialFold call) {
        int[] train = call.train();
        for (int[] part : List.of(fold.fit().origins(), fold.stop().origins())) {
            for (int k : part) {
                if (Arrays.binarySearch(train, k) < 0) {
                    throw new IllegalStateException(
                            "fold "
                                    + call.fold()
                                    + " would train on origin "
                                    + k
                                    + ", which is not in the tuner's training rows");
                }
            }
        }
        if (!Arrays.equals(fold.score().origins(), call.evaluation())) {
            throw new IllegalStateException(
                    "fold "
                            + call.fold()
                            + " scored origins differ from the tuner's validation rows");
        }
    }
}
