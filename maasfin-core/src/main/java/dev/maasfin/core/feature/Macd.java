// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/**
 * Moving average convergence/divergence: line {@code EMA(fast) - EMA(slow)}, signal {@code
 * EMA(signal)} of the line, histogram {@code line - signal} (TA-Lib {@code MACD}).
 *
 * <p>All EMAs use {@code alpha = 2/(n+1)} and an SMA seed; the signal's seed is the mean of the
 * first {@code signal} line values. {@link MacdStart} names where the fast EMA starts: TA-Lib
 * (default) or independent seeds. Warm-up: {@link #warmUpLine} = {@code slow - 1}, {@link #warmUp}
 * (signal and histogram) = {@code slow + signal - 2}.
 *
 * <p>Thread safety: static methods are stateless; a {@link Stream} is not thread-safe.
 */
public final class Macd {
    private Macd() {}

    /** The three MACD outputs, each as long as the input. */
    public static final class Result {
        private final double[] line;
        private final double[] signal;
        private final double[] histogram;

        Result(double[] line, double[] signal, double[] histogram) {
            this.line = line;
            this.signal = signal;
            this.histogram = histogram;
        }

        /** Returns the MACD line (the caller owns the array). */
        public double[] line() {
            return line;
        }

        /** Returns the signal line (the caller owns the array). */
        public double[] signal() {
            return signal;
        }

        /** Returns the histogram (the caller owns the array). */
        public double[] histogram() {
            return histogram;
        }
    }

    static void checkPeriods(int fast, int slow, int signal) {
        Checks.period("fastPeriod", fast);
        Checks.period("slowPeriod", slow);
        Checks.period("signalPeriod", signal);
        if (fast >= slow) {
            throw new IllegalArgumentException(
                    "fastPeriod must be < slowPeriod but was " + fast + " >= " + slow);
        }
    }

    /**
     * Returns the warm-up of the MACD line: {@code slow - 1}.
     *
     * @throws IllegalArgumentException if a period is {@code < 1} or {@code fast >= slow}
     */
    public static int warmUpLine(int fast, int slow, int signal) {
        checkPeriods(fast, slow, signal);
        return slow - 1;
    }

    /**
     * Returns the warm-up of the signal and histogram: {@code slow + signal - 2}.
     *
     * @throws IllegalArgumentException if a period is {@code < 1} or {@code fast >= slow}
     */
    public static int warmUp(int fast, int slow, int signal) {
        checkPeriods(fast, slow, signal);
        return slow + signal - 2;
    }

    /**
     * Computes MACD with the TA-Lib start into new arrays.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}, {@code fast >= slow} or a value
     *     is not finite
     */
    public static Result compute(double[] x, int fast, int slow, int signal) {
        return compute(x, fast, slow, signal, MacdStart.TA_LIB);
    }

    /**
     * Computes MACD with the given start convention into new arrays.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}, {@code fast >= slow}, {@code
     *     start} is null or a value is not finite
     */
    public static Result compute(double[] x, int fast, int slow, int signal, MacdStart start) {
        int len = Checks.finite("x", x).length;
        Result r = new Result(new double[len], new double[len], new double[len]);
        into(x, fast, slow, signal, start, r.line, r.signal, r.histogram);
        return r;
    }

    /**
     * Writes MACD into caller arrays without allocating.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}, {@code fast >= slow}, {@code
     *     start} is null, a value is not finite or an output is shorter than {@code x}
     */
    public static void into(
            double[] x,
            int fast,
            int slow,
            int signal,
            MacdStart start,
            double[] line,
            double[] signalOut,
            double[] histogram) {
        checkPeriods(fast, slow, signal);
        Objects.requireNonNull(start, "start");
        Checks.finite("x", x);
        Checks.out(line, x.length);
        Checks.out(signalOut, x.length);
        Checks.out(histogram, x.length);
        kernel(x, x.length, fast, slow, signal, start, line, signalOut, histogram);
    }

    /** Computes into the three outputs; {@code histogram} doubles as the fast-EMA scratch. */
    static void kernel(
            double[] x,
            int to,
            int fast,
            int slow,
            int signal,
            MacdStart start,
            double[] line,
            double[] signalOut,
            double[] histogram) {
        int fastFrom = start == MacdStart.TA_LIB ? slow - fast : 0;
        Checks.fillNaN(histogram, 0, Math.min(fastFrom, to));
        Ema.kernel(x, fastFrom, to, fast, EmaSeed.SMA, histogram);
        Ema.kernel(x, 0, to, slow, EmaSeed.SMA, line);
        for (int i = slow - 1; i < to; i++) {
            line[i] = histogram[i] - line[i];
        }
        int lineStart = Math.min(slow - 1, to);
        Checks.fillNaN(signalOut, 0, lineStart);
        Ema.kernel(line, lineStart, to, signal, EmaSeed.SMA, signalOut);
        for (int i = 0; i < to; i++) {
            histogram[i] = line[i] - signalOut[i];
        }
    }

    /**
     * Creates an O(1), allocation-free streaming MACD.
     *
     * @throws IllegalArgumentException if a period is {@code < 1}, {@code fast >= slow} or {@code
     *     start} is null
     */
    public static Stream stream(int fast, int slow, int signal, MacdStart start) {
        return new Stream(fast, slow, signal, start);
    }

    /** Incremental MACD giving the batch values. Not thread-safe. */
    public static final class Stream {
        private final Ema.Stream fastEma;
        private final Ema.Stream slowEma;
        private final Ema.Stream signalEma;
        private final int fastSkip;
        private long count;
        private double line = Double.NaN;
        private double signal = Double.NaN;

        Stream(int fast, int slow, int signal, MacdStart start) {
            checkPeriods(fast, slow, signal);
            Objects.requireNonNull(start, "start");
            this.fastEma = new Ema.Stream(fast, EmaSeed.SMA);
            this.slowEma = new Ema.Stream(slow, EmaSeed.SMA);
            this.signalEma = new Ema.Stream(signal, EmaSeed.SMA);
            this.fastSkip = start == MacdStart.TA_LIB ? slow - fast : 0;
        }

        /**
         * Adds the next value.
         *
         * @throws IllegalArgumentException if {@code x} is not finite
         */
        public void update(double x) {
            Checks.finiteBar("x", x, count);
            double f = count++ >= fastSkip ? fastEma.update(x) : Double.NaN;
            double s = slowEma.update(x);
            line = f - s;
            if (!Double.isNaN(line)) {
                signal = signalEma.update(line);
            }
        }

        /** Returns the latest MACD line, {@code NaN} during its warm-up. */
        public double line() {
            return line;
        }

        /** Returns the latest signal, {@code NaN} during its warm-up. */
        public double signal() {
            return signal;
        }

        /** Returns the latest histogram, {@code NaN} during its warm-up. */
        public double histogram() {
            return line - signal;
        }
    }
}
