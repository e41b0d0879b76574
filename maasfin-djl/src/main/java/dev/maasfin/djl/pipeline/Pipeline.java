// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.kernel.Kernel;
import dev.maasfin.core.kernel.SequentialKernel;
import dev.maasfin.core.pipeline.FeatureStage;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.pipeline.OutputDecoder;
import dev.maasfin.core.pipeline.PipelineMetadata;
import dev.maasfin.core.privacy.PrivacySchema;
import dev.maasfin.core.transform.FittedChain;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.engine.EngineInfo;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.export.KernelExporter;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.NeuralModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted scoring pipeline: feature stage, fitted transforms, input schema, network, output
 * decoder and provenance, saved and loaded as one artifact so that scoring sees exactly what
 * training saw.
 *
 * <p>Data flow for one window of {@link #window()} feature rows: the rows are checked against the
 * {@link #schema()} (column names and order, finite, in range), the fitted transforms are applied
 * column-wise, the result is flattened row-major as {@code float} ({@code [window, features]} for a
 * recurrent or convolutional model, {@code [features]} when the model takes one row), the model
 * predicts, and the {@link #decoder() output decoder} turns each output into the served value
 * (identity unless the builder was given another; a {@link OutputDecoder.Kind#LOG_RATIO_TO_FEATURE}
 * decoder reads its anchor from the window's last row <em>before</em> the transforms). Bars enter
 * through the {@link #features() feature stage} first; a window ending at row {@code t} uses rows
 * {@code t - window + 1 .. t}, all of which must be past the stage's warm-up. The same steps run on
 * every entry point (one window, a batch, a frame, bars, bar by bar through a scorer) and on both
 * forward paths. When every transform is a per-column affine scaler (z-score, min-max, robust),
 * windows given as arrays ({@link #scoreBatch}) are checked, scaled and flattened in one pass with
 * the same arithmetic (bit-identical input, same error messages). A {@link DenseAutoencoderSpec}
 * model is scored as an anomaly detector: the value is the mean squared reconstruction error and
 * the flag says whether it exceeds the threshold stored in the model's state under {@link
 * AutoencoderDetector#THRESHOLD_KEY} (never flagged if none is stored); its score is never decoded.
 *
 * <p>The artifact layout is {@link dev.maasfin.core.pipeline.PipelineLayout}; {@link #save} writes
 * to a temporary sibling and renames atomically, {@link #load} verifies the SHA-256 manifest first
 * and refuses a tampered or partial artifact naming the file. A {@link PrivacySchema} given to the
 * builder refuses raw personal columns in the schema and marks derived ones personal (their values
 * never appear in messages); the schema's personal flags are saved, the privacy schema itself is
 * not.
 *
 * <p>Reproducibility: a saved and loaded pipeline gives bit-identical predictions to the one that
 * was saved, on the same engine and device, for the same batch composition. PyTorch's CPU kernels
 * block a batch differently by its size, so one window scored alone and inside a batch of hundreds
 * can differ in the last bit of the float (1 ulp seen); compare such results to float rounding. A
 * decoder is pure Java arithmetic on the output and a raw feature value, so it adds no such
 * difference of its own (a 1-ulp output difference can still move the decoded float by about as
 * much, relatively). Limits: the artifact is a directory (no zip form); the privacy schema is not
 * saved (only the schema's personal flags); transforms must keep column names and apply row by row.
 *
 * <p>Two forward paths compute the model's output: the DJL network (the default, any architecture,
 * any device) or, after {@link #withKernel()}, a pure-Java {@link SequentialKernel} exported from
 * the same network (CPU only, no JNI call, no per-call native allocation); everything before the
 * model call is shared, so the two differ only by the kernel's float rounding (1e-5 relative).
 *
 * <p>Thread-safe: immutable apart from the network, whose prediction is thread-safe (see {@link
 * NeuralModel}); a kernel is immutable and gives each thread its own scratch through a {@link
 * ThreadLocal}. The pipeline owns the network: {@link #close()} releases its native memory.
 */
public final class Pipeline implements AutoCloseable {

    private final FeatureStage features;
    private final List<FittedTransform> transforms;
    private final InputSchema schema;
    private final NeuralModel model;
    private final PipelineMetadata metadata;
    private final int version;
    private final int window;
    private final int width;
    private final AutoencoderDetector detector;
    private final double threshold;
    private final Kernel kernel;
    private final OutputDecoder decoder;
    private final int anchorIndex;
    private final FusedInput fused;

    private Pipeline(Builder b, int version) {
        this(b, version, null);
    }

    private Pipeline(Builder b, int version, Kernel kernel) {
        this.features = b.features;
        this.transforms = List.copyOf(b.transforms);
        this.schema = b.schema;
        this.model = b.model;
        this.metadata = b.metadata;
        this.version = version;
        int[] shape = model.inputShape();
        this.window = shape.length == 1 ? 1 : shape[0];
        this.width = schema.size();
        this.detector =
                model.spec() instanceof DenseAutoencoderSpec
                        ? new AutoencoderDetector(model)
                        : null;
        Object t = model.state().get(AutoencoderDetector.THRESHOLD_KEY);
        this.threshold = t instanceof Number n ? n.doubleValue() : Double.NaN;
        this.kernel = kernel;
        this.decoder = b.decoder;
        this.anchorIndex =
                decoder.anchorColumn().map(c -> schema.columnNames().indexOf(c)).orElse(-1);
        this.fused = FusedInput.of(schema, transforms, window);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a copy of this pipeline tagged with a registry version, sharing the network.
     *
     * @throws IllegalArgumentException if {@code version < 0}
     */
    Pipeline withVersion(int newVersion) {
        if (newVersion < 0) {
            throw new IllegalArgumentException("version must be >= 0 but was " + newVersion);
        }
        return new Pipeline(copy(), newVersion, kernel);
    }

    private Builder copy() {
        Builder b = new Builder();
        b.features = features;
        b.transforms.addAll(transforms);
        b.schema = schema;
        b.model = model;
        b.metadata = metadata;
        b.decoder = decoder;
        return b;
    }

    /**
     * Returns whether the network's architecture can be scored by a pure-Java kernel (see {@link
     * KernelExporter#isSupported}).
     */
    public boolean kernelSupported() {
        return KernelExporter.isSupported(model.spec());
    }

    /**
     * Returns a pipeline that computes the same predictions with a pure-Java {@link
     * SequentialKernel} exported from this pipeline's network instead of calling DJL: same
     * features, transforms, schema, version and (for an autoencoder) threshold. The kernel agrees
     * with the DJL forward pass to 1e-5 relative (1e-6 absolute near zero, see {@link
     * KernelExporter}) and gives the same bits for a window alone or inside any batch.
     *
     * <p>The two pipelines share the network ({@link #model()} stays usable for explanation and
     * saving): close exactly one of them, which releases the network. Parameters changed on the
     * network later do not reach the kernel.
     *
     * @return a pipeline scoring through the kernel (this pipeline if it already does)
     * @throws UnsupportedOperationException if the architecture has no kernel; the message names
     *     the architecture and lists the supported ones
     * @throws IllegalStateException if a parameter does not have the shape the spec implies
     */
    public Pipeline withKernel() {
        if (kernel != null) {
            return this;
        }
        return new Pipeline(copy(), version, KernelExporter.export(model));
    }

    /** Returns whether this pipeline scores through a pure-Java kernel rather than DJL. */
    public boolean usesKernel() {
        return kernel != null;
    }

    /** Returns the feature stage. */
    public FeatureStage features() {
        return features;
    }

    /** Returns the fitted transforms, applied in order. */
    public List<FittedTransform> transforms() {
        return transforms;
    }

    /** Returns the input schema (feature columns in model order). */
    public InputSchema schema() {
        return schema;
    }

    /** Returns the network. */
    public NeuralModel model() {
        return model;
    }

    /** Returns the output decoder ({@link OutputDecoder#identity()} unless one was given). */
    public OutputDecoder decoder() {
        return decoder;
    }

    /** Returns the provenance. */
    public PipelineMetadata metadata() {
        return metadata;
    }

    /** Returns the registry version this pipeline was loaded as, or 0. */
    public int version() {
        return version;
    }

    /** Returns the number of feature rows per window. */
    public int window() {
        return window;
    }

    /** Returns what the model predicts. */
    public ModelKind kind() {
        return detector != null ? ModelKind.ANOMALY_DETECTOR : model.kind();
    }

    /** Returns the number of outputs per window (1 for an anomaly detector). */
    public int outputWidth() {
        return detector != null ? 1 : model.outputWidth();
    }

    /**
     * Returns the anomaly threshold stored with the model, or {@code NaN} if none.
     *
     * @return the threshold on the mean squared reconstruction error
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Computes the feature rows of bars with this pipeline's feature stage.
     *
     * @throws IllegalArgumentException as {@link FeatureStage#compute}
     */
    public Frame features(BarSeries bars) {
        return features.compute(bars);
    }

    /**
     * Scores one window of feature rows (before transforms), oldest first.
     *
     * @param rows {@link #window()} rows of {@code schema().size()} values in schema order
     * @throws IllegalArgumentException if the row count differs from the window, or a row fails the
     *     schema (naming column, row and value)
     */
    public Prediction score(double[][] rows) {
        return scoreBatch(new double[][][] {rows}).row(0);
    }

    /**
     * Scores several windows of feature rows in one model call.
     *
     * @param windows each {@link #window()} rows of {@code schema().size()} values
     * @throws IllegalArgumentException if there is no window, or a window or row fails the checks
     *     (the message starts with {@code window i:})
     */
    public BatchPrediction scoreBatch(double[][][] windows) {
        Objects.requireNonNull(windows, "windows");
        double[] anchors = new double[windows.length];
        float[] x = fused == null ? null : fused.prepare(windows);
        if (x == null) {
            return predict(prepare(windows, anchors), windows.length, anchors);
        }
        for (int w = 0; w < windows.length; w++) {
            // the one-pass path checked every row; the anchor is the last row's raw value
            anchors[w] = anchorIndex < 0 ? Double.NaN : windows[w][window - 1][anchorIndex];
        }
        return predict(x, windows.length, anchors);
    }

    /**
     * Scores the window ending at the last row of a feature frame.
     *
     * @param featureRows rows with exactly the schema's columns, at least {@link #window()} rows
     * @throws IllegalArgumentException if columns differ from the schema, there are fewer rows than
     *     the window, or a used row fails the schema
     */
    public Prediction score(Frame featureRows) {
        return scoreWindows(featureRows, new int[] {featureRows.rows() - 1}).row(0);
    }

    /**
     * Scores the windows ending at the given rows of a feature frame, in one model call.
     *
     * @param featureRows rows with exactly the schema's columns
     * @param endRows the last row of each window, each {@code >= window() - 1}
     * @throws IllegalArgumentException if columns differ, an end row is out of range, or a used row
     *     fails the schema
     */
    public BatchPrediction scoreWindows(Frame featureRows, int[] endRows) {
        Objects.requireNonNull(endRows, "endRows");
        double[] anchors = new double[endRows.length];
        return predict(prepare(featureRows, endRows, anchors), endRows.length, anchors);
    }

    /**
     * Computes features over bars and scores the window ending at the last bar.
     *
     * @throws IllegalArgumentException if there are fewer than {@code warmUp + window} bars, or a
     *     bar or feature row fails its checks
     */
    public Prediction score(BarSeries bars) {
        Frame f = features.compute(bars);
        checkEnoughRows(f.rows());
        return score(f);
    }

    /**
     * Computes features over bars and scores every window whose rows are all past the warm-up: the
     * windows ending at rows {@code warmUp + window - 1 .. size - 1}, in order.
     *
     * @throws IllegalArgumentException if there are fewer than {@code warmUp + window} bars, or a
     *     feature row fails the schema
     */
    public BatchPrediction scoreAll(BarSeries bars) {
        Frame f = features.compute(bars);
        checkEnoughRows(f.rows());
        int first = firstScorableRow();
        int[] ends = new int[f.rows() - first];
        for (int k = 0; k < ends.length; k++) {
            ends[k] = first + k;
        }
        return scoreWindows(f, ends);
    }

    /** Returns the first row at which a full window lies past the feature warm-up. */
    public int firstScorableRow() {
        return features.warmUp() + window - 1;
    }

    private void checkEnoughRows(int rows) {
        if (rows <= firstScorableRow()) {
            throw new IllegalArgumentException(
                    "bars must number at least warm-up + window = "
                            + (firstScorableRow() + 1)
                            + " but were "
                            + rows);
        }
    }

    /** Checks and copies the windows, records each one's raw anchor, transforms and flattens. */
    private float[] prepare(double[][][] windows, double[] anchors) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("windows must hold at least one window");
        }
        int n = windows.length * window;
        double[][] cols = new double[width][n];
        for (int w = 0; w < windows.length; w++) {
            copyWindow(w, windows[w], cols);
            anchors[w] = anchorOf(cols, w);
        }
        return flatten(transform(cols), windows.length);
    }

    /**
     * The decoder's anchor of window {@code w} in column-major input (its last row's raw value of
     * the anchor column), or NaN when the decoder reads none.
     */
    private double anchorOf(double[][] cols, int w) {
        return anchorIndex < 0 ? Double.NaN : cols[anchorIndex][(w + 1) * window - 1];
    }

    private void copyWindow(int w, double[][] rows, double[][] cols) {
        Objects.requireNonNull(rows, "window " + w);
        if (rows.length != window) {
            throw new IllegalArgumentException(
                    "window " + w + ": must have " + window + " rows but had " + rows.length);
        }
        for (int r = 0; r < window; r++) {
            try {
                schema.checkRow(rows[r], r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("window " + w + ": " + e.getMessage(), e);
            }
            for (int c = 0; c < width; c++) {
                cols[c][w * window + r] = rows[r][c];
            }
        }
    }

    /** As {@link #prepare(double[][][], double[])} for windows ending at rows of a frame. */
    private float[] prepare(Frame rows, int[] endRows, double[] anchors) {
        Objects.requireNonNull(rows, "featureRows");
        schema.checkColumns(rows.columnNames());
        if (endRows.length == 0) {
            throw new IllegalArgumentException("endRows must hold at least one row");
        }
        double[][] cols = new double[width][endRows.length * window];
        for (int w = 0; w < endRows.length; w++) {
            int end = endRows[w];
            if (end < window - 1 || end >= rows.rows()) {
                throw new IllegalArgumentException(
                        "endRows["
                                + w
                                + "] must lie in ["
                                + (window - 1)
                                + ", "
                                + (rows.rows() - 1)
                                + "] for a window of "
                                + window
                                + " over "
                                + rows.rows()
                                + " rows but was "
                                + end);
            }
            schema.checkRows(rows, end - window + 1, end + 1);
            for (int c = 0; c < width; c++) {
                System.arraycopy(rows.column(c), end - window + 1, cols[c], w * window, window);
            }
            anchors[w] = anchorOf(cols, w);
        }
        return flatten(transform(cols), endRows.length);
    }

    private double[][] transform(double[][] cols) {
        if (transforms.isEmpty()) {
            return cols;
        }
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            map.put(schema.columnNames().get(c), cols[c]);
        }
        Frame f = Frame.of(map);
        for (FittedTransform t : transforms) {
            f = t.apply(f);
        }
        double[][] out = new double[width][];
        for (int c = 0; c < width; c++) {
            out[c] = f.column(schema.columnNames().get(c));
        }
        return out;
    }

    private float[] flatten(double[][] cols, int batch) {
        int rows = batch * window;
        float[] x = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                float v = (float) cols[c][r];
                if (Float.isInfinite(v)) {
                    throw beyondFloat(r, c, cols[c][r]);
                }
                x[r * width + c] = v;
            }
        }
        return x;
    }

    /**
     * A transformed value the model's float input cannot hold (the schema accepted the raw value,
     * which then scaled beyond about 3.4e38), named as the schema names its refusals.
     */
    private IllegalArgumentException beyondFloat(int row, int c, double scaled) {
        ColumnSpec spec = schema.columns().get(c);
        String shown = spec.personal() ? "<withheld: personal column>" : String.valueOf(scaled);
        return new IllegalArgumentException(
                "window "
                        + row / window
                        + ": column '"
                        + spec.name()
                        + "' row "
                        + row % window
                        + ": value scales to "
                        + shown
                        + ", beyond the float range of the model input (|x| <= "
                        + Float.MAX_VALUE
                        + ")");
    }

    private BatchPrediction predict(float[] x, int batch, double[] anchors) {
        if (detector == null) {
            float[] y = decode(forward(x, batch), batch, anchors);
            return new BatchPrediction(
                    version, model.kind(), batch, model.outputWidth(), y, new boolean[batch]);
        }
        float[] s = kernel == null ? detector.scores(x, batch) : reconstructionScores(x, batch);
        boolean[] flags = new boolean[batch];
        for (int i = 0; i < batch; i++) {
            flags[i] = s[i] > threshold;
        }
        return new BatchPrediction(version, ModelKind.ANOMALY_DETECTOR, batch, 1, s, flags);
    }

    /** Decodes the outputs in place, each window's with its own anchor. */
    private float[] decode(float[] y, int batch, double[] anchors) {
        if (decoder.isIdentity()) {
            return y;
        }
        int outputs = y.length / batch;
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < outputs; k++) {
                y[i * outputs + k] = decoder.decode(y[i * outputs + k], anchors[i]);
            }
        }
        return y;
    }

    private float[] forward(float[] x, int batch) {
        if (kernel == null) {
            return model.predict(x, batch);
        }
        float[] y = new float[batch * kernel.outputSize()];
        kernel.predictBatch(x, batch, y);
        return y;
    }

    /**
     * The anomaly score on the kernel path, computed as {@link AutoencoderDetector#scores}: per
     * feature the float {@code (x - x̂)^2 / d}, summed in double and rounded to float once.
     */
    private float[] reconstructionScores(float[] x, int batch) {
        float[] rec = forward(x, batch);
        int d = rec.length / batch;
        float[] s = new float[batch];
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double e = (double) x[i * d + j] - rec[i * d + j];
                sum += (float) (e * e / d);
            }
            s[i] = (float) sum;
        }
        return s;
    }

    /**
     * Saves this pipeline as a new artifact directory (layout {@link
     * dev.maasfin.core.pipeline.PipelineLayout}), atomically.
     *
     * @param dir the target directory, which must not exist
     * @throws ArtifactException if {@code dir} exists or writing fails (nothing is left at {@code
     *     dir} then)
     */
    public void save(Path dir) throws ArtifactException {
        PipelineFiles.save(this, dir);
    }

    /**
     * Loads a pipeline saved by {@link #save} onto the device recorded in its model.
     *
     * @param dir the artifact directory
     * @throws ArtifactException if the manifest is missing, a file is missing, extra or altered
     *     (naming it), the format version is unsupported, or a part cannot be read
     */
    public static Pipeline load(Path dir) throws ArtifactException {
        return PipelineFiles.load(dir, null, 0);
    }

    /**
     * Loads a pipeline saved by {@link #save} onto a device.
     *
     * @throws ArtifactException as {@link #load(Path)}
     */
    public static Pipeline load(Path dir, DeviceSpec device) throws ArtifactException {
        return PipelineFiles.load(dir, Objects.requireNonNull(device, "device"), 0);
    }

    /**
     * Saves this pipeline into {@code stagingDir}, publishes it as the next version of {@code
     * name}, and deletes {@code stagingDir}. The registry metadata records kind, window, data
     * fingerprint, seed and versions.
     *
     * @param stagingDir a directory that must not exist, on the registry's file system ideally
     * @throws ArtifactException if saving or publishing fails
     * @throws IllegalArgumentException as {@link ModelRegistry#publish}
     */
    public ModelVersion publish(
            ModelRegistry registry, String name, Path stagingDir, String who, String reason)
            throws ArtifactException {
        return PipelineFiles.publish(this, registry, name, stagingDir, who, reason);
    }

    /**
     * Loads version {@code version} of {@code name} from a registry (which verifies it), tagged
     * with that version.
     *
     * @throws ArtifactException if the version is missing or its artifact fails verification
     */
    public static Pipeline fromRegistry(ModelRegistry registry, String name, int version)
            throws ArtifactException {
        return fromRegistry(registry, name, version, null);
    }

    /**
     * Loads version {@code version} of {@code name} from a registry onto a device.
     *
     * @param device the device, or null for the one recorded in the artifact
     * @throws ArtifactException if the version is missing or its artifact fails verification
     */
    public static Pipeline fromRegistry(
            ModelRegistry registry, String name, int version, DeviceSpec device)
            throws ArtifactException {
        Path dir = registry.load(name, version);
        return PipelineFiles.load(dir, device, version);
    }

    /**
     * Records the provenance of a pipeline being assembled now: software versions from the loaded
     * engine, OS and architecture, the model's device and seed.
     *
     * @param model the trained network
     * @param dataFingerprint a {@link dev.maasfin.core.pipeline.DataFingerprint} of the training
     *     data
     * @param hyperParameters training settings as text
     * @param validationMetrics validation metric name to value
     * @throws IllegalArgumentException if the fingerprint is not 64 lower-case hex characters
     */
    public static PipelineMetadata provenance(
            NeuralModel model,
            String dataFingerprint,
            Map<String, String> hyperParameters,
            Map<String, Double> validationMetrics) {
        EngineInfo e = Engines.ensureLoaded();
        Map<String, String> hp = new LinkedHashMap<>(hyperParameters);
        model.spec().hyperParameters().forEach((k, v) -> hp.putIfAbsent("model." + k, text(v)));
        return new PipelineMetadata(
                Instant.now(),
                ModelArtifacts.maasfinVersion(),
                e.djlVersion(),
                e.engineName(),
                e.engineVersion(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                model.deviceSpec().toString(),
                dataFingerprint,
                model.seed(),
                hp,
                validationMetrics);
    }

    private static String text(Object v) {
        return v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v);
    }

    /**
     * Releases the network's native memory; later scoring on the DJL path fails with
     * IllegalStateException (a kernel-path pipeline needs no native memory and keeps scoring).
     */
    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "Pipeline[v"
                + version
                + ", "
                + kind()
                + ", window "
                + window
                + ", columns "
                + schema.columnNames()
                + ", features "
                + features
                + (decoder.isIdentity() ? "" : ", decoder " + decoder)
                + "]";
    }

    /**
     * Builds a {@link Pipeline}: feature stage, schema, model and metadata are required;
     * transforms, an output decoder and a privacy schema are optional. Not thread-safe.
     */
    public static final class Builder {
        private FeatureStage features;
        private final List<FittedTransform> transforms = new ArrayList<>();
        private InputSchema schema;
        private NeuralModel model;
        private PipelineMetadata metadata;
        private PrivacySchema privacy;
        private OutputDecoder decoder = OutputDecoder.identity();

        private Builder() {}

        /** Sets the feature stage (required). */
        public Builder setFeatures(FeatureStage stage) {
            this.features = Objects.requireNonNull(stage, "features");
            return this;
        }

        /** Sets the input schema over the feature columns (required). */
        public Builder setSchema(InputSchema inputSchema) {
            this.schema = Objects.requireNonNull(inputSchema, "schema");
            return this;
        }

        /** Sets the trained network (required); the pipeline takes ownership of it. */
        public Builder setModel(NeuralModel network) {
            this.model = Objects.requireNonNull(network, "model");
            return this;
        }

        /** Sets the provenance (required); see {@link Pipeline#provenance}. */
        public Builder setMetadata(PipelineMetadata meta) {
            this.metadata = Objects.requireNonNull(meta, "metadata");
            return this;
        }

        /**
         * Adds a fitted transform, applied after those added before (optional). A {@link
         * FittedChain} is added step by step.
         */
        public Builder optTransform(FittedTransform transform) {
            Objects.requireNonNull(transform, "transform");
            if (transform instanceof FittedChain chain) {
                transforms.addAll(chain.steps());
            } else {
                transforms.add(transform);
            }
            return this;
        }

        /**
         * Sets the output decoder (optional, default {@link OutputDecoder#identity()}), applied to
         * every model output on every scoring entry point.
         */
        public Builder optDecoder(OutputDecoder outputDecoder) {
            this.decoder = Objects.requireNonNull(outputDecoder, "decoder");
            return this;
        }

        /**
         * Sets a privacy schema (optional): the build refuses raw personal columns in the input
         * schema.
         */
        public Builder optPrivacy(PrivacySchema schema) {
            this.privacy = Objects.requireNonNull(schema, "privacy");
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @throws IllegalArgumentException naming every missing required value; if the schema's
         *     columns differ from the feature stage's; if the model's input shape is not {@code
         *     [window, columns]} or {@code [columns]}; if the decoder's anchor column is not a
         *     schema column; if an anomaly detector is given a decoder other than the identity; or
         *     if the privacy schema refuses a column
         */
        public Pipeline build() {
            List<String> missing = new ArrayList<>();
            if (features == null) {
                missing.add("features");
            }
            if (schema == null) {
                missing.add("schema");
            }
            if (model == null) {
                missing.add("model");
            }
            if (metadata == null) {
                missing.add("metadata");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("pipeline builder is missing " + missing);
            }
            checkConsistent();
            return new Pipeline(this, 0);
        }

        private void checkConsistent() {
            if (!schema.columnNames().equals(features.columnNames())) {
                throw new IllegalArgumentException(
                        "schema columns "
                                + schema.columnNames()
                                + " must equal the feature stage's columns "
                                + features.columnNames());
            }
            int[] shape = model.inputShape();
            boolean ok =
                    (shape.length == 1 && shape[0] == schema.size())
                            || (shape.length == 2 && shape[1] == schema.size());
            if (!ok) {
                throw new IllegalArgumentException(
                        "model input shape "
                                + Arrays.toString(shape)
                                + " must be [window, "
                                + schema.size()
                                + "] or ["
                                + schema.size()
                                + "] for "
                                + schema.size()
                                + " schema columns");
            }
            checkDecoder();
            if (privacy != null) {
                privacy.checkNoRawPersonalColumns(schema.columnNames());
            }
        }

        private void checkDecoder() {
            String anchor = decoder.anchorColumn().orElse(null);
            if (anchor != null && !schema.columnNames().contains(anchor)) {
                throw new IllegalArgumentException(
                        "decoder anchor column '"
                                + anchor
                                + "' must be one of the schema columns "
                                + schema.columnNames());
            }
            if (!decoder.isIdentity() && model.spec() instanceof DenseAutoencoderSpec) {
                throw new IllegalArgumentException(
                        "an anomaly detector's score is not decoded, so its decoder must be the"
                                + " identity but was "
                                + decoder);
            }
        }
    }
}
