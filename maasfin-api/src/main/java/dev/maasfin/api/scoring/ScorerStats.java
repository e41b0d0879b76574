// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.scoring;

/**
 * A snapshot of a scorer's counters and call latencies.
 *
 * <p>Latencies are wall-clock nanoseconds per scoring call (a batch call counts once), from a
 * log-linear histogram whose buckets are at most 1/16 (6.25 %) wide relative to their value; a
 * percentile is the upper bound of the bucket holding that rank, so it may overstate by that much.
 * All percentiles are 0 before the first call. Counters and percentiles are read without a lock
 * while calls continue, so they may be off by the calls in flight. Thread-safe: immutable.
 *
 * @param calls completed scoring calls, successful or not
 * @param windows windows scored successfully (a batch of 64 adds 64)
 * @param failures calls that threw (invalid input or a closed scorer)
 * @param swaps versions swapped in after the first
 * @param version the version currently serving
 * @param liveModels loaded pipelines not yet closed (the current one plus any old one still
 *     finishing in-flight calls)
 * @param p50Nanos median call latency
 * @param p90Nanos 90th percentile
 * @param p99Nanos 99th percentile
 * @param p999Nanos 99.9th percentile
 * @param maxNanos largest latency recorded (bucket upper bound)
 */
public record ScorerStats(
        long calls,
        long windows,
        long failures,
        long swaps,
        int version,
        int liveModels,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos) {}
