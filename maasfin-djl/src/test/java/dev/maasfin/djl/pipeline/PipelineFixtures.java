// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.feature.FeatureSet;
import dev.maasfin.core.feature.FeatureSpec;
import dev.maasfin.core.pipeline.DataFingerprint;
import dev.maasfin.core.pipeline.FeatureStage;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.transform.FittedChain;
import dev.maasfin.core.transform.TransformChain;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.DenseRegressorSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small pipelines on real S&P 500 bars and constant-output pipelines, shared by tests. */
public final class PipelineFixtures {

    /** Window length of the LSTM fixture. */
    public static final int WINDOW = 8;

    private PipelineFixtures() {}

    /** Returns the last {@code n} daily S&P 500 bars of the shared data set. */
    public static BarSeries spxBars(int n) {
        Path file = DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv");
        try {
            BarSeries all = BarCsvLoader.defaults().load(file);
            return all.slice(all.size() - n, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature stage of the LSTM fixture: close log return and close level. */
    public static FeatureStage stage() {
        return FeatureStages.barColumns("log_return", "close");
    }

    /**
     * Trains a small LSTM next-return forecaster on the first 70 % of {@code bars}: z-score fitted
     * on the training rows only, 2 epochs, seed 7.
     */
    public static Pipeline trainedLstm(BarSeries bars) {
        return trainedLstm(bars, stage());
    }

    /** The feature-set stage: close log return, RSI 14 (Wilder) and 10-bar rolling sd of close. */
    public static FeatureStage featureSetStage() {
        return FeatureStages.of(
                FeatureSet.of(
                        FeatureSpec.logReturns(1),
                        FeatureSpec.rsi(14),
                        FeatureSpec.rollingStd(10)));
    }

    /** As {@link #trainedLstm(BarSeries)} with another feature stage (z-score on every column). */
    public static Pipeline trainedLstm(BarSeries bars, FeatureStage stage) {
        Frame features = stage.compute(bars);
        int width = stage.columnNames().size();
        String[] names = stage.columnNames().toArray(new String[0]);
        int trainRows = (int) (features.rows() * 0.7);
        Frame train = features.sliceRows(stage.warmUp(), trainRows);
        FittedChain z = TransformChain.of(ZScoreTransform.of(names)).fit(train);
        Frame zTrain = z.apply(train);
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(WINDOW)
                        .setFeatures(width)
                        .optHidden(8)
                        .build();
        TrainingData data = windows(zTrain, width);
        TrainerConfig cfg =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(0.01)
                        .setBatchSize(32)
                        .setMaxEpochs(2)
                        .setSeed(7)
                        .build();
        NeuralModel model = new ModelTrainer(cfg).train(spec, data, null, null).model();
        return Pipeline.builder()
                .setFeatures(stage)
                .optTransform(z)
                .setSchema(InputSchema.fromTraining(train, 3.0, null))
                .setModel(model)
                .setMetadata(
                        Pipeline.provenance(
                                model,
                                DataFingerprint.of(train),
                                Map.of("epochs", "2", "learningRate", "0.01"),
                                Map.of("validationRmse", 0.5)))
                .build();
    }

    /** Windows of {@link #WINDOW} rows, label = the next row's (normalised) log return. */
    private static TrainingData windows(Frame z, int width) {
        int n = z.rows() - WINDOW;
        float[] x = new float[n * WINDOW * width];
        float[] y = new float[n];
        for (int s = 0; s < n; s++) {
            for (int r = 0; r < WINDOW; r++) {
                for (int c = 0; c < width; c++) {
                    x[(s * WINDOW + r) * width + c] = (float) z.get(s + r, c);
                }
            }
            y[s] = (float) z.get(s + WINDOW, 0);
        }
        return TrainingData.of(x, new int[] {WINDOW, width}, y, 1);
    }

    /**
     * Returns a pipeline over one unbounded column {@code x} whose dense model outputs {@code
     * value} for every input (all weights 0, output bias {@code value}).
     */
    public static Pipeline constant(float value) {
        return constantBuilder(value).build();
    }

    /** As {@link #constant(float)}, before {@code build()}, for adding a decoder or transforms. */
    public static Pipeline.Builder constantBuilder(float value) {
        DenseRegressorSpec spec = DenseRegressorSpec.builder().setInputWidth(1).build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        List<String> names = List.copyOf(m.parameterShapes().keySet());
        for (String name : names) {
            float[] zero = new float[m.parameter(name).length];
            m.setParameter(name, zero);
        }
        String lastBias = names.get(names.size() - 1);
        m.setParameter(lastBias, new float[] {value});
        return Pipeline.builder()
                .setFeatures(FeatureStages.barColumns("close"))
                .setSchema(InputSchema.of(List.of(ColumnSpec.unbounded("close"))))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, "0".repeat(64), Map.of(), Map.of()));
    }

    /** Returns a fresh path under target/ that does not exist yet. */
    public static Path freshDir(String prefix) {
        return Paths.get("target", "pipeline-tests", prefix + "-" + UUID.randomUUID());
    }
}
