// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The definition of one feature: which indicator and which parameters, as an immutable value.
 *
 * <p>A spec knows its output column names (deterministic: the base name, then {@code ".output"} for
 * indicators with several outputs, e.g. {@code "rsi_14"}, {@code "macd_12_26_9.signal"}) and its
 * warm-up (leading {@code NaN} rows). Non-default conventions are part of the name ({@code
 * "ema_20_first"}, {@code "bb_20_2_sample.upper"}), so two specs with the same columns compute the
 * same thing. Specs are records: equality is by value, and they round-trip through JSON (property
 * {@code "type"} names the kind). Every constructor validates its parameters; an omitted enum
 * option takes its documented default. Compute them through {@link FeatureSet}.
 *
 * <p>Thread safety: immutable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FeatureSpec.ReturnSpec.class, name = "return"),
    @JsonSubTypes.Type(value = FeatureSpec.SmaSpec.class, name = "sma"),
    @JsonSubTypes.Type(value = FeatureSpec.EmaSpec.class, name = "ema"),
    @JsonSubTypes.Type(value = FeatureSpec.WmaSpec.class, name = "wma"),
    @JsonSubTypes.Type(value = FeatureSpec.RsiSpec.class, name = "rsi"),
    @JsonSubTypes.Type(value = FeatureSpec.MacdSpec.class, name = "macd"),
    @JsonSubTypes.Type(value = FeatureSpec.BollingerSpec.class, name = "bollinger"),
    @JsonSubTypes.Type(value = FeatureSpec.AtrSpec.class, name = "atr"),
    @JsonSubTypes.Type(value = FeatureSpec.TrueRangeSpec.class, name = "trueRange"),
    @JsonSubTypes.Type(value = FeatureSpec.StochasticSpec.class, name = "stochastic"),
    @JsonSubTypes.Type(value = FeatureSpec.RocSpec.class, name = "roc"),
    @JsonSubTypes.Type(value = FeatureSpec.MomentumSpec.class, name = "momentum"),
    @JsonSubTypes.Type(value = FeatureSpec.ObvSpec.class, name = "obv"),
    @JsonSubTypes.Type(value = FeatureSpec.RollingStdSpec.class, name = "rollingStd"),
    @JsonSubTypes.Type(value = FeatureSpec.ZScoreSpec.class, name = "zScore"),
    @JsonSubTypes.Type(value = FeatureSpec.VolatilitySpec.class, name = "volatility"),
    @JsonSubTypes.Type(value = FeatureSpec.MaxDrawdownSpec.class, name = "maxDrawdown"),
    @JsonSubTypes.Type(value = FeatureSpec.CciSpec.class, name = "cci"),
    @JsonSubTypes.Type(value = FeatureSpec.MfiSpec.class, name = "mfi"),
    @JsonSubTypes.Type(value = FeatureSpec.WilliamsRSpec.class, name = "williamsR"),
    @JsonSubTypes.Type(value = FeatureSpec.DayOfWeekSpec.class, name = "dayOfWeek"),
    @JsonSubTypes.Type(value = FeatureSpec.MonthEndSpec.class, name = "monthEnd")
})
public sealed interface FeatureSpec {

    /** Returns the base name; the column names are this or {@code base + "." + output}. */
    String baseName();

    /** Returns the output column names in order. */
    default List<String> columnNames() {
        return List.of(baseName());
    }

    /** Returns the number of leading {@code NaN} rows of this feature on a complete series. */
    int warmUp();

    /** Returns the number of output columns. */
    default int columnCount() {
        return columnNames().size();
    }

