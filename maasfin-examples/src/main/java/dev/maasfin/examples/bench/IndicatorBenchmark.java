// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.core.feature.Ema;
import dev.maasfin.core.feature.EmaSeed;
import dev.maasfin.core.feature.FeatureSet;
import dev.maasfin.core.feature.FeatureSpec;
import dev.maasfin.core.feature.Sma;
import dev.maasfin.core.feature.StreamingFeatureSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Feature extraction speed: maasfin against ta4j 0.17 (its fastest numeric mode, {@code DoubleNum},
 * with its default per-indicator caching) on the same 1,000,000 synthetic daily bars, in one JMH
 * run. Scores are bars per second (each batch invocation processes every bar once;
 * {@code @OperationsPerInvocation} turns invocations into bars). The streaming benchmark updates
 * one bar per operation, so {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per bar.
 *
 * <p>The 12 features, built the same way on both sides: SMA(20), EMA(20), WMA(14), RSI(14), MACD
 * 12/26/9 (line and signal), Bollinger 20/2 (middle, upper, lower), ATR(14), stochastic %K(14) and
 * %D(3), ROC(10), OBV, rolling sd(20) and CCI(20). ta4j indicators are created anew in each
 * invocation (a cached indicator would otherwise return stored values) and read bar by bar in
 * order, as a ta4j backtest does. The stochastic is composed from ta4j's {@code
 * HighestValueIndicator}/{@code LowestValueIndicator}: ta4j 0.17's {@code
 * StochasticOscillatorKIndicator} creates new cached highest/lowest indicators inside every {@code
 * calculate} call, each sized to the bar index, which is quadratic in the series length (one
 * 1,000,000-bar invocation did not finish in 5 minutes).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IndicatorBenchmark {
    static final int BARS = 1_000_000;

    /** maasfin inputs, built once per trial: a seeded random walk as arrays and a BarSeries. */
    @State(Scope.Benchmark)
    public static class MaasfinBars {
        BarSeries series;
        FeatureSet features;
        double[][] ohlcv;
        double[] close;
        double[] out;

        /** Builds the bars. */
        @Setup
        public void setUp() {
            ohlcv = randomWalk(BARS, 7);
            series =
                    new BarSeries(
                            "bench",
                            ZoneOffset.UTC,
                            times(),
                            ohlcv[0],
                            ohlcv[1],
                            ohlcv[2],
                            ohlcv[3],
                            ohlcv[4],
                            null);
            features = twelveFeatures();
            close = ohlcv[3];
            out = new double[BARS];
        }
    }

    /** The same bars as a ta4j DoubleNum series; only the ta4j benchmarks build it. */
    @State(Scope.Benchmark)
    public static class Ta4jBars {
        org.ta4j.core.BarSeries series;

        /** Builds the ta4j series. */
        @Setup
        public void setUp() {
            series = ta4j(times(), randomWalk(BARS, 7));
        }
    }

    /** One streaming feature-set state fed bar after bar. */
    @State(Scope.Benchmark)
    public static class Streaming {
        StreamingFeatureSet stream;
        double[] row;
        long tick;

        /** Creates the streaming state. */
        @Setup
        public void setUp() {
            FeatureSet set = twelveFeatures();
            stream = set.streaming();
            row = new double[set.columnCount()];
        }
    }

    static long[] times() {
        long[] times = new long[BARS];
        for (int i = 0; i < BARS; i++) {
            times[i] = i * 86_400_000L;
        }
        return times;
    }

    static FeatureSet twelveFeatures() {
        return FeatureSet.of(
                FeatureSpec.sma(20),
                FeatureSpec.ema(20),
                FeatureSpec.wma(14),
                FeatureSpec.rsi(14),
                FeatureSpec.macd(12, 26, 9),
                FeatureSpec.bollinger(20, 2),
                FeatureSpec.atr(14),
                FeatureSpec.stochastic(14, 3, 3),
                FeatureSpec.roc(10),
                FeatureSpec.obv(),
                FeatureSpec.rollingStd(20),
                FeatureSpec.cci(20));
    }

    static double[][] randomWalk(int n, long seed) {
        Random r = new Random(seed);
        double[][] b = new double[5][n];
        double c = 100;
        for (int i = 0; i < n; i++) {
            double o = c;
            c = c * Math.exp(0.01 * r.nextGaussian());
            b[0][i] = o;
            b[1][i] = Math.max(o, c) * (1 + 0.005 * r.nextDouble());
            b[2][i] = Math.min(o, c) * (1 - 0.005 * r.nextDouble());
            b[3][i] = c;
            b[4][i] = 1_000_000 + r.nextInt(1_000_000);
        }
        return b;
    }

    private static org.ta4j.core.BarSeries ta4j(long[] times, double[][] b) {
        org.ta4j.core.BarSeries s =
                new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < times.length; i++) {
            ZonedDateTime t =
                    ZonedDateTime.ofInstant(Instant.ofEpochMilli(times[i]), ZoneOffset.UTC);
            s.addBar(t, b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]);
        }
        return s;
    }

    /** maasfin: the 12-feature set over all bars, as a time-indexed Frame. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public Object featureSetMaasfin(MaasfinBars bars) {
        return bars.features.compute(bars.series);
    }

    /** ta4j: the same 12 features, every value of every bar read once. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double featureSetTa4j(Ta4jBars bars) {
        List<Indicator<Num>> indicators = ta4jIndicators(bars.series);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            for (Indicator<Num> ind : indicators) {
                sum += ind.getValue(i).doubleValue();
            }
        }
        return sum;
    }

    static List<Indicator<Num>> ta4jIndicators(org.ta4j.core.BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        StandardDeviationIndicator sd20 = new StandardDeviationIndicator(close, 20);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(sma20);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        LowestValueIndicator lowest = new LowestValueIndicator(new LowPriceIndicator(s), 14);
        HighestValueIndicator highest = new HighestValueIndicator(new HighPriceIndicator(s), 14);
        NumericIndicator fastK =
                NumericIndicator.of(close)
                        .minus(lowest)
                        .dividedBy(NumericIndicator.of(highest).minus(lowest))
                        .multipliedBy(100);
        SMAIndicator slowK = new SMAIndicator(fastK, 3);
        return List.of(
                sma20,
                new EMAIndicator(close, 20),
                new WMAIndicator(close, 14),
                new RSIIndicator(close, 14),
                macd,
                new EMAIndicator(macd, 9),
                middle,
                new BollingerBandsUpperIndicator(middle, sd20),
                new BollingerBandsLowerIndicator(middle, sd20),
                new ATRIndicator(s, 14),
                slowK,
                new SMAIndicator(slowK, 3),
                new ROCIndicator(close, 10),
                new OnBalanceVolumeIndicator(s),
                sd20,
                new CCIIndicator(s, 20));
    }

    /** maasfin SMA(20) alone, into a reused array. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double[] smaMaasfin(MaasfinBars bars) {
        Sma.into(bars.close, 20, bars.out);
        return bars.out;
    }

    /** maasfin EMA(20) alone (TA-Lib seed), into a reused array. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double[] emaMaasfin(MaasfinBars bars) {
        Ema.into(bars.close, 20, EmaSeed.SMA, bars.out);
        return bars.out;
    }

    /** ta4j SMA(20) alone, for reference. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double smaTa4j(Ta4jBars bars) {
        SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(bars.series), 20);
        double sum = 0;
        for (int i = 0; i < BARS; i++) {
            sum += sma.getValue(i).doubleValue();
        }
        return sum;
    }

    /** maasfin streaming: one bar through the 12-feature set per operation. */
    @Benchmark
    public void streamingOneBar(MaasfinBars bars, Streaming s, Blackhole bh) {
        int i = (int) (s.tick % BARS);
        double[][] b = bars.ohlcv;
        s.stream.update(s.tick * 60_000L, b[0][i], b[1][i], b[2][i], b[3][i], b[4][i], s.row);
        s.tick++;
        bh.consume(s.row);
    }
}
