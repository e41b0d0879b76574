// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

/**
 * The function a {@link Tuner} optimises: train one configuration on one fold's training rows and
 * return its metric on that fold's evaluation rows.
 *
 * <p>The caller implements this, usually around a model trainer. During the search {@link
 * TrialFold#evaluation()} holds the fold's validation rows and {@link TrialFold#isTest()} is false;
 * the tuner never passes a test-part row. Only the one call made by {@link
 * Tuner#evaluateOnTest(Configuration)} passes the test part (then {@code isTest()} is true).
 *
 * <p>{@link TrialFold#resource()} is the training budget of this call (for example epochs, or
 * boosting rounds): successive halving and ASHA call the same configuration again with a larger
 * resource when it is promoted, and expect the metric to be comparable across configurations at the
 * same resource. Each call trains from scratch unless the objective itself caches state by {@link
 * TrialFold#trialId()}.
 *
 * <p>Resources are the objective's business. A DJL-backed objective should open its own {@code
 * NDManager} (e.g. {@code try (NDManager m = NDManager.newBaseManager()) {...}}) inside each call
 * and close it before returning, seed its initialisers and data shuffling from {@link
 * TrialFold#seed()}, and return only a primitive {@code double}. Note that an engine-wide seed
 * (such as DJL's {@code Engine.getInstance().setRandomSeed}) is global and races between parallel
 * trials; prefer per-call random sources for bit-reproducible parallel trials. DJL's PyTorch engine
 * also allows one gradient collector per process, so DJL trainings cannot run in parallel threads
 * of one JVM at all (they fail with "A PtGradientCollector is already collecting"; measured with
 * the examples' {@code tune} command): use {@code optThreads(1)} for them.
 *
 * <p>Thread safety: with {@code optThreads(n > 1)} the tuner calls this concurrently from several
 * pool threads with different {@link TrialFold}s; implementations must be thread-safe for that. The
 * folds of one trial run one after the other on one thread.
 */
@FunctionalInterface
public interface Objective {
    /**
     * Trains on {@code fold.train()} with {@code fold.configuration()} and {@code fold.resource()},
     * and returns the metric on {@code fold.evaluation()}.
     *
     * @return the metric; NaN or an infinity marks the trial as failed
     * @throws Exception any failure; the tuner records the trial as failed with the message and
     *     carries on with other trials
     */
    double evaluate(TrialFold fold) throws Exception;
}
