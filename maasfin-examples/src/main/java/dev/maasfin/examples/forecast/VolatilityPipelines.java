// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import dev.maasfin.core.pipeline.DataFingerprint;
import dev.maasfin.core.pipeline.FeatureStage;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.pipeline.OutputDecoder;
import dev.maasfin.core.pipeline.PipelineMetadata;
import dev.maasfin.core.pipeline.VolatilityScale;
import dev.maasfin.core.transform.LogTransform;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the scoring {@link Pipeline} of the {@code forecast} demo's LSTM volatility model, so that
 * the {@code score} command and any {@link dev.maasfin.djl.scoring.Scorer} serve next-5-day sd
 * forecasts straight from daily bars.
 *
 * <p>The pipeline reproduces the demo's arithmetic step by step: the {@link
 * FeatureStages#realisedVolatility realised-volatility stage} (5 and 20 returns, linear scale)
 * computes per bar {@code log_return, abs_return, rv5, rv20} exactly as {@link VolatilityWindows}
 * computes r, |r|, rv5, rv20 of the return ending at that bar; on the {@link
 * VolatilityWindows.FeatureScale#LOG LOG} feature scale the fitted transforms take {@code ln(|r| +
 * 0.001)}, {@code ln rv5} and {@code ln rv20} ({@link LogTransform} with an offset); a z-score with
 * the demo's training means and population sds follows ({@code (x - mean) / sd}); the model sees
 * the float of that. The {@link OutputDecoder#logRatioToFeature log-ratio decoder} then gives the
 * forecast {@code max(1e-4, rv20 * exp(output) * smearing)} with {@code rv20} the raw 20-return sd
 * of the window's last bar, as {@link LstmVolatility.TargetScale#LOG_RATIO} decodes. The stage
 * stays on the linear scale (the logs live in the transforms) so that the anchor {@code rv20} is
 * the very double the demo multiplies by, not {@code exp(ln rv20)}. Row {@code t} of the stage is
 * day {@code t - 1} of {@link VolatilityWindows} (day {@code k}'s return ends at bar {@code k +
 * 1}), so the window ending at bar {@code k + 1} is the demo's window of origin {@code k}.
 * Forecasts equal the demo's decoded doubles rounded to float (predictions carry floats), bit for
 * bit when the model's output is (same batch composition; see {@link Pipeline}).
 *
 * <p>The input schema accepts each column's range over the training bars' complete feature rows,
 * widened by the schema margin times that range on each side (default {@value
 * #DEFAULT_SCHEMA_MARGIN}); bars far outside training experience are refused at the door, naming
 * the column and value.
 *
 * <p>Limits: only the {@link LstmVolatility.TargetScale#LOG_RATIO LOG_RATIO} target scale (the
 * demo's default) has a decoder; the other scales are refused. The window of identical closes gives
 * sd 0, which the log transform refuses on the LOG feature scale. Thread-safe: stateless; a {@link
 * Builder} is not.
 */
public final class VolatilityPipelines {

    /** Returns in the short realised sd. */
    public static final int SHORT_WINDOW = 5;

    /** Returns in the long realised sd, the decoder's anchor. */
    public static final int LONG_WINDOW = 20;

    /** The raw feature column the forecast is anchored on. */
    public static final String ANCHOR_COLUMN = "rv" + LONG_WINDOW;

    /** Default relative widening of the training ranges in the input schema. */
    public static final double DEFAULT_SCHEMA_MARGIN = 1.0;

    private VolatilityPipelines() {}

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the realised-volatility stage the pipeline uses (linear scale, 5 and 20 returns). */
    public static FeatureStage stage() {
        return FeatureStages.realisedVolatility(
                SHORT_WINDOW,
                LONG_WINDOW,
                VolatilityScale.LINEAR,
                VolatilityWindows.ABS_RETURN_OFFSET);
    }

    /**
     * Builds the volatility forecast pipeline: the trained model, its feature scaling, target scale
     * and smearing factor, and the training bars (for the schema) are required; the schema margin
     * and the provenance are optional. Not thread-safe.
     */
    public static final class Builder {
        private NeuralModel model;
        private VolatilityWindows.FeatureScale featureScale;
        private double[] means;
        private double[] sds;
        private LstmVolatility.TargetScale targetScale;
        private Double smearing;
        private BarSeries trainingBars;
        private double margin = DEFAULT_SCHEMA_MARGIN;
        private PipelineMetadata metadata;

        private Builder() {}

        /**
         * Sets the trained network, input {@code [window, 4]} (required); the pipeline takes
         * ownership of it, so close the pipeline, not the network.
         */
        public Builder setModel(NeuralModel network) {
            this.model = Objects.requireNonNull(network, "model");
            return this;
        }

        /** Sets how the features were scaled before the z-score (required). */
        public Builder setFeatureScale(VolatilityWindows.FeatureScale scale) {
            this.featureScale = Objects.requireNonNull(scale, "featureScale");
            return this;
        }

        /**
         * Sets the training means of the four features r, |r|, rv5, rv20 on the feature scale
         * (required), e.g. {@code VolatilityWindows.means()}.
         */
        public Builder setFeatureMeans(double[] featureMeans) {
            this.means = Objects.requireNonNull(featureMeans, "featureMeans").clone();
            return this;
        }

        /** Sets the training population sds of the four features (required), each {@code > 0}. */
        public Builder setFeatureSds(double[] featureSds) {
            this.sds = Objects.requireNonNull(featureSds, "featureSds").clone();
            return this;
        }

        /** Sets the target scale the network was trained on (required; LOG_RATIO only). */
        public Builder setTargetScale(LstmVolatility.TargetScale scale) {
            this.targetScale = Objects.requireNonNull(scale, "targetScale");
            return this;
        }

        /** Sets the factor the forecast is multiplied by (required), finite and {@code > 0}. */
        public Builder setSmearing(double factor) {
            this.smearing = factor;
            return this;
        }

        /**
         * Sets the model, feature scale, means, sds, target scale and factor from the state {@link
         * LstmVolatility} records in the trained network ({@code featureScale}, {@code
         * featureMeans}, {@code featureSds}, {@code targetScale}); the factor is the {@code
         * headlineFactor} the forecast demo records (the one its headline forecast uses) when
         * present, else the mean-sd {@code smearing} factor.
         *
         * @throws IllegalArgumentException if a key is missing or of the wrong form (naming it)
         */
        public Builder fromModelState(NeuralModel network) {
            setModel(network);
            Map<String, Object> s = network.state();
            setFeatureScale(VolatilityWindows.FeatureScale.valueOf(text(s, "featureScale")));
            setFeatureMeans(numbers(s, "featureMeans"));
            setFeatureSds(numbers(s, "featureSds"));
            setTargetScale(LstmVolatility.TargetScale.valueOf(text(s, "targetScale")));
            String factor = s.containsKey("headlineFactor") ? "headlineFactor" : "smearing";
            return setSmearing(number(s.get(factor), factor));
        }

        /**
         * Sets the bars whose feature rows the model was trained on (required), e.g. the demo's
         * bars up to the last training origin's bar: {@code bars.slice(0, lastTrainOrigin + 2)}.
         * Their complete feature rows give the schema's ranges and the data fingerprint of the
         * default provenance.
         */
        public Builder setTrainingBars(BarSeries bars) {
            this.trainingBars = Objects.requireNonNull(bars, "trainingBars");
            return this;
        }

        /**
         * Sets the schema margin (optional, default {@value #DEFAULT_SCHEMA_MARGIN}), {@code >= 0}.
         */
        public Builder optSchemaMargin(double schemaMargin) {
            this.margin = schemaMargin;
            return this;
        }

        /**
         * Sets the provenance (optional); by default {@link Pipeline#provenance} of the model with
         * the training bars' {@link DataFingerprint} and the scaling as hyper-parameters.
         */
        public Builder optMetadata(PipelineMetadata provenance) {
            this.metadata = Objects.requireNonNull(provenance, "metadata");
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @throws IllegalArgumentException naming every missing required value; if the target scale
         *     is not LOG_RATIO; if means or sds are not 4 finite values (sds {@code > 0}); if the
         *     smearing factor or the margin breaks its rule; if the model's input is not {@code
         *     [window, 4]}; or if the training bars have no complete feature row
         */
        public Pipeline build() {
            checkComplete();
            checkValues();
            Frame train = trainingRows();
            Pipeline.Builder b =
                    Pipeline.builder()
                            .setFeatures(stage())
                            .setSchema(InputSchema.fromTraining(train, margin, null))
                            .setModel(model)
                            .setMetadata(metadata != null ? metadata : provenance())
                            .optDecoder(
                                    OutputDecoder.logRatioToFeature(
                                            ANCHOR_COLUMN, smearing, LstmVolatility.FLOOR));
            transforms(train).forEach(b::optTransform);
            return b.build();
        }

        private void checkComplete() {
            List<String> missing = new ArrayList<>();
            String[] names = {
                "model",
                "featureScale",
                "featureMeans",
                "featureSds",
                "targetScale",
                "smearing",
                "trainingBars"
            };
            Object[] values = {
                model, featureScale, means, sds, targetScale, smearing, trainingBars
            };
            for (int i = 0; i < names.length; i++) {
                if (values[i] == null) {
                    missing.add(names[i]);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(
                        "volatility pipeline builder is missing " + missing);
            }
        }

        private void checkValues() {
            if (targetScale != LstmVolatility.TargetScale.LOG_RATIO) {
                throw new IllegalArgumentException(
                        "targetScale must be LOG_RATIO (the only one with a decoder) but was "
                                + targetScale);
            }
            checkFour("featureMeans", means, false);
            checkFour("featureSds", sds, true);
            if (!(smearing > 0) || Double.isInfinite(smearing)) {
                throw new IllegalArgumentException(
                        "smearing must be finite and > 0 but was " + smearing);
            }
            if (!(margin >= 0) || Double.isInfinite(margin)) {
                throw new IllegalArgumentException(
                        "schema margin must be finite and >= 0 but was " + margin);
            }
            int[] shape = model.inputShape();
            if (shape.length != 2 || shape[1] != VolatilityWindows.FEATURES) {
                throw new IllegalArgumentException(
                        "model input shape must be [window, 4] but was " + Arrays.toString(shape));
            }
        }

        private static void checkFour(String name, double[] v, boolean positive) {
            if (v.length != VolatilityWindows.FEATURES) {
                throw new IllegalArgumentException(
                        name + " must hold 4 values (r, |r|, rv5, rv20) but held " + v.length);
            }
            for (int f = 0; f < v.length; f++) {
                if (!Double.isFinite(v[f]) || (positive && !(v[f] > 0))) {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "%s[%d] (%s) must be finite%s but was %s",
                                    name,
                                    f,
                                    VolatilityWindows.NAMES[f],
                                    positive ? " and > 0" : "",
                                    v[f]));
                }
            }
        }

        /** The stage's rows of the training bars from the warm-up on. */
        private Frame trainingRows() {
            FeatureStage stage = stage();
            if (trainingBars.size() <= stage.warmUp()) {
                throw new IllegalArgumentException(
                        "trainingBars must number more than the feature warm-up "
                                + stage.warmUp()
                                + " but were "
                                + trainingBars.size());
            }
            Frame all = stage.compute(trainingBars);
            return all.sliceRows(stage.warmUp(), all.rows());
        }

        /** The LOG feature scale's logs (if any), then the z-score with the given statistics. */
        private List<FittedTransform> transforms(Frame train) {
            List<String> cols = stage().columnNames();
            List<FittedTransform> out = new ArrayList<>();
            if (featureScale == VolatilityWindows.FeatureScale.LOG) {
                out.add(
                        LogTransform.of(cols.get(1))
                                .withOffset(VolatilityWindows.ABS_RETURN_OFFSET)
                                .fit(train));
                out.add(LogTransform.of(cols.get(2), cols.get(3)).fit(train));
            }
            Map<String, double[]> arrays = new LinkedHashMap<>();
            arrays.put("center", means);
            arrays.put("scale", sds);
            out.add(
                    new ZScoreTransform.FittedZScore(
                            new TransformState(ZScoreTransform.TYPE, cols, Map.of(), arrays)));
            return out;
        }

        private PipelineMetadata provenance() {
            Map<String, String> hp = new LinkedHashMap<>();
            hp.put("featureScale", featureScale.name());
            hp.put("targetScale", targetScale.name());
            hp.put("smearing", Double.toString(smearing));
            hp.put("featureMeans", Arrays.toString(means));
            hp.put("featureSds", Arrays.toString(sds));
            // a tuned model carries its search's outcome (see VolatilityTuning) into the provenance
            model.state()
                    .forEach(
                            (k, v) -> {
                                if (k.startsWith("tuning.") && v instanceof String text) {
                                    hp.put(k, text);
                                }
                            });
            return Pipeline.provenance(model, DataFingerprint.of(trainingBars), hp, Map.of());
        }

        private static String text(Map<String, Object> s, String key) {
            Object v = s.get(key);
            if (!(v instanceof String)) {
                throw new IllegalArgumentException(
                        "model state '" + key + "' must be text but was " + v);
            }
            return (String) v;
        }

        private static double[] numbers(Map<String, Object> s, String key) {
            Object v = s.get(key);
            if (!(v instanceof List<?> list)) {
                throw new IllegalArgumentException(
                        "model state '" + key + "' must be a list of numbers but was " + v);
            }
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(list.get(i), key + "[" + i + "]");
            }
            return out;
        }

        private static double number(Object v, String key) {
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException(
                        "model state '" + key + "' must be a number but was " + v);
            }
            return n.doubleValue();
        }
    }
}
