// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.model.TrainingListener;
import dev.maasfin.core.metrics.RegressionMetrics;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.util.Arrays;
import java.util.List;

/**
 * Trains the LSTM volatility forecaster and turns its outputs back into daily sds.
 *
 * <p>The network (one LSTM stack, last step, dense head with one output) learns the target in the
 * {@link TargetScale}'s units with the {@link Settings#loss()} (mean squared error, or QLIKE on the
 * log scale), Adam, element-wise gradient clipping at 1 and early stopping on the validation loss
 * (the best epoch's parameters are kept); its parameters start from {@link
 * Settings#initialization()}. Forecasts below {@link #FLOOR} (0.01 % a day) are raised to it so
 * QLIKE, which needs a positive forecast, is defined; on the S&amp;P 500 the floor is never reached
 * in practice. The fitted scaling (feature means and sds, target scale) is stored in the model's
 * state so an artifact carries it. Immutable and thread-safe, but trainings share the engine's
 * global random generator, so run them one at a time.
 */
public final class LstmVolatility {
    /** Lowest forecast sd returned, in return units. */
    static final double FLOOR = 1e-4;

    /** Steps of the balanced-factor grid between the two smearing factors. */
    static final int FACTOR_STEPS = 20;

    /**
     * How the 5-day sd target is presented to the network.
     *
     * <p>The log forms give a median-type forecast, biased low. {@link LstmVolatility} multiplies
     * it by a smearing factor (after Duan 1983) measured on the validation origins: mean(exp(e)) of
     * the residuals e, so the forecast estimates the mean sd (what RMSE rewards), and separately
     * sqrt(mean(exp(2e))), so the forecast's square estimates the mean variance (what the
     * variance-based QLIKE rewards).
     */
    public enum TargetScale {
        /** The sd times 100 (percent a day); the output divided by 100 is the forecast. */
        PERCENT,
        /** ln(100·sd); the forecast is exp(output)/100 times the smearing factor. */
        LOG,
        /**
         * ln(sd / rv20_k), the log ratio to the origin's 20-day sd; the forecast is rv20_k ·
         * exp(output) times the smearing factor, so it scales with the current level.
         */
        LOG_RATIO,
        /**
         * sd / rv20_k without the log; the forecast is rv20_k · output, an estimate of the mean sd
         * (squared error on the ratio weighs each origin by 1 / rv20²).
         */
        RATIO,
        /**
         * (sd / rv20_k)², the squared ratio; the forecast is rv20_k · sqrt(output), the root of a
         * mean-variance estimate, which is what QLIKE rewards (outputs below 0 give the floor).
         */
        VARIANCE_RATIO;

        float encode(double sd, double rv20) {
            switch (this) {
                case PERCENT:
                    return (float) (100 * sd);
                case LOG:
                    return (float) Math.log(100 * sd);
                case RATIO:
                    return (float) (sd / rv20);
                case VARIANCE_RATIO:
                    return (float) ((sd / rv20) * (sd / rv20));
                default:
                    return (float) Math.log(sd / rv20);
            }
        }

        double decode(float out, double rv20, double smearing) {
            double sd;
            switch (this) {
                case PERCENT:
                    sd = out / 100.0;
                    break;
                case LOG:
                    sd = Math.exp(out) / 100.0 * smearing;
                    break;
                case RATIO:
                    sd = rv20 * out;
                    break;
                case VARIANCE_RATIO:
                    sd = rv20 * Math.sqrt(Math.max(0.0, out));
                    break;
                default:
                    sd = rv20 * Math.exp(out) * smearing;
            }
            return Math.max(FLOOR, sd);
        }

        boolean isLog() {
            return this == LOG || this == LOG_RATIO;
        }
    }

    /**
     * Hyper-parameters of one training run.
     *
     * @param window input days per sample
     * @param hidden LSTM hidden units per layer
     * @param layers stacked LSTM layers
     * @param dropout dropout between stacked layers, in [0, 1)
     * @param epochs maximum epochs
     * @param batchSize mini-batch size
     * @param learningRate Adam's learning rate
     * @param patience early-stopping patience in epochs
     * @param targetScale how the target is presented to the network
     * @param featureScale how the features are transformed before the z-score
     * @param initialization how the network's parameters are initialised
     * @param loss the training loss; {@code QLIKE_LOG} needs a log target scale ({@code LOG} or
     *     {@code LOG_RATIO}), on which it equals Patton's QLIKE of the unsmeared forecast
     */
    public record Settings(
            int window,
            int hidden,
            int layers,
            float dropout,
            int epochs,
            int batchSize,
            double learningRate,
            int patience,
            TargetScale targetScale,
            VolatilityWindows.FeatureScale featureScale,
            RecurrentForecasterSpec.Initialization initialization,
            RecurrentForecasterSpec.ForecastLoss loss) {

        /**
         * Checks the combination of target scale and loss.
         *
         * @throws IllegalArgumentException if {@code loss} is {@code QLIKE_LOG} and the target
         *     scale is not a log scale
         */
        public Settings {
            if (loss == RecurrentForecasterSpec.ForecastLoss.QLIKE_LOG
                    && targetScale != null
                    && !targetScale.isLog()) {
                throw new IllegalArgumentException(
                        "loss QLIKE_LOG needs a log target scale (LOG or LOG_RATIO) but the target"
                                + " scale was "
                                + targetScale);
            }
        }
    }

    private final Settings settings;

