// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
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
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.djl.scoring.ScoringThreads;
import dev.maasfin.djl.scoring.StreamingScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process scoring latency and throughput of an LSTM pipeline through {@link Scorer} (DJL path
 * forced) versus a raw DJL {@link Predictor} on the same model with an already-prepared {@code
 * NDArray} input, plus one streaming bar update and score and, for reference, the pure-Java kernel
 * path; all in one JMH run.
 *
 * <p>Model: {@link RecurrentForecasterSpec} LSTM, window 32, 3 features from a {@link FeatureSet}
 * (close log return, RSI 14, 10-bar rolling sd of close; z-scored on the bars), hidden 32, one
 * layer, seed 1 (untrained: latency does not depend on the weights). Data: the last 2,000 S&P 500
 * daily bars of {@code spx-daily/spx.csv}. The scorer path includes the schema check, the z-score
 * transform, the float conversion, the input tensor, the model call in a per-call {@code NDManager}
 * scope and the copy out; the raw path is {@code predictor.predict} on a prepared {@code NDList}
 * and {@code toFloatArray} of the output, either as is ({@code rawPredictor*}, whose intermediate
 * arrays are never freed) or inside a freeing per-call scope ({@code rawPredictorScoped*}).
 * Single-window benchmarks sample latency ({@link Mode#SampleTime}, p50, p99); batch-64 benchmarks
 * measure calls per second ({@link Mode#Throughput}). PyTorch runs with {@code torchThreads}
 * intra-op and inter-op threads (0 = PyTorch's defaults), set through {@link ScoringThreads} before
 * the engine loads. Not thread-safe (JMH state per benchmark, one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScorerBenchmark {
    static final String FILE = "spx-daily/spx.csv";
    static final int WINDOW = 32;
    static final int BATCH = 64;
    static final String[] NAMES = {"logreturn_1", "rsi_14", "sd_10"};
    static final int WIDTH = NAMES.length;

    /** PyTorch intra-op and inter-op threads; 0 keeps PyTorch's defaults. */
    @Param({"1"})
    public int torchThreads;

    BarSeries bars;
    Scorer scorer;
    Scorer kernelScorer;
    ByteBuffer direct;
    StreamingScorer stream;
    Predictor<NDList, NDList> raw;
    NDManager manager;
    NDList rawSingle;
    NeuralModel model;
    float[] preparedSingle;
    float[] preparedBatch;
    NDList rawBatch;
    double[][] single;
    double[][][] batch;
    int next;
    long time;

    /** Builds the pipeline, the scorer, the raw predictor and the prepared inputs once. */
    @Setup(Level.Trial)
    public void setUp() {
        if (torchThreads > 0) {
            ScoringThreads.configure(torchThreads, torchThreads);
        }
        bars = load();
        Pipeline p = pipeline(bars);
        Frame f = p.features(bars);
        single = window(f, f.rows() - 1);
        batch = new double[BATCH][][];
        for (int k = 0; k < BATCH; k++) {
            batch[k] = window(f, f.rows() - 1 - k);
        }
        prepareRaw(p);
        // the DJL path, which BENCHMARKS.md measures against the raw DJL predictor
        scorer = Scorer.of(p, ScoringPath.DJL);
        stream = scorer.streaming(ZoneId.of("UTC"));
        // same seed, so the same weights; the reference row of the pure-Java kernel
        kernelScorer = Scorer.of(pipeline(bars), ScoringPath.KERNEL);
        direct =
                ByteBuffer.allocateDirect(preparedSingle.length * Float.BYTES)
                        .order(ByteOrder.nativeOrder());
        time = bars.epochMillis(bars.size() - 1);
    }

    private void prepareRaw(Pipeline p) {
        NeuralModel m = p.model();
        model = m;
        preparedSingle = flatZ(p, new double[][][] {single});
        preparedBatch = flatZ(p, batch);
        raw = m.djlModel().newPredictor(new NoopTranslator());
        manager = m.djlModel().getNDManager().newSubManager();
        rawSingle = new NDList(manager.create(flatZ(p, new double[][][] {single}), shape(1)));
        rawBatch = new NDList(manager.create(flatZ(p, batch), shape(BATCH)));
    }

    private static Shape shape(int n) {
        return new Shape(n, WINDOW, WIDTH);
    }

    /** The model input the pipeline would build: z-scored rows as float, row-major. */
    private static float[] flatZ(Pipeline p, double[][][] windows) {
        float[] out = new float[windows.length * WINDOW * WIDTH];
        int k = 0;
        for (double[][] w : windows) {
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int c = 0; c < WIDTH; c++) {
                cols.put(NAMES[c], col(w, c));
            }
            Frame t = p.transforms().get(0).apply(Frame.of(cols));
            for (int r = 0; r < WINDOW; r++) {
                for (int c = 0; c < WIDTH; c++) {
                    out[k++] = (float) t.column(c)[r];
                }
            }
        }
        return out;
    }

    private static double[] col(double[][] w, int c) {
        double[] v = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            v[r] = w[r][c];
        }
        return v;
    }

    private static double[][] window(Frame f, int end) {
        double[][] w = new double[WINDOW][WIDTH];
        for (int r = 0; r < WINDOW; r++) {
            for (int c = 0; c < WIDTH; c++) {
                w[r][c] = f.get(end - WINDOW + 1 + r, c);
            }
        }
        return w;
    }

    private static BarSeries load() {
        try {
            // MissingDataException naming the file if the data set is absent
            BarSeries all =
                    BarCsvLoader.defaults()
                            .load(DataDirectory.require(DataDirectory.resolve(), FILE));
            return all.slice(all.size() - 2000, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pipeline pipeline(BarSeries bars) {
        FeatureStage stage =
                FeatureStages.of(
                        FeatureSet.of(
                                FeatureSpec.logReturns(1),
                                FeatureSpec.rsi(14),
                                FeatureSpec.rollingStd(10)));
        Frame train = stage.compute(bars).sliceRows(stage.warmUp(), bars.size());
        FittedChain z = TransformChain.of(ZScoreTransform.of(NAMES)).fit(train);
        RecurrentForecasterSpec spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(WINDOW)
                        .setFeatures(WIDTH)
                        .optHidden(32)
                        .build();
        NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1);
        List<ColumnSpec> cols = new ArrayList<>();
        for (String name : NAMES) {
            cols.add(ColumnSpec.unbounded(name));
        }
        return Pipeline.builder()
                .setFeatures(stage)
                .optTransform(z)
                .setSchema(InputSchema.of(cols))
                .setModel(m)
                .setMetadata(Pipeline.provenance(m, DataFingerprint.of(train), Map.of(), Map.of()))
                .build();
    }

    /** One window through the scorer: check, transform, model, copy out. */
    @Benchmark
    public Prediction scorerSingle() {
        return scorer.score(single);
    }

    /**
     * One prepared window through a raw DJL predictor on the same model, as a DJL user would call
     * it on an input list prepared once: the forward pass's intermediate arrays attach to the
     * input's manager and are not freed per call (they accumulate until tear-down), and DJL's LSTM
     * appends its zero initial states to the reused list in the first call, so later calls skip
     * creating them.
     */
    @Benchmark
    public float[] rawPredictorSingle() throws TranslateException {
        return predictRaw(rawSingle);
    }

    /**
     * As {@link #rawPredictorSingle} but inside a per-call {@code NDManager} scope that frees the
     * forward pass's intermediate arrays, as any long-running caller must (the scorer does too).
     */
    @Benchmark
    public float[] rawPredictorScopedSingle() throws TranslateException {
        return predictRawScoped(rawSingle);
    }

    /**
     * The floor the scorer pays and the raw predictor does not: a per-call scope and an input
     * tensor made from Java floats (through a reused direct buffer), then closed. No forward pass.
     */
    @Benchmark
    public long tensorFromJavaSingle() {
        try (NDManager scope = manager.newSubManager()) {
            direct.clear();
            direct.asFloatBuffer().put(preparedSingle);
            NDArray x = scope.create(direct, shape(1), DataType.FLOAT32);
            return x.getShape().size();
        }
    }

    /**
     * One prepared window through {@link NeuralModel#predict} (array creation, forward, copy out):
     * splits the scorer's overhead between pipeline preparation and the model call.
     */
    @Benchmark
    public float[] modelPredictSingle() {
        return model.predict(preparedSingle, 1);
    }

    /** One window through the scorer on the pure-Java kernel path (reference). */
    @Benchmark
    public Prediction kernelSingle() {
        return kernelScorer.score(single);
    }

    /** 64 windows in one scorer call (throughput: calls per second; x 64 for windows). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BatchPrediction scorerBatch64() {
        return scorer.scoreBatch(batch);
    }

    /** 64 prepared windows through {@link NeuralModel#predict}: splits the batch overhead. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] modelPredictBatch64() {
        return model.predict(preparedBatch, BATCH);
    }

    /** 64 prepared windows in one raw predictor call (intermediates not freed, as above). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] rawPredictorBatch64() throws TranslateException {
        return predictRaw(rawBatch);
    }

    /** 64 prepared windows in one raw predictor call inside a freeing scope. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] rawPredictorScopedBatch64() throws TranslateException {
        return predictRawScoped(rawBatch);
    }

    /** 64 windows through the scorer on the pure-Java kernel path (reference). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BatchPrediction kernelBatch64() {
        return kernelScorer.scoreBatch(batch);
    }

    private float[] predictRaw(NDList in) throws TranslateException {
        NDList out = raw.predict(in);
        float[] y = out.head().toFloatArray();
        out.close();
        return y;
    }

    /**
     * The prepared array in a new list per call: DJL's LSTM appends its zero initial states to the
     * list it is given, so a reused list would carry them (created in the first call) into the next
     * call, and here they are freed with the scope.
     */
    private float[] predictRawScoped(NDList in) throws TranslateException {
        NDArray x = in.head();
        try (NDManager scope = manager.newSubManager()) {
            // the forward pass creates its arrays in the input's manager: lend it the scope
            x.attach(scope);
            try {
                return raw.predict(new NDList(x)).head().toFloatArray();
            } finally {
                x.attach(manager);
            }
        }
    }

    /**
     * One new bar into the streaming scorer: incremental features, ring buffer, score. Bars replay
     * the loaded closes with times one day apart after the last bar.
     */
    @Benchmark
    public Optional<Prediction> streamingOneBar() {
        int i = next;
        next = next + 1 == bars.size() ? 1 : next + 1;
        time += 86_400_000L;
        return stream.onBar(
                time, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
    }

    /** Releases native memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        manager.close();
        scorer.close();
        kernelScorer.close();
    }
}
