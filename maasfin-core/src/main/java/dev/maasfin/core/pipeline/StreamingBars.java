// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

/**
 * The checks every streaming feature stage makes on a new bar before using it. Thread-safe:
 * stateless.
 */
final class StreamingBars {

    private StreamingBars() {}

    /**
     * Refuses a bar whose time is not after the previous bar's, or whose close is not a finite
     * positive price.
     *
     * @param bar the bar's index in the stream, for the message
     * @param t the bar's time (epoch milliseconds)
     * @param lastTime the previous bar's time, {@link Long#MIN_VALUE} before the first bar
     * @param close the bar's close
     * @throws IllegalArgumentException naming the bar, the value and the rule
     */
    static void check(long bar, long t, long lastTime, double close) {
        if (t <= lastTime) {
            throw new IllegalArgumentException(
                    "bar " + bar + ": time " + t + " is not after the previous " + lastTime);
        }
        if (!(close > 0) || Double.isInfinite(close)) {
            throw new IllegalArgumentException(
                    "bar " + bar + ": close " + close + " must be finite and > 0");
        }
    }
}
