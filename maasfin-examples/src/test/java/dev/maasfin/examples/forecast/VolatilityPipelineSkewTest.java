// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.model.TrainingListener;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.pipeline.OutputDecoder;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.djl.scoring.StreamingScorer;
import dev.maasfin.examples.CliRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training/serving skew of the volatility pipeline: a tiny LSTM (window 20, hidden 4, 2 epochs, LOG
 * features, LOG_RATIO target) trained the demo's way on the whole S&amp;P 500 file, packed by
 * {@link VolatilityPipelines}, published to a {@link FileSystemModelRegistry} and reloaded,
 * forecasts from raw bars what the demo computes (VolatilityWindows windows, model.predict,
 * TargetScale decode), rounded to float, bit for bit.
 */
class VolatilityPipelineSkewTest {
    private static final int WINDOW = 20;
    private static final String NAME = "spx-vol-pipeline-test";
    private static final Path ROOT =
            Path.of("target", "test-runs", "volpipe", UUID.randomUUID().toString());

    static BarSeries bars;
    static VolatilityProblem problem;
    static VolatilityWindows features;
    static LstmVolatility lstm;
    static LstmVolatility.Fitted fitted;
    static Pipeline reloaded;
    static FileSystemModelRegistry registry;
    static int[] testOrigins;

