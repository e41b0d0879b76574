// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Objects;

/**
 * Thrown when a metric has no value for the given input, for example ROC-AUC when only one class is
 * present.
 *
 * <p>It extends {@link IllegalArgumentException} so a caller that treats it as bad input needs no
 * extra handling, while fold aggregation can catch it specifically and report the fold as undefined
 * instead of averaging a made-up number in (see {@link MetricOutcome}). Instances are immutable and
 * thread-safe.
 */
public final class UndefinedMetricException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String metric;

    /**
     * Creates the exception.
     *
     * @param metric the metric's name, e.g. {@code "ROC-AUC"}
     * @param reason why it is undefined; the message is {@code metric + " is undefined: " + reason}
     */
    public UndefinedMetricException(String metric, String reason) {
        super(Objects.requireNonNull(metric, "metric") + " is undefined: " + reason);
        this.metric = metric;
    }

    /** Returns the name of the metric that is undefined. */
    public String metric() {
        return metric;
    }
}
