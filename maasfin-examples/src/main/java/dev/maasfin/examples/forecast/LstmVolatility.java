// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.model.TrainingListener;
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
 * {@link TargetScale}'s units with mean squared error, Adam, element-wise gradient clipping at 1
 * and early stopping on the validation loss (the best epoch's parameters are kept). Forecasts below
 * {@link #FLOOR} (0.01 % a day) are raised to it so QLIKE, which needs a positive forecast, is
 * defined; on the S&amp;P 500 the floor is never reached in practice. The fitted scaling (feature
 * means and sds, target scale) is stored in the model's state so an artifact carries it. Immutable
 * and thread-safe, but trainings share the engine's global random generator, so run them one at a
 * time.
 */
public final class LstmVolatility {
    /** Lowest forecast sd returned, in return units. */
    static final double FLOOR = 1e-4;

    /** How the 5-day sd target is presented to the network. */
    public enum TargetScale {
        /**
         * The sd times 100 (percent a day); the network's output divided by 100 is the forecast.
         */
        PERCENT,
        /** ln(100·sd); the forecast is exp(output)/100 (a median-type forecast, biased low). */
        LOG;

        float encode(double sd) {
            return (float) (this == PERCENT ? 100 * sd : Math.log(100 * sd));
        }

        double decode(float out) {
            double sd = this == PERCENT ? out / 100.0 : Math.exp(out) / 100.0;
            return Math.max(FLOOR, sd);
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
            TargetScale targetScale) {}

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
     * @return the trained model; the caller closes it
     */
    TrainedModel train(
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
        recordScaling(trained.model(), features);
        return trained;
    }

    /** Returns the forecast sd of each origin's window. */
    double[] forecast(NeuralModel model, VolatilityWindows features, int[] origins) {
        return decode(model.predict(features.windows(origins), origins.length));
    }

    /** Converts network outputs to forecast sds in return units. */
    double[] decode(float[] outputs) {
        double[] sd = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            sd[i] = settings.targetScale().decode(outputs[i]);
        }
        return sd;
    }

    private TrainingData data(VolatilityWindows features, Samples s) {
        float[] y = new float[s.origins().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = settings.targetScale().encode(s.target()[i]);
        }
        int[] shape = {settings.window(), VolatilityWindows.FEATURES};
        return TrainingData.of(features.windows(s.origins()), shape, y, 1);
    }

    private void recordScaling(NeuralModel model, VolatilityWindows features) {
        model.state().put("features", List.of(VolatilityWindows.NAMES));
        model.state().put("featureMeans", toList(features.means()));
        model.state().put("featureSds", toList(features.sds()));
        model.state().put("targetScale", settings.targetScale().name());
        model.state().put("forecastFloor", FLOOR);
    }

    private static List<Double> toList(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    /** Origins (indices into the returns) and their 5-day sd targets. */
    record Samples(int[] origins, double[] target) {}
}
