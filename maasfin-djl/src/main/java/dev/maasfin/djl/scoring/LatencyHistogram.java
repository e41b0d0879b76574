// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of non-negative nanosecond latencies.
 *
 * <p>Values below 16 get a bucket each; above, every power of two is split into 16 equal buckets,
 * so a bucket's width is at most 1/16 of its lower bound. Recording is one {@code getAndIncrement}
 * on an {@link AtomicLongArray} slot: no lock and no allocation. A percentile is the upper bound of
 * the bucket that holds its rank (nearest-rank definition), so it may overstate the true value by
 * up to 6.25 %. Thread-safe: concurrent {@link #record} and {@link #percentile} calls are allowed;
 * a percentile read while values are recorded reflects some of them.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one value; negative values count as 0. */
    void record(long nanos) {
        counts.getAndIncrement(index(Math.max(0, nanos)));
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB - 1));
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    /** Returns the largest value that falls in bucket {@code i}. */
    static long upperBound(int i) {
        if (i < SUB) {
            return i;
        }
        int exp = i / SUB + SUB_BITS - 1;
        long sub = i % SUB;
        long lower = (1L << exp) + (sub << (exp - SUB_BITS));
        return lower + (1L << (exp - SUB_BITS)) - 1;
    }

    /** Returns the number of values recorded. */
    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /**
     * Returns the nearest-rank percentile as the upper bound of its bucket, or 0 when empty.
     *
     * @param p the fraction in {@code (0, 1]}
     */
    long percentile(double p) {
        long[] snap = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snap[i] = counts.get(i);
            total += snap[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snap[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }
}
