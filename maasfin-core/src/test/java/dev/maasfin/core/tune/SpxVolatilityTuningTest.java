// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.split.Split;
import dev.maasfin.core.baseline.EwmaVolatility;
import dev.maasfin.core.eval.EvalFixtures;
import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.core.metrics.RegressionMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tuner on the real S&P 500 5-day volatility task of the evaluation protocol, with a cheap
 * stand-in for the LSTM: an EWMA forecast whose scale c is fitted on each fold's training rows (the
 * QLIKE-optimal c² = mean(y²/σ²), from setting the derivative of mean(y²/(c²σ²) − ln(y²/(c²σ²)) −
 * 1) to zero) and whose decay λ is tuned. The default configuration is RiskMetrics λ = 0.94.
 */
class SpxVolatilityTuningTest {
    private static VolatilityTask task;
    private static List<Split> folds;
    private static final Set<Integer> searchReads = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void load() {
        task = EvalFixtures.spxTask();
        folds = walkForwardOverValidation(3);
    }

    /**
     * Three expanding folds: the protocol's validation part (2015-2017) cut into three consecutive
     * blocks; fold j trains on the training part and blocks before j, minus the last {@value
     * VolatilityTask#HORIZON} rows before block j (purged: their 5-day targets overlap it); every
     * fold's test part is the protocol's test part (2018 on).
     */
    private static List<Split> walkForwardOverValidation(int k) {
        int[] train = task.positionsOf(VolatilityTask.Part.TRAIN);
        int[] val = task.positionsOf(VolatilityTask.Part.VALIDATION);
        int[] test = task.positionsOf(VolatilityTask.Part.TEST);
        List<Split> out = new ArrayList<>();
        int block = val.length / k;
        for (int j = 0; j < k; j++) {
            int from = j * block;
            int to = j == k - 1 ? val.length : from + block;
            int[] fit = concat(train, Arrays.copyOf(val, from));
            fit = Arrays.copyOf(fit, fit.length - VolatilityTask.HORIZON);
            out.add(new Split(fit, Arrays.copyOfRange(val, from, to), test));
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Fits c on the training rows, returns QLIKE of c·σ_λ on the evaluation rows. */
    private static double ewmaQlike(TrialFold fold) {
        if (!fold.isTest()) {
            Arrays.stream(fold.train()).forEach(searchReads::add);
            Arrays.stream(fold.evaluation()).forEach(searchReads::add);
        }
        int[] origins = task.origins();
        int[] eval = fold.evaluation();
        // Returns up to the last evaluated origin only: EWMA is causal, so this changes nothing but
        // makes the absence of later data obvious.
        double[] r = Arrays.copyOf(task.returns(), origins[eval[eval.length - 1]] + 1);
        double[] sigma = EwmaVolatility.sd(r, fold.configuration().getDouble("lambda"));
        double[] y = task.target();
        double c2 = 0;
        int[] train = fold.train();
        for (int i : train) {
            double s = sigma[origins[i]];
            c2 += y[i] * y[i] / (s * s);
        }
        double c = Math.sqrt(c2 / train.length);
        double[] actual = Arrays.stream(eval).mapToDouble(i -> y[i]).toArray();
        double[] forecast = Arrays.stream(eval).mapToDouble(i -> c * sigma[origins[i]]).toArray();
        return RegressionMetrics.qlike(actual, forecast);
    }

    private static double meanValidationQlike(Configuration configuration) throws Exception {
        double s = 0;
        for (Split f : folds) {
            s +=
                    ewmaQlike(
                            new TrialFold(
                                    0,
                                    0,
                                    0,
                                    configuration,
                                    0,
                                    1,
                                    f.train(),
                                    f.validation(),
                                    false));
        }
        return s / folds.size();
    }

    @Test
    void tunedLambda_beatsRiskMetricsDefault_onValidationQlike_withoutReadingTestRows()
            throws Exception {
        Tuner tuner =
                Tuner.builder()
                        .setSearchSpace(
                                SearchSpace.builder()
                                        .optReal("lambda", 0.80, 0.995, Scale.LINEAR)
                                        .build())
                        .setObjective(SpxVolatilityTuningTest::ewmaQlike)
                        .setFolds(folds)
                        .setDirection(Direction.MINIMISE)
                        .setMaxTrials(24)
                        .setSeed(2026)
                        .optThreads(2)
                        .optListener(TrialListener.none())
                        .build();
        TuningResult result = tuner.search();
        double tuned = result.best().orElseThrow().mean();
        Configuration defaults =
                Configuration.of(Map.of("lambda", EwmaVolatility.RISKMETRICS_LAMBDA));
        double defaultQlike = meanValidationQlike(defaults);

        int[] test = task.positionsOf(VolatilityTask.Part.TEST);
        for (int i : test) {
            assertTrue(!searchReads.contains(i), "search read test position " + i);
        }
        double tunedTest = tuner.evaluateOnTest(result.bestConfiguration());
        System.out.printf(
                "SPX EWMA tuning: best %s validation QLIKE %.5f vs default 0.94 %.5f; test QLIKE"
                        + " %.5f%n",
                result.bestConfiguration(), tuned, defaultQlike, tunedTest);
        assertEquals(24, result.completedCount());
        assertTrue(tuned < defaultQlike, tuned + " not below default " + defaultQlike);
    }
}
