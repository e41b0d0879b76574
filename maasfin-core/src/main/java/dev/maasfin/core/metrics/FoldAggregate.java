// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Summary of one metric over folds: the mean over folds where it is defined, and how many folds
 * were undefined (reported, never averaged in).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric's name
 * @param mean mean over defined folds, NaN if none was defined
 * @param definedFolds number of folds with a value
 * @param undefinedFolds number of folds where the metric was undefined
 * @param undefinedReasons the reasons, in fold order
 */
public record FoldAggregate(
        String metric,
        double mean,
        int definedFolds,
        int undefinedFolds,
        List<String> undefinedReasons) {

    /** Creates the summary; the reason list is copied. */
    public FoldAggregate {
        Objects.requireNonNull(metric, "metric");
        undefinedReasons = List.copyOf(undefinedReasons);
    }

    /**
     * Summarises fold outcomes of one metric.
     *
     * @throws IllegalArgumentException if the list is empty or mixes metric names
     */
    public static FoldAggregate of(List<MetricOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("outcomes must not be empty");
        }
        String metric = outcomes.get(0).metric();
        double sum = 0;
        int defined = 0;
        List<String> reasons = new ArrayList<>();
        for (MetricOutcome o : outcomes) {
            if (!o.metric().equals(metric)) {
                throw new IllegalArgumentException(
                        "outcomes must share one metric but found "
                                + metric
                                + " and "
                                + o.metric());
            }
            if (o.isDefined()) {
                sum += o.value();
                defined++;
            } else {
                reasons.add(o.undefinedReason());
            }
        }
        double mean = defined == 0 ? Double.NaN : sum / defined;
        return new FoldAggregate(metric, mean, defined, reasons.size(), reasons);
    }
}
