// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * On-balance volume (TA-Lib {@code OBV}): a running total that adds the bar's volume when the close
 * rose, subtracts it when the close fell, and is unchanged on an equal close.
 *
 * <p>No warm-up; the starting value is {@link ObvStart} ({@link ObvStart#FIRST_VOLUME} as TA-Lib by
 * default). Volume must be reported on every bar.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Obv {
    private Obv() {}

    /**
     * Returns the OBV in a new array.
     *
     * @throws IllegalArgumentException if lengths differ, a close is not finite, a volume is
     *     negative, infinite or {@code NaN}, or {@code start} is null
     */
    public static double[] compute(double[] close, double[] volume, ObvStart start) {
        Objects.requireNonNull(start, "start");
        Checks.finite("close", close);
        Checks.volume(volume, close);
        double[] out = new double[close.length];
        kernel(close, volume, close.length, start, out);
        return out;
    }

    static void kernel(double[] close, double[] volume, int to, ObvStart start, double[] out) {
        if (to == 0) {
            return;
        }
        double obv = start == ObvStart.ZERO ? 0 : volume[0];
        out[0] = obv;
        for (int i = 1; i < to; i++) {
            obv += step(close[i], close[i - 1], volume[i]);
            out[i] = obv;
        }
    }

    static double step(double close, double prevClose, double volume) {
        return close > prevClose ? volume : close < prevClose ? -volume : 0;
    }

    /**
     * Creates an O(1) streaming OBV.
     *
     * @throws IllegalArgumentException if {@code start} is null
     */
    public static Stream stream(ObvStart start) {
        return new Stream(start);
    }

    /** Incremental OBV giving the batch values. Not thread-safe. */
    public static final class Stream {
        private final ObvStart start;
        private long count;
        private double prevClose;
        private double value = Double.NaN;

        Stream(ObvStart start) {
            this.start = Objects.requireNonNull(start, "start");
        }

        /**
         * Adds the next bar and returns the OBV at it.
         *
         * @throws IllegalArgumentException if the close is not finite or the volume is negative,
         *     infinite or {@code NaN}
         */
        public double update(double close, double volume) {
            Checks.finiteBar("close", close, count);
            if (!(volume >= 0) || Double.isInfinite(volume)) {
                throw new IllegalArgumentException(
                        "volume of bar " + count + " must be finite and >= 0 but was " + volume);
            }
            if (count++ == 0) {
                value = start == ObvStart.ZERO ? 0 : volume;
            } else {
                value += step(close, prevClose, volume);
            }
            prevClose = close;
            return value;
        }

        /** Returns the latest OBV, {@code NaN} before the first bar. */
        public double value() {
            return value;
        }
    }
}