    @BeforeAll
    static void trainPublishReload() throws Exception {
        bars =
                BarCsvLoader.defaults()
                        .load(DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv"));
        problem =
                VolatilityProblem.of(
                        bars, WINDOW, LocalDate.of(2015, 1, 1), LocalDate.of(2018, 1, 1));
        LstmVolatility.Settings settings =
                new LstmVolatility.Settings(
                        WINDOW,
                        4,
                        1,
                        0f,
                        2,
                        128,
                        0.01,
                        5,
                        LstmVolatility.TargetScale.LOG_RATIO,
                        VolatilityWindows.FeatureScale.LOG,
                        RecurrentForecasterSpec.Initialization.PYTORCH,
                        RecurrentForecasterSpec.ForecastLoss.QLIKE_LOG);
        features =
                VolatilityWindows.fit(
                        problem.task.returns(),
                        WINDOW,
                        problem.lastTrainOrigin(),
                        settings.featureScale());
        lstm = new LstmVolatility(settings);
        fitted =
                lstm.train(
                        features, problem.train(), problem.validation(), 7, TrainingListener.NONE);
        testOrigins = problem.origins(problem.testPositions);
        registry = FileSystemModelRegistry.builder().setRoot(ROOT.resolve("registry")).build();
        try (Pipeline p = build()) {
            ModelVersion v =
                    p.publish(registry, NAME, ROOT.resolve("staging"), "test", "skew test");
            registry.promote(NAME, v.version(), "production", "test", "skew test");
        }
        reloaded = Pipeline.fromRegistry(registry, NAME, 1);
    }

    /**
     * The one call the demo makes: everything from the trained model's recorded state. The pipeline
     * owns its network, so it gets a copy saved and loaded as the demo's plain artifact is; the
     * demo-way forecasts keep using the trained network itself.
     */
    private static Pipeline build() throws Exception {
        Path artifact = ROOT.resolve("artifact");
        ModelArtifacts.save(fitted.model(), artifact);
        return VolatilityPipelines.builder()
                .fromModelState(ModelArtifacts.load(artifact))
                .setTrainingBars(bars.slice(0, problem.lastTrainOrigin() + 2))
                .build();
    }

    @AfterAll
    static void close() {
        if (reloaded != null) {
            reloaded.close();
        }
        if (fitted != null) {
            fitted.model().close();
        }
    }

    /** The demo's forecasts of the given origins, all in one model call, rounded to float. */
    private static float[] demoForecasts(int[] origins) {
        float[] raw = fitted.model().predict(features.windows(origins), origins.length);
        double[] sd = lstm.decode(raw, features.rv20(origins), fitted.smearing());
        float[] out = new float[sd.length];
        for (int i = 0; i < sd.length; i++) {
            out[i] = (float) sd[i];
        }
        return out;
    }

    private static List<Float> floats(float[] a) {
        List<Float> out = new ArrayList<>();
        for (float v : a) {
            out.add(v);
        }
        return out;
    }

    private static int[] plusOne(int[] origins) {
        return Arrays.stream(origins).map(k -> k + 1).toArray();
    }

    @Test
    void reloadedPipeline_onRawBars_forecastsTheTestOriginsAsTheDemo_bitForBit() {
        Frame f = reloaded.features(bars);

        // the same 1,050 windows in one call on both sides: the same batch composition
        BatchPrediction got = reloaded.scoreWindows(f, plusOne(testOrigins));
        float[] want = demoForecasts(testOrigins);

        assertEquals(1050, testOrigins.length);
        // not a vacuous match: the forecasts vary from origin to origin and sit above the floor
        assertTrue(new HashSet<>(floats(want)).size() > 500);
        assertTrue(floats(want).stream().allMatch(v -> v > 1e-4f));
        for (int i = 0; i < want.length; i++) {
            assertEquals(
                    Float.floatToIntBits(want[i]),
                    Float.floatToIntBits(got.value(i, 0)),
                    "test origin " + testOrigins[i]);
        }
    }

    @Test
    void reloadedPipeline_carriesTheDemosScalingAndDecoder() {
        assertEquals(
                OutputDecoder.logRatioToFeature("rv20", fitted.smearing(), 1e-4),
                reloaded.decoder());
        assertEquals(
                List.of("log_return", "abs_return", "rv5", "rv20"),
                reloaded.schema().columnNames());
        // the first scorable bar: warm-up 20 + window 20 - 1 = bar 39, the demo's first origin 38
        assertEquals(VolatilityWindows.firstUsableOrigin(WINDOW) + 1, reloaded.firstScorableRow());
    }

    @Test
    void streamingScorer_barByBar_forecastsEachOriginAsTheDemoDoesAlone_bitForBit()
            throws Exception {
        int[] checked = Arrays.copyOfRange(testOrigins, 0, 200);
        try (Scorer scorer = Scorer.of(loadAgain(), ScoringPath.DJL)) {
            StreamingScorer stream = scorer.streaming(bars.zone());
            int next = 0;
            int lastBar = checked[checked.length - 1] + 1;
            for (int t = 0; t <= lastBar; t++) {
                Optional<Prediction> p =
                        stream.onBar(
                                bars.epochMillis(t),
                                bars.open(t),
                                bars.high(t),
                                bars.low(t),
                                bars.close(t),
                                bars.volume(t));
                assertEquals(t >= reloaded.firstScorableRow(), p.isPresent(), "bar " + t);
                if (next < checked.length && t == checked[next] + 1) {
                    // a stream scores one window per call: compare with the demo's batch of one
                    float want = demoForecasts(new int[] {checked[next]})[0];
                    assertEquals(
                            Float.floatToIntBits(want),
                            Float.floatToIntBits(p.orElseThrow().value()),
                            "origin " + checked[next]);
                    next++;
                }
            }
            assertEquals(checked.length, next);
        }
    }

    @Test
    void kernelPath_agreesWithTheDemoToTheKernelTolerance() throws Exception {
        float[] want = demoForecasts(testOrigins);
        try (Scorer kernel = Scorer.of(loadAgain(), ScoringPath.KERNEL)) {
            BatchPrediction all = kernel.scoreAll(bars);
            int first = reloaded.firstScorableRow();
            for (int i = 0; i < want.length; i++) {
                float got = all.value(testOrigins[i] + 1 - first, 0);
                // the kernel's output agrees with DJL's to 1e-5 relative (1e-6 absolute near 0);
                // exp turns that absolute output error into about the same relative forecast error
                assertEquals(want[i], got, 2e-5 * want[i], "test origin " + testOrigins[i]);
            }
        }
    }

    @Test
    void scoreCommand_servesThePipelineFromTheRegistry_printingTheForecasts() {
        Path csv = DataDirectory.require(DataDirectory.resolve(), "spx-daily/spx.csv");
        BatchPrediction all = reloaded.scoreAll(bars);

        CliRun r =
                CliRun.of(
                        "score",
                        "--registry",
                        ROOT.resolve("registry").toString(),
                        "--name",
                        NAME,
                        "--file",
                        csv.toString(),
                        "--last",
                        "3",
                        "--path",
                        "djl");

        assertEquals(0, r.status(), r.err());
        // 8,111 bars, warm-up 20, window 20: 8,111 - 20 - 20 + 1 = 8,072 windows
        assertTrue(r.out().contains("batch: 8,072 windows in one call"), r.out());
        List<String> printed =
                r.out().lines().filter(l -> l.matches("  \\d{4}-\\d{2}-\\d{2} .*")).toList();
        assertEquals(3, printed.size(), r.out());
        assertTrue(printed.get(2).startsWith("  2022-03-10 "), printed.get(2));
        for (int k = 0; k < 3; k++) {
            float v = all.value(all.rows() - 3 + k, 0);
            // a daily sd forecast: between the floor 1e-4 and 10 % a day
            assertTrue(v > 1e-4 && v < 0.1, "forecast " + v);
            assertEquals(
                    String.format(Locale.ROOT, "%+.6e", v),
                    printed.get(k).substring(13).strip(),
                    r.out());
        }
    }

    @Test
    void builder_refusesAnotherTargetScale_andNamesMissingValues() {
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VolatilityPipelines.builder().setSmearing(1.0).build());
        IllegalArgumentException scale =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                VolatilityPipelines.builder()
                                        .setModel(fitted.model())
                                        .setFeatureScale(VolatilityWindows.FeatureScale.LOG)
                                        .setFeatureMeans(features.means())
                                        .setFeatureSds(features.sds())
                                        .setTargetScale(LstmVolatility.TargetScale.PERCENT)
                                        .setSmearing(1.0)
                                        .setTrainingBars(bars)
                                        .build());

