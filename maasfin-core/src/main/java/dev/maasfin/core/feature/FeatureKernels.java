// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import dev.maasfin.core.feature.FeatureSpec.AtrSpec;
import dev.maasfin.core.feature.FeatureSpec.BollingerSpec;
import dev.maasfin.core.feature.FeatureSpec.CciSpec;
import dev.maasfin.core.feature.FeatureSpec.DayOfWeekSpec;
import dev.maasfin.core.feature.FeatureSpec.EmaSpec;
import dev.maasfin.core.feature.FeatureSpec.MacdSpec;
import dev.maasfin.core.feature.FeatureSpec.MaxDrawdownSpec;
import dev.maasfin.core.feature.FeatureSpec.MfiSpec;
import dev.maasfin.core.feature.FeatureSpec.MomentumSpec;
import dev.maasfin.core.feature.FeatureSpec.MonthEndSpec;
import dev.maasfin.core.feature.FeatureSpec.ObvSpec;
import dev.maasfin.core.feature.FeatureSpec.ReturnKind;
import dev.maasfin.core.feature.FeatureSpec.ReturnSpec;
import dev.maasfin.core.feature.FeatureSpec.RocSpec;
import dev.maasfin.core.feature.FeatureSpec.RollingStdSpec;
import dev.maasfin.core.feature.FeatureSpec.RsiSpec;
import dev.maasfin.core.feature.FeatureSpec.SmaSpec;
import dev.maasfin.core.feature.FeatureSpec.StochasticSpec;
import dev.maasfin.core.feature.FeatureSpec.TrueRangeSpec;
import dev.maasfin.core.feature.FeatureSpec.VolatilityEstimator;
import dev.maasfin.core.feature.FeatureSpec.VolatilitySpec;
import dev.maasfin.core.feature.FeatureSpec.WilliamsRSpec;
import dev.maasfin.core.feature.FeatureSpec.WmaSpec;
import dev.maasfin.core.feature.FeatureSpec.ZScoreSpec;
import java.time.ZoneId;
import java.util.function.Function;

/** Binds each {@link FeatureSpec} to its batch kernel and its streaming form. */
final class FeatureKernels {
    private FeatureKernels() {}

    /** Writes a feature's columns {@code out[col ..]} for rows {@code [0, to)} of {@code bars}. */
    @FunctionalInterface
    interface Batch {
        void compute(Bars bars, int to, double[][] out, int col, double[] scratch);
    }

    /** A spec's kernels; {@code stream} is null for finite-window features. */
    static final class Kernel {
        final FeatureSpec spec;
        final Batch batch;
        final Function<ZoneId, FeatureStream> stream;
        final boolean needsVolume;
        final boolean needsZone;

        Kernel(
                FeatureSpec spec,
                Batch batch,
                Function<ZoneId, FeatureStream> stream,
                boolean needsVolume,
                boolean needsZone) {
            this.spec = spec;
            this.batch = batch;
            this.stream = stream;
            this.needsVolume = needsVolume;
            this.needsZone = needsZone;
        }

        /** Returns a dedicated O(1) stream, or a stream recomputing the last window. */
        FeatureStream newStream(ZoneId zone) {
            return stream != null
                    ? stream.apply(zone)
                    : new WindowStream(batch, spec.warmUp() + 1, spec.columnCount(), zone);
        }
    }

    private static Kernel windowed(FeatureSpec spec, Batch batch) {
        return new Kernel(spec, batch, null, false, false);
    }

    private static Kernel streamed(
            FeatureSpec spec, Batch batch, Function<ZoneId, FeatureStream> stream) {
        return new Kernel(spec, batch, stream, false, false);
    }

    static Kernel of(FeatureSpec spec) {
        Kernel k = movingAverages(spec);
        k = k != null ? k : oscillators(spec);
        k = k != null ? k : ranges(spec);
        k = k != null ? k : statistics(spec);
        if (k == null) {
            throw new IllegalArgumentException("no kernel for feature " + spec);
        }
        return k;
    }

    private static Kernel movingAverages(FeatureSpec spec) {
        if (spec instanceof SmaSpec s) {
            int p = s.period();
            return streamed(
                    s,
                    (b, to, out, c, tmp) -> Sma.kernel(b.close, 0, to, p, out[c]),
                    z -> {
                        Sma.Stream st = Sma.stream(p);
                        return (t, o, h, l, cl, v, row, at) -> row[at] = st.update(cl);
                    });
        }
        if (spec instanceof EmaSpec s) {
            int p = s.period();
            EmaSeed seed = s.seed();
            return streamed(
                    s,
                    (b, to, out, c, tmp) -> Ema.kernel(b.close, 0, to, p, seed, out[c]),
                    z -> {
                        Ema.Stream st = Ema.stream(p, seed);
                        return (t, o, h, l, cl, v, row, at) -> row[at] = st.update(cl);
                    });
        }
        if (spec instanceof WmaSpec s) {
            return windowed(s, (b, to, out, c, tmp) -> Wma.kernel(b.close, to, s.period(), out[c]));
        }
        if (spec instanceof MacdSpec s) {
            return streamed(
                    s,
                    (b, to, out, c, tmp) ->
                            Macd.kernel(
                                    b.close,
                                    to,
                                    s.fast(),
                                    s.slow(),
                                    s.signal(),
                                    s.start(),
                                    out[c],
                                    out[c + 1],
                                    out[c + 2]),
                    z -> macdStream(s));
        }
        return null;
    }