    private static List<String> outputs(String base, String... suffixes) {
        String[] names = new String[suffixes.length];
        for (int i = 0; i < suffixes.length; i++) {
            names[i] = base + "." + suffixes[i];
        }
        return List.of(names);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Which return a {@link ReturnSpec} computes. */
    enum ReturnKind {
        /** {@code x_t / x_{t-lag} - 1}. */
        SIMPLE,
        /** {@code ln(x_t / x_{t-lag})}. */
        LOG
    }

    /** Which estimator a {@link VolatilitySpec} uses; see {@link Volatility}. */
    enum VolatilityEstimator {
        /** Sample sd of log close-to-close returns. */
        CLOSE_TO_CLOSE,
        /** Parkinson high-low estimator. */
        PARKINSON,
        /** Garman–Klass OHLC estimator. */
        GARMAN_KLASS
    }

    /**
     * Close-to-close return over {@code lag} bars ({@link Returns}); columns {@code return_<lag>}
     * or {@code logreturn_<lag>}.
     */
    record ReturnSpec(ReturnKind kind, int lag) implements FeatureSpec {
        /** Validates: {@code lag >= 1}; a null kind means {@link ReturnKind#SIMPLE}. */
        public ReturnSpec {
            kind = kind == null ? ReturnKind.SIMPLE : kind;
            Checks.period("lag", lag);
        }

        @Override
        public String baseName() {
            return (kind == ReturnKind.LOG ? "logreturn_" : "return_") + lag;
        }

        @Override
        public int warmUp() {
            return lag;
        }
    }

    /** Simple moving average of closes ({@link Sma}); column {@code sma_<period>}. */
    record SmaSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public SmaSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "sma_" + period;
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /**
     * EMA of closes ({@link Ema}); column {@code ema_<period>}, with {@code _first} or {@code
     * _adjusted} for the non-default seeds.
     */
    record EmaSpec(int period, EmaSeed seed) implements FeatureSpec {
        /** Validates {@code period >= 1}; a null seed means {@link EmaSeed#SMA}. */
        public EmaSpec {
            Checks.period("period", period);
            seed = seed == null ? EmaSeed.SMA : seed;
        }

        @Override
        public String baseName() {
            String suffix =
                    seed == EmaSeed.SMA ? "" : seed == EmaSeed.FIRST_VALUE ? "_first" : "_adjusted";
            return "ema_" + period + suffix;
        }

        @Override
        public int warmUp() {
            return Ema.warmUp(period, seed);
        }
    }

    /** Weighted moving average of closes ({@link Wma}); column {@code wma_<period>}. */
    record WmaSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public WmaSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "wma_" + period;
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /** Wilder RSI of closes ({@link Rsi}); column {@code rsi_<period>}. */
    record RsiSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public RsiSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "rsi_" + period;
        }

