// SPDX-License-Identifier: Apache-2.0
/**
 * In-process scoring: the thread-safe {@link dev.maasfin.djl.scoring.Scorer} with hot swap to a
 * newer registry version, counters and latency percentiles, serving each version through DJL or a
 * pure-Java kernel ({@link dev.maasfin.djl.scoring.ScoringPath}); the bar-by-bar {@link
 * dev.maasfin.djl.scoring.StreamingScorer}; and {@link dev.maasfin.djl.scoring.ScoringThreads},
 * PyTorch's intra-op and inter-op thread counts. Only primitive arrays and maasfin types cross this
 * package's API; every native array lives in a per-call scope.
 */
package dev.maasfin.djl.scoring;