    LstmVolatility(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Trains one model on the training origins with early stopping on the validation origins.
     *
     * @param features windows and their scaling
     * @param train training origins and targets
     * @param validation validation origins and targets
     * @param seed initialisation and shuffling seed
     * @param listener per-epoch progress
     * @return the trained model (the caller closes it) and its smearing factor
     */
    Fitted train(
            VolatilityWindows features,
            Samples train,
            Samples validation,
            int seed,
            TrainingListener listener) {
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(settings.window())
                        .setFeatures(VolatilityWindows.FEATURES)
                        .optHidden(settings.hidden())
                        .optLayers(settings.layers())
                        .optDropout(settings.dropout())
                        .optInitialization(settings.initialization())
                        .optLoss(settings.loss())
                        .build();
        TrainerConfig config =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(settings.learningRate())
                        .setBatchSize(settings.batchSize())
                        .setMaxEpochs(settings.epochs())
                        .setSeed(seed)
                        .optGradientClip(1.0)
                        .optEarlyStopping(settings.patience(), 0.0)
                        .build();
        TrainedModel trained =
                new ModelTrainer(config)
                        .train(spec, data(features, train), data(features, validation), listener);
        double smearing = smearing(trained.model(), features, validation, 1);
        double varianceSmearing = smearing(trained.model(), features, validation, 2);
        recordScaling(trained.model(), features, smearing, varianceSmearing);
        return new Fitted(trained, smearing, varianceSmearing);
    }

    /** The factor mean(exp(p(y − output)))^(1/p) on the given samples; 1 for PERCENT. */
    private double smearing(NeuralModel model, VolatilityWindows features, Samples s, int p) {
        if (!settings.targetScale().isLog()) {
            return 1.0;
        }
        float[] out = model.predict(features.windows(s.origins()), s.origins().length);
        double[] rv20 = features.rv20(s.origins());
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double residual = settings.targetScale().encode(s.target()[i], rv20[i]) - out[i];
            sum += Math.exp(p * residual);
        }
        return Math.pow(sum / out.length, 1.0 / p);
    }

    /**
     * Chooses the balanced factor: of {@value #FACTOR_STEPS} + 1 factors spaced evenly in log
     * between the mean-sd and the variance smearing factor, the one whose forecasts minimise RMSE /
     * RMSE(EWMA) + QLIKE / QLIKE(EWMA) on the given origins (one forecast for both losses). Pass
     * origins that are not scored afterwards (the validation or early-stopping part).
     *
     * @param fitted the trained model and its smearing factors
     * @param raw the network's outputs on the origins
     * @param rv20 the origins' 20-day sds
     * @param y the origins' targets
     * @param ewma the EWMA forecasts of the same origins, the yardstick of both losses
     * @return the factor (the mean-sd factor when both smearing factors are equal)
     */
    double balancedFactor(Fitted fitted, float[] raw, double[] rv20, double[] y, double[] ewma) {
        double rmseEwma = RegressionMetrics.rmse(y, ewma);
        double qlikeEwma = RegressionMetrics.qlike(y, ewma);
        double ratio = Math.log(fitted.varianceSmearing() / fitted.smearing());
        double bestFactor = fitted.smearing();
        double bestScore = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= FACTOR_STEPS; j++) {
            double factor = fitted.smearing() * Math.exp(ratio * j / FACTOR_STEPS);
            double[] f = decode(raw, rv20, factor);
            double score =
                    RegressionMetrics.rmse(y, f) / rmseEwma
                            + RegressionMetrics.qlike(y, f) / qlikeEwma;
            if (score < bestScore) {
                bestScore = score;
                bestFactor = factor;
            }
        }
        return bestFactor;
    }

    /** Returns the forecast sd of each origin's window, with the mean-sd smearing factor. */
    double[] forecast(Fitted fitted, VolatilityWindows features, int[] origins) {
        return forecast(fitted, features, origins, fitted.smearing());
    }

    /** Returns the forecast sd of each origin's window, with the given factor. */
    double[] forecast(Fitted fitted, VolatilityWindows features, int[] origins, double factor) {
        float[] raw = fitted.model().predict(features.windows(origins), origins.length);
        return decode(raw, features.rv20(origins), factor);
    }

    /** Converts network outputs at the given origins' 20-day sds to forecast sds. */
    double[] decode(float[] outputs, double[] rv20, double smearing) {
        double[] sd = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            sd[i] = settings.targetScale().decode(outputs[i], rv20[i], smearing);
        }
        return sd;
    }

    private TrainingData data(VolatilityWindows features, Samples s) {
        float[] y = new float[s.origins().length];
        double[] rv20 = features.rv20(s.origins());
        for (int i = 0; i < y.length; i++) {
            y[i] = settings.targetScale().encode(s.target()[i], rv20[i]);
        }
        int[] shape = {settings.window(), VolatilityWindows.FEATURES};
        return TrainingData.of(features.windows(s.origins()), shape, y, 1);
    }

    private void recordScaling(
            NeuralModel model, VolatilityWindows features, double smearing, double variance) {
        model.state().put("features", List.of(VolatilityWindows.NAMES));
        model.state().put("featureMeans", toList(features.means()));
        model.state().put("featureSds", toList(features.sds()));
        model.state().put("featureScale", settings.featureScale().name());
        model.state().put("targetScale", settings.targetScale().name());
        model.state().put("smearing", smearing);
        model.state().put("varianceSmearing", variance);
        model.state().put("forecastFloor", FLOOR);
    }

    private static List<Double> toList(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    /**
     * A trained model and the factor its log-scale outputs are multiplied by.
     *
     * @param trained the model and its training record; the caller closes the model
     * @param smearing the factor of the mean-sd forecast (1 for the PERCENT scale)
     * @param varianceSmearing the factor of the variance-targeted forecast (1 for PERCENT)
     */
    record Fitted(TrainedModel trained, double smearing, double varianceSmearing) {
        NeuralModel model() {
            return trained.model();
        }
    }

    /** Origins (indices into the returns) and their 5-day sd targets. */
    record Samples(int[] origins, double[] target) {}
}