        @Override
        public int warmUp() {
            return period;
        }
    }

    /**
     * MACD of closes ({@link Macd}); columns {@code macd_<f>_<s>_<g>.line}, {@code .signal}, {@code
     * .histogram} ({@code _independent} before the dot for {@link MacdStart#INDEPENDENT}). Warm-up
     * is that of the signal.
     */
    record MacdSpec(int fast, int slow, int signal, MacdStart start) implements FeatureSpec {
        /** Validates periods {@code >= 1} and {@code fast < slow}; null start means TA-Lib. */
        public MacdSpec {
            Macd.checkPeriods(fast, slow, signal);
            start = start == null ? MacdStart.TA_LIB : start;
        }

        @Override
        public String baseName() {
            return "macd_"
                    + fast
                    + "_"
                    + slow
                    + "_"
                    + signal
                    + (start == MacdStart.TA_LIB ? "" : "_independent");
        }

        @Override
        public List<String> columnNames() {
            return outputs(baseName(), "line", "signal", "histogram");
        }

        @Override
        public int warmUp() {
            return slow + signal - 2;
        }
    }

    /**
     * Bollinger bands of closes ({@link Bollinger}); columns {@code bb_<period>_<k>.middle}, {@code
     * .upper}, {@code .lower}, {@code .percentB}, {@code .bandwidth} ({@code _sample} before the
     * dot for sample-sd bands).
     */
    record BollingerSpec(int period, double k, Deviation deviation) implements FeatureSpec {
        /**
         * Validates the period for the deviation and {@code k > 0}; null deviation = population.
         */
        public BollingerSpec {
            deviation = deviation == null ? Deviation.POPULATION : deviation;
            deviation.checkPeriod(period);
            Bollinger.checkK(k);
        }

        @Override
        public String baseName() {
            return "bb_"
                    + period
                    + "_"
                    + number(k)
                    + (deviation == Deviation.SAMPLE ? "_sample" : "");
        }

        @Override
        public List<String> columnNames() {
            return outputs(baseName(), "middle", "upper", "lower", "percentB", "bandwidth");
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /** Wilder ATR ({@link Atr}); column {@code atr_<period>}. */
    record AtrSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public AtrSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "atr_" + period;
        }

        @Override
        public int warmUp() {
            return period;
        }
    }

    /** True range ({@link TrueRange}); column {@code tr}. */
    record TrueRangeSpec() implements FeatureSpec {
        @Override
        public String baseName() {
            return "tr";
        }

        @Override
        public int warmUp() {
            return 1;
        }
    }

    /**
     * Slow stochastic ({@link Stochastic}); columns {@code stoch_<p>_<k>_<d>.k} and {@code .d}.
     * Warm-up is that of %D.
     */
    record StochasticSpec(int period, int kSmoothing, int dPeriod) implements FeatureSpec {
        /** Validates every period {@code >= 1}. */
        public StochasticSpec {
            Stochastic.warmUp(period, kSmoothing, dPeriod);
        }

        @Override
        public String baseName() {
            return "stoch_" + period + "_" + kSmoothing + "_" + dPeriod;
        }

        @Override
        public List<String> columnNames() {
            return outputs(baseName(), "k", "d");
        }

        @Override
        public int warmUp() {
            return Stochastic.warmUp(period, kSmoothing, dPeriod);
        }
    }

    /** Rate of change in percent ({@link RateOfChange}); column {@code roc_<period>}. */
    record RocSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public RocSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "roc_" + period;
        }

        @Override
        public int warmUp() {
            return period;
        }
    }

    /** Momentum {@code c_t - c_{t-period}} ({@link RateOfChange}); column {@code mom_<period>}. */
    record MomentumSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public MomentumSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "mom_" + period;
        }

        @Override
        public int warmUp() {
            return period;
        }
    }

    /**
     * On-balance volume ({@link Obv}); column {@code obv} ({@code obv_zero} when starting at 0).
     * Needs volume on every bar.
     */
    record ObvSpec(ObvStart start) implements FeatureSpec {
        /** A null start means TA-Lib's {@link ObvStart#FIRST_VOLUME}. */
        public ObvSpec {
            start = start == null ? ObvStart.FIRST_VOLUME : start;
        }

        @Override
        public String baseName() {
            return start == ObvStart.ZERO ? "obv_zero" : "obv";
        }

        @Override
        public int warmUp() {
            return 0;
        }
    }

    /**
     * Rolling standard deviation of closes ({@link RollingStd}); column {@code sd_<period>} ({@code
     * _sample} for the sample sd).
     */
    record RollingStdSpec(int period, Deviation deviation) implements FeatureSpec {
        /** Validates the period for the deviation; null deviation = population. */
        public RollingStdSpec {
            deviation = deviation == null ? Deviation.POPULATION : deviation;
            deviation.checkPeriod(period);
        }

        @Override
        public String baseName() {
            return "sd_" + period + (deviation == Deviation.SAMPLE ? "_sample" : "");
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /**
     * Rolling z-score of closes ({@link RollingStd}); column {@code zscore_<period>} ({@code
     * _sample} for the sample sd).
     */
    record ZScoreSpec(int period, Deviation deviation) implements FeatureSpec {
        /** Validates the period for the deviation; null deviation = population. */
        public ZScoreSpec {
            deviation = deviation == null ? Deviation.POPULATION : deviation;
            deviation.checkPeriod(period);
        }

        @Override
        public String baseName() {
            return "zscore_" + period + (deviation == Deviation.SAMPLE ? "_sample" : "");
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /**
     * Annualised realised volatility ({@link Volatility}); column {@code vol_cc_<window>}, {@code
     * vol_parkinson_<window>} or {@code vol_gk_<window>}, with {@code _a<factor>} when the
     * annualisation factor is not 252.
     */
    record VolatilitySpec(VolatilityEstimator estimator, int window, double annualisation)
            implements FeatureSpec {
        /**
         * Validates the window ({@code >= 2} for close-to-close, else {@code >= 1}) and a finite
         * positive annualisation; null estimator = close-to-close, annualisation 0 = 252.
         */
        public VolatilitySpec {
            estimator = estimator == null ? VolatilityEstimator.CLOSE_TO_CLOSE : estimator;
            annualisation = annualisation == 0 ? Volatility.DEFAULT_ANNUALISATION : annualisation;
            int min = estimator == VolatilityEstimator.CLOSE_TO_CLOSE ? 2 : 1;
            Volatility.checkArguments(window, min, annualisation);
        }

        @Override
        public String baseName() {
            String kind =
                    estimator == VolatilityEstimator.CLOSE_TO_CLOSE
                            ? "cc"
                            : estimator == VolatilityEstimator.PARKINSON ? "parkinson" : "gk";
            String factor =
                    annualisation == Volatility.DEFAULT_ANNUALISATION
                            ? ""
                            : "_a" + number(annualisation);
            return "vol_" + kind + "_" + window + factor;
        }

        @Override
        public int warmUp() {
            return estimator == VolatilityEstimator.CLOSE_TO_CLOSE ? window : window - 1;
        }
    }

    /** Rolling maximum drawdown of closes ({@link MaxDrawdown}); column {@code mdd_<window>}. */
    record MaxDrawdownSpec(int window) implements FeatureSpec {
        /** Validates {@code window >= 1}. */
        public MaxDrawdownSpec {
            Checks.period("window", window);
        }

        @Override
        public String baseName() {
            return "mdd_" + window;
        }

        @Override
        public int warmUp() {
            return window - 1;
        }
    }

    /** Commodity channel index ({@link Cci}); column {@code cci_<period>}. */
    record CciSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public CciSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "cci_" + period;
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /** Money flow index ({@link Mfi}); column {@code mfi_<period>}. Needs volume. */
    record MfiSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public MfiSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "mfi_" + period;
        }

        @Override
        public int warmUp() {
            return period;
        }
    }

    /** Williams %R ({@link WilliamsR}); column {@code willr_<period>}. */
    record WilliamsRSpec(int period) implements FeatureSpec {
        /** Validates {@code period >= 1}. */
        public WilliamsRSpec {
            Checks.period("period", period);
        }

        @Override
        public String baseName() {
            return "willr_" + period;
        }

        @Override
        public int warmUp() {
            return period - 1;
        }
    }

    /**
     * ISO day of week in the series' zone ({@link CalendarFeatures}); column {@code day_of_week}.
     */
    record DayOfWeekSpec() implements FeatureSpec {
        @Override
        public String baseName() {
            return "day_of_week";
        }

        @Override
        public int warmUp() {
            return 0;
        }
    }

    /** Last-weekday-of-month flag ({@link CalendarFeatures}); column {@code month_end}. */
    record MonthEndSpec() implements FeatureSpec {
        @Override
        public String baseName() {
            return "month_end";
        }

        @Override
        public int warmUp() {
            return 0;
        }
    }

    /** Returns a simple return over {@code lag} bars. */
    static FeatureSpec returns(int lag) {
        return new ReturnSpec(ReturnKind.SIMPLE, lag);
    }

    /** Returns a log return over {@code lag} bars. */
    static FeatureSpec logReturns(int lag) {
        return new ReturnSpec(ReturnKind.LOG, lag);
    }

    /** Returns an SMA of closes. */
    static FeatureSpec sma(int period) {
        return new SmaSpec(period);
    }

    /** Returns a TA-Lib (SMA-seeded) EMA of closes. */
    static FeatureSpec ema(int period) {
        return new EmaSpec(period, EmaSeed.SMA);
    }

    /** Returns an EMA of closes with the given seed. */
    static FeatureSpec ema(int period, EmaSeed seed) {
        return new EmaSpec(period, Objects.requireNonNull(seed, "seed"));
    }

    /** Returns a WMA of closes. */
    static FeatureSpec wma(int period) {
        return new WmaSpec(period);
    }

    /** Returns a Wilder RSI of closes. */
    static FeatureSpec rsi(int period) {
        return new RsiSpec(period);
    }

    /** Returns a TA-Lib-start MACD of closes. */
    static FeatureSpec macd(int fast, int slow, int signal) {
        return new MacdSpec(fast, slow, signal, MacdStart.TA_LIB);
    }

    /** Returns population-sd Bollinger bands of closes. */
    static FeatureSpec bollinger(int period, double k) {
        return new BollingerSpec(period, k, Deviation.POPULATION);
    }

    /** Returns a Wilder ATR. */
    static FeatureSpec atr(int period) {
        return new AtrSpec(period);
    }

    /** Returns the true range. */
    static FeatureSpec trueRange() {
        return new TrueRangeSpec();
    }

    /** Returns a slow stochastic. */
    static FeatureSpec stochastic(int period, int kSmoothing, int dPeriod) {
        return new StochasticSpec(period, kSmoothing, dPeriod);
    }

    /** Returns a rate of change in percent. */
    static FeatureSpec roc(int period) {
        return new RocSpec(period);
    }

    /** Returns a momentum. */
    static FeatureSpec momentum(int period) {
        return new MomentumSpec(period);
    }

    /** Returns a TA-Lib OBV. */
    static FeatureSpec obv() {
        return new ObvSpec(ObvStart.FIRST_VOLUME);
    }

    /** Returns a rolling population standard deviation of closes. */
    static FeatureSpec rollingStd(int period) {
        return new RollingStdSpec(period, Deviation.POPULATION);
    }

    /** Returns a rolling population z-score of closes. */
    static FeatureSpec zScore(int period) {
        return new ZScoreSpec(period, Deviation.POPULATION);
    }

    /** Returns a realised volatility annualised with 252. */
    static FeatureSpec volatility(VolatilityEstimator estimator, int window) {
        return new VolatilitySpec(
                Objects.requireNonNull(estimator, "estimator"),
                window,
                Volatility.DEFAULT_ANNUALISATION);
    }

    /** Returns a rolling maximum drawdown of closes. */
    static FeatureSpec maxDrawdown(int window) {
        return new MaxDrawdownSpec(window);
    }

    /** Returns a CCI. */
    static FeatureSpec cci(int period) {
        return new CciSpec(period);
    }

    /** Returns an MFI. */
    static FeatureSpec mfi(int period) {
        return new MfiSpec(period);
    }

    /** Returns a Williams %R. */
    static FeatureSpec williamsR(int period) {
        return new WilliamsRSpec(period);
    }

    /** Returns the ISO day of week. */
    static FeatureSpec dayOfWeek() {
        return new DayOfWeekSpec();
    }

    /** Returns the month-end flag. */
    static FeatureSpec monthEnd() {
        return new MonthEndSpec();
    }
}
