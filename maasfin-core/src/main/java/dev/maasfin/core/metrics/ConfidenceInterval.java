// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

/**
 * A point estimate with a bootstrap percentile interval.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimate the metric on the full sample
 * @param lower lower percentile bound
 * @param upper upper percentile bound
 * @param level coverage, e.g. 0.95
 * @param resamples number of bootstrap resamples
 */
public record ConfidenceInterval(
        double estimate, double lower, double upper, double level, int resamples) {}
