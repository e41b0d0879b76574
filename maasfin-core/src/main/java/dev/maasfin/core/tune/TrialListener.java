// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives each trial result as it completes, e.g. to show progress.
 *
 * <p>The tuner calls it on the thread that called {@link Tuner#search()}, one call at a time, in
 * completion order (which with several threads is not the sampling order); so an implementation
 * need not be thread-safe unless it shares state with other code. An exception thrown by the
 * listener ends the search: running trials are interrupted and the exception propagates from {@code
 * search()}.
 */
@FunctionalInterface
public interface TrialListener {
    /** Called once per finished trial and rung. */
    void trialFinished(TrialRecord record);

    /** Returns a listener that does nothing. */
    static TrialListener none() {
        return r -> {};
    }

    /**
     * Returns the default listener: one SLF4J INFO line per finished trial and rung on logger
     * {@code dev.maasfin.core.tune.Tuner}, with the trial id, rung, resource, status, mean metric
     * and wall time (configurations are hyper-parameters, never data, so they may be logged).
     */
    static TrialListener logging() {
        Logger log = LoggerFactory.getLogger(Tuner.class);
        return r ->
                log.info(
                        "trial {} rung {} resource {}: {} mean {} in {} ms {}",
                        r.trialId(),
                        r.rung(),
                        r.resource(),
                        r.status(),
                        r.mean(),
                        r.wallMillis(),
                        r.configuration());
    }
}
