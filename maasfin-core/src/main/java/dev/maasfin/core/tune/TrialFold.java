// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.Objects;

/**
 * Everything one {@link Objective} call needs: the configuration, the trial's seed, the resource
 * level and the fold's row indices.
 *
 * <p>Row indices refer to the caller's data (e.g. samples of a windowed dataset), are sorted
 * ascending and are the caller's {@link dev.maasfin.api.split.Split} parts: {@link #train()} is the
 * fold's training part and {@link #evaluation()} its validation part during the search. In the one
 * final test evaluation {@link #train()} is the last fold's training and validation rows together
 * and {@link #evaluation()} is the test part. Thread-safe: immutable (arrays copied out).
 */
public final class TrialFold {
    private final int trialId;
    private final int rung;
    private final int fold;
    private final Configuration configuration;
    private final long seed;
    private final int resource;
    private final int[] train;
    private final int[] evaluation;
    private final boolean test;

    TrialFold(
            int trialId,
            int rung,
            int fold,
            Configuration configuration,
            long seed,
            int resource,
            int[] train,
            int[] evaluation,
            boolean test) {
        this.trialId = trialId;
        this.rung = rung;
        this.fold = fold;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.seed = seed;
        this.resource = resource;
        this.train = train;
        this.evaluation = evaluation;
        this.test = test;
    }

    /** Returns the trial number (0-based order of sampling), or -1 in the final test call. */
    public int trialId() {
        return trialId;
    }

    /** Returns the halving rung (0 for the first, smallest resource), or -1 in the final call. */
    public int rung() {
        return rung;
    }

    /** Returns the 0-based fold number, or -1 in the final test call. */
    public int fold() {
        return fold;
    }

    /** Returns the configuration to train. */
    public Configuration configuration() {
        return configuration;
    }

    /**
     * Returns the trial's seed: derived from the tuner seed and the trial number only, so it is the
     * same for every fold and rung of a trial and does not depend on thread timing.
     */
    public long seed() {
        return seed;
    }

    /** Returns the training budget of this call (e.g. epochs), >= 1. */
    public int resource() {
        return resource;
    }

    /** Returns a copy of the training row indices. */
    public int[] train() {
        return train.clone();
    }

    /** Returns a copy of the rows the metric is computed on: validation, or test when final. */
    public int[] evaluation() {
        return evaluation.clone();
    }

    /** Returns {@code true} only in the single final evaluation on the test part. */
    public boolean isTest() {
        return test;
    }

    @Override
    public String toString() {
        return (test ? "final test" : "trial " + trialId + " rung " + rung + " fold " + fold)
                + " resource "
                + resource
                + " "
                + configuration;
    }
}