    private static FeatureStream macdStream(MacdSpec s) {
        Macd.Stream st = Macd.stream(s.fast(), s.slow(), s.signal(), s.start());
        return (t, o, h, l, c, v, row, at) -> {
            st.update(c);
            row[at] = st.line();
            row[at + 1] = st.signal();
            row[at + 2] = st.histogram();
        };
    }

    private static Kernel oscillators(FeatureSpec spec) {
        if (spec instanceof RsiSpec s) {
            int p = s.period();
            return streamed(
                    s,
                    (b, to, out, c, tmp) -> Rsi.kernel(b.close, to, p, out[c]),
                    z -> {
                        Rsi.Stream st = Rsi.stream(p);
                        return (t, o, h, l, cl, v, row, at) -> row[at] = st.update(cl);
                    });
        }
        if (spec instanceof StochasticSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            Stochastic.kernel(
                                    b.high,
                                    b.low,
                                    b.close,
                                    to,
                                    s.period(),
                                    s.kSmoothing(),
                                    s.dPeriod(),
                                    out[c],
                                    out[c + 1]));
        }
        if (spec instanceof WilliamsRSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            WilliamsR.kernel(b.high, b.low, b.close, to, s.period(), out[c]));
        }
        if (spec instanceof CciSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            Cci.kernel(b.high, b.low, b.close, to, s.period(), out[c], tmp));
        }
        if (spec instanceof MfiSpec s) {
            return new Kernel(
                    s,
                    (b, to, out, c, tmp) ->
                            Mfi.kernel(b.high, b.low, b.close, b.volume, to, s.period(), out[c]),
                    null,
                    true,
                    false);
        }
        if (spec instanceof RocSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            RateOfChange.rocKernel(b.close, to, s.period(), out[c]));
        }
        if (spec instanceof MomentumSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            RateOfChange.momentumKernel(b.close, to, s.period(), out[c]));
        }
        return null;
    }

    private static Kernel ranges(FeatureSpec spec) {
        if (spec instanceof AtrSpec s) {
            int p = s.period();
            return streamed(
                    s,
                    (b, to, out, c, tmp) -> Atr.kernel(b.high, b.low, b.close, to, p, out[c]),
                    z -> {
                        Atr.Stream st = Atr.stream(p);
                        return (t, o, h, l, cl, v, row, at) -> row[at] = st.update(h, l, cl);
                    });
        }
        if (spec instanceof TrueRangeSpec s) {
            return streamed(
                    s,
                    (b, to, out, c, tmp) -> TrueRange.kernel(b.high, b.low, b.close, to, out[c]),
                    z -> {
                        Atr.Stream st = Atr.stream(1);
                        return (t, o, h, l, cl, v, row, at) -> {
                            st.update(h, l, cl);
                            row[at] = st.trueRange();
                        };
                    });
        }
        if (spec instanceof ObvSpec s) {
            return new Kernel(
                    s,
                    (b, to, out, c, tmp) -> Obv.kernel(b.close, b.volume, to, s.start(), out[c]),
                    z -> {
                        Obv.Stream st = Obv.stream(s.start());
                        return (t, o, h, l, cl, v, row, at) -> row[at] = st.update(cl, v);
                    },
                    true,
                    false);
        }
        if (spec instanceof VolatilitySpec s) {
            return windowed(s, (b, to, out, c, tmp) -> volatility(s, b, to, out[c], tmp));
        }
        return null;
    }

    private static void volatility(VolatilitySpec s, Bars b, int to, double[] out, double[] tmp) {
        double a = s.annualisation();
        int w = s.window();
        if (s.estimator() == VolatilityEstimator.CLOSE_TO_CLOSE) {
            Volatility.closeToCloseKernel(b.close, to, w, a, tmp, out);
        } else if (s.estimator() == VolatilityEstimator.PARKINSON) {
            Volatility.parkinsonKernel(b.high, b.low, to, w, a, tmp, out);
        } else {
            Volatility.garmanKlassKernel(b.open, b.high, b.low, b.close, to, w, a, tmp, out);
        }
    }

    private static Kernel statistics(FeatureSpec spec) {
        if (spec instanceof ReturnSpec s) {
            boolean log = s.kind() == ReturnKind.LOG;
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            Returns.kernel(
                                    b.close, to, s.lag(), MissingPricePolicy.STRICT, log, out[c]));
        }
        if (spec instanceof BollingerSpec s) {
            return streamed(
                    s,
                    (b, to, out, c, tmp) ->
                            Bollinger.kernel(
                                    b.close,
                                    to,
                                    s.period(),
                                    s.k(),
                                    s.deviation().ddof(),
                                    out[c],
                                    out[c + 1],
                                    out[c + 2],
                                    out[c + 3],
                                    out[c + 4]),
                    z -> bollingerStream(s));
        }
        if (spec instanceof RollingStdSpec s) {
            return windowed(
                    s,
                    (b, to, out, c, tmp) ->
                            RollingStd.kernel(
                                    b.close,
                                    0,
                                    to,
                                    s.period(),
                                    s.deviation().ddof(),
                                    null,
                                    out[c]));
        }
        if (spec instanceof ZScoreSpec s) {
            return windowed(s, (b, to, out, c, tmp) -> zScore(s, b, to, out[c], tmp));
        }
        if (spec instanceof MaxDrawdownSpec s) {
            return windowed(
                    s, (b, to, out, c, tmp) -> MaxDrawdown.kernel(b.close, to, s.window(), out[c]));
        }
        return calendar(spec);
    }

    private static FeatureStream bollingerStream(BollingerSpec s) {
        Bollinger.Stream st = Bollinger.stream(s.period(), s.k(), s.deviation());
        return (t, o, h, l, c, v, row, at) -> {
            st.update(c);
            row[at] = st.middle();
            row[at + 1] = st.upper();
            row[at + 2] = st.lower();
            row[at + 3] = st.percentB();
            row[at + 4] = st.bandwidth();
        };
    }

    private static void zScore(ZScoreSpec s, Bars b, int to, double[] out, double[] mean) {
        RollingStd.kernel(b.close, 0, to, s.period(), s.deviation().ddof(), mean, out);
        for (int i = 0; i < to; i++) {
            out[i] = RollingStd.zScore(b.close[i], mean[i], out[i]);
        }
    }

    private static Kernel calendar(FeatureSpec spec) {
        if (spec instanceof DayOfWeekSpec s) {
            return new Kernel(
                    s,
                    (b, to, out, c, tmp) -> {
                        for (int i = 0; i < to; i++) {
                            out[c][i] = CalendarFeatures.dayOfWeek(b.times[i], b.zone);
                        }
                    },
                    z -> (t, o, h, l, cl, v, row, at) -> row[at] = CalendarFeatures.dayOfWeek(t, z),
                    false,
                    true);
        }
        if (spec instanceof MonthEndSpec s) {
            return new Kernel(
                    s,
                    (b, to, out, c, tmp) -> {
                        for (int i = 0; i < to; i++) {
                            out[c][i] = CalendarFeatures.monthEnd(b.times[i], b.zone);
                        }
                    },
                    z -> (t, o, h, l, cl, v, row, at) -> row[at] = CalendarFeatures.monthEnd(t, z),
                    false,
                    true);
        }
        return null;
    }

    /**
     * Streams a finite-window feature by recomputing its batch kernel over the last {@code warmUp +
     * 1} bars (fewer at the start), so it equals the batch value; O(window) per bar, no allocation
     * after construction.
     */
    static final class WindowStream implements FeatureStream {
        private final Batch batch;
        private final Bars ring;
        private final Bars window;
        private final double[][] out;
        private final double[] scratch;
        private final int capacity;
        private int pos;
        private long count;

        WindowStream(Batch batch, int capacity, int columns, ZoneId zone) {
            this.batch = batch;
            this.capacity = capacity;
            this.ring = new Bars(capacity, zone);
            this.window = new Bars(capacity, zone);
            this.out = new double[columns][capacity];
            this.scratch = new double[capacity];
        }

        @Override
        public void update(
                long time, double o, double h, double l, double c, double v, double[] row, int at) {
            ring.set(pos, time, o, h, l, c, v);
            pos = pos + 1 == capacity ? 0 : pos + 1;
            count++;
            int m = (int) Math.min(count, capacity);
            int start = count < capacity ? 0 : pos;
            for (int k = 0; k < m; k++) {
                int j = start + k;
                window.copyRow(ring, j >= capacity ? j - capacity : j, k);
            }
            batch.compute(window, m, out, 0, scratch);
            for (int col = 0; col < out.length; col++) {
                row[at + col] = out[col][m - 1];
            }
        }
    }
}