        assertEquals(
                "volatility pipeline builder is missing [model, featureScale, featureMeans,"
                        + " featureSds, targetScale, trainingBars]",
                missing.getMessage());
        assertEquals(
                "targetScale must be LOG_RATIO (the only one with a decoder) but was PERCENT",
                scale.getMessage());
    }

    @Test
    void builder_refusesANonPositiveSd_namingTheFeature() {
        double[] sds = features.sds();
        sds[2] = 0.0;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                VolatilityPipelines.builder()
                                        .fromModelState(fitted.model())
                                        .setFeatureSds(sds)
                                        .setTrainingBars(bars)
                                        .build());

        assertEquals("featureSds[2] (rv5) must be finite and > 0 but was 0.0", e.getMessage());
    }

    @Test
    void reloadedPipeline_zScoresWithTheDemosMeansAndSds_afterTheLogs() {
        List<FittedTransform> t = reloaded.transforms();

        // ln(|r| + 0.001), then ln of rv5 and rv20, then (x - mean) / sd of VolatilityWindows
        assertEquals(3, t.size());
        assertEquals("log", t.get(0).state().type());
        assertEquals("0.001", t.get(0).state().params().get("offset"));
        assertEquals(List.of("rv5", "rv20"), t.get(1).state().columns());
        ZScoreTransform.FittedZScore z = (ZScoreTransform.FittedZScore) t.get(2);
        assertArrayEquals(features.means(), z.centers(), 0.0);
        assertArrayEquals(features.sds(), z.scales(), 0.0);
    }

    private static Pipeline loadAgain() throws Exception {
        return Pipeline.fromRegistry(registry, NAME, 1);
    }
}
