// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.model.TrainingListener;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.data.DataDirectory;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.ImageCnnSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.train.LearningRateSchedule;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code patterns} demo (issue 8): a 2-D CNN on 28x28 image encodings of price windows
 * classifying the next-period return bucket, against the majority-class baseline.
 *
 * <p>Steps: load an OHLCV file; cut windows with a chronological, purged split ({@link
 * PatternSamples}); label each window by the bucket of its forward log return ({@link
 * ReturnBuckets}, edges from training labels); encode each window as an image from that window
 * alone and standardise pixels with training statistics ({@link PatternImages}); train {@link
 * ImageCnnSpec} with class weights from training frequencies and early stopping on validation loss;
 * score the test part against the majority class with an exact binomial test; publish the model to
 * a {@link FileSystemModelRegistry}, promote it to production, reload it and check the reloaded
 * model scores the test part bit-identically; write {@code report.md}, {@code report.json} and PNG
 * charts. Invalid arguments end with a one-line message (via {@code MaasfinCli}).
 *
 * <p>Limits: return buckets of a broad index are close to unpredictable, so the honest expected
 * outcome is no skill; overlapping label periods make the all-windows binomial test optimistic,
 * which is why the test on non-overlapping windows is the one the verdict uses. With quantile
 * buckets the training classes are near-equal, so the training-majority class is nearly arbitrary;
 * the report therefore also compares with the best constant class in hindsight. The default stride
 * 2 uses every second window to keep the run near a minute; the image side is fixed at 28 and the
 * MTF at 5 quantile bins; {@code --threads} sets a process-wide PyTorch property and has no effect
 * once the engine is loaded; the 70/15/15 fallback split is by bar position. Not thread-safe: one
 * instance per command-line run.
 */
@Command(
        name = "patterns",
        mixinStandardHelpOptions = true,
        description =
                "2-D CNN on GAF/MTF images of price windows predicting the next-period return"
                        + " bucket, against the majority-class baseline.")
public final class PatternsCommand implements Callable<Integer> {
    /** Image side in pixels (the classic 28x28 layout of issue 5). */
    static final int IMAGE_SIZE = 28;

    /** Registry name of the published model. */
    static final String MODEL_NAME = "spx-patterns-cnn";

    /** Stage the demo promotes its model to. */
    static final String STAGE = "production";

    private static final String WHO = "maasfin patterns";
    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    private static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder.")
    Path dataDir;

    @Option(names = "--debug", description = "Print the stack trace of a failure as well.")
    boolean debug;

    @Option(
            names = "--file",
            defaultValue = "spx-daily/spx.csv",
            description = "OHLCV CSV: a path, or a path under the data folder (${DEFAULT-VALUE}).")
    String file;

    @Option(
            names = "--column",
            defaultValue = "close",
            description = "Price column: open, high, low, close or adjclose (${DEFAULT-VALUE}).")
    String column;

    @Option(
            names = "--window",
            defaultValue = "28",
            description =
                    "Prices per window, >= 28; reduced to 28 points by PAA (${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--encoding",
            defaultValue = "gasf",
            description =
                    "gasf, gadf or mtf; comma-separated to stack channels (${DEFAULT-VALUE}).")
    String encoding;

    @Option(
            names = "--buckets",
            defaultValue = "3",
            description = "2 = direction; k >= 3 = training-part quantiles (${DEFAULT-VALUE}).")
    int buckets;

    @Option(names = "--horizon", defaultValue = "5", description = "Label horizon in bars.")
    int horizon;

    @Option(
            names = "--stride",
            defaultValue = "2",
            description = "Step between window ends; 2 keeps the default run near a minute.")
    int stride;

    @Option(names = "--epochs", defaultValue = "10", description = "Maximum training epochs.")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Training seed.")
    int seed;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description =
                    "PyTorch intra-op threads, applied if the engine is not loaded yet and"
                            + " -Dai.djl.pytorch.num_threads is not set (${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--validation-from",
            defaultValue = "2015-01-01",
            description = "First validation date (${DEFAULT-VALUE}).")
    LocalDate validationFrom;

    @Option(
            names = "--test-from",
            defaultValue = "2018-01-01",
            description = "First test date (${DEFAULT-VALUE}).")
    LocalDate testFrom;

    @Option(names = "--out", defaultValue = "runs/patterns", description = "Report folder.")
    Path out;

    @Option(names = "--registry", defaultValue = "runs/registry", description = "Registry root.")
    Path registry;

    @Spec CommandSpec spec;

    /** The prepared data set: samples, classes, images and how they were made. */
    record Prepared(
            BarSeries bars,
            Path csv,
            PatternSamples samples,
            ReturnBuckets buckets,
            int[] classes,
            PatternImages images,
            double[][] standardisation,
            String splitRule) {}

    @Override
    public Integer call() throws Exception {
        return run();
    }

    private int run() throws IOException {
        long start = System.nanoTime();
        checkOptions();
        Prepared p = prepare();
        PrintWriter out = spec.commandLine().getOut();
        printSetup(out, p);
        useThreads();
        Engines.ensureLoaded();
        TrainedModel trained = train(p, out);
        try (NeuralModel model = trained.model()) {
            int[] test = p.samples().positionsOf(PatternSamples.TEST);
            float[] probabilities = predict(model, p.images().select(test), test.length);
            ModelVersion version = publish(model, p);
            boolean identical = rescoreIdentical(probabilities, p.images().select(test));
            PatternsReport.write(
                    out,
                    this.out,
                    new PatternsReport.Inputs(
                            this,
                            p,
                            trained.result(),
                            probabilities,
                            version,
                            identical,
                            (System.nanoTime() - start) / 1e9));
        }
        return 0;
    }

    private void checkOptions() {
        requireAtLeast("--window", window, IMAGE_SIZE);
        requireAtLeast("--horizon", horizon, 1);
        requireAtLeast("--stride", stride, 1);
        requireAtLeast("--epochs", epochs, 1);
        requireAtLeast("--threads", threads, 1);
        if (buckets < 2 || buckets > 10) {
            throw new IllegalArgumentException("--buckets must be in 2..10 but was " + buckets);
        }
        ImageEncoding.parseList(encoding);
        if (!testFrom.isAfter(validationFrom)) {
            throw new IllegalArgumentException(
                    "--test-from must be after --validation-from "
                            + validationFrom
                            + " but was "
                            + testFrom);
        }
    }

    /**
     * Sets PyTorch's intra-op thread count unless the caller set it: on a shared 2-core machine one
     * thread trains this small net about ten times faster than two spinning OpenMP threads
     * (measured, see BENCHMARKS.md). No effect once the engine is loaded.
     */
    private void useThreads() {
        if (System.getProperty(NUM_THREADS) == null) {
            System.setProperty(NUM_THREADS, Integer.toString(threads));
        }
        if (System.getProperty(NUM_INTEROP_THREADS) == null) {
            System.setProperty(NUM_INTEROP_THREADS, "1");
        }
    }

    private static void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be >= " + min + " but was " + value);
        }
    }

    private Prepared prepare() throws IOException {
        Path csv = locate();
        BarSeries bars = BarCsvLoader.defaults().load(csv);
        double[] prices = prices(bars);
        if ((long) window + horizon > bars.size()) {
            throw new IllegalArgumentException(
                    "--window must be <= the series length "
                            + bars.size()
                            + " minus --horizon "
                            + horizon
                            + " ("
                            + csv.getFileName()
                            + ") but was "
                            + window);
        }
        int[] bounds = new int[2];
        String splitRule = partBoundaries(bars, bounds);
        PatternSamples samples =
                PatternSamples.build(prices, window, horizon, stride, bounds[0], bounds[1]);
        requireParts(samples);
        int[] train = samples.positionsOf(PatternSamples.TRAIN);
        ReturnBuckets cuts = ReturnBuckets.fit(select(samples.labels(), train), buckets);
        int[] classes = Arrays.stream(samples.labels()).mapToInt(cuts::classOf).toArray();
        List<ImageEncoding> encodings = ImageEncoding.parseList(encoding);
        PatternImages images =
                PatternImages.encode(prices, samples.ends(), window, encodings, IMAGE_SIZE);
        double[][] fitted = images.standardise(train);
        return new Prepared(bars, csv, samples, cuts, classes, images, fitted, splitRule);
    }

    private Path locate() {
        Path given = Path.of(file);
        if (Files.isRegularFile(given)) {
            return given.toAbsolutePath().normalize();
        }
        return DataDirectory.require(DataDirectory.resolve(dataDir), file);
    }

    private double[] prices(BarSeries bars) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case "open" -> bars.opens();
            case "high" -> bars.highs();
            case "low" -> bars.lows();
            case "close" -> bars.closes();
            case "adjclose" ->
                    bars.adjustedCloses()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "--column 'adjclose' is not in "
                                                            + bars.name()));
            default ->
                    throw new IllegalArgumentException(
                            "--column must be open, high, low, close or adjclose but was '"
                                    + column
                                    + "'");
        };
    }

    /**
     * Fills {first validation bar, first test bar} from the dates, or 70/15/15 of the bars when the
     * series does not span both dates; returns the rule used, for the report.
     */
    private String partBoundaries(BarSeries bars, int[] bounds) {
        int v = firstOnOrAfter(bars, validationFrom);
        int t = firstOnOrAfter(bars, testFrom);
        if (v > 0 && t > v && t < bars.size()) {
            bounds[0] = v;
            bounds[1] = t;
            return "by date: train before "
                    + validationFrom
                    + ", validation before "
                    + testFrom
                    + ", test from "
                    + testFrom;
        }
        bounds[0] = (int) (bars.size() * 0.70);
        bounds[1] = (int) (bars.size() * 0.85);
        return "by position 70/15/15 (the series does not span "
                + validationFrom
                + " and "
                + testFrom
                + ")";
    }

    private static int firstOnOrAfter(BarSeries bars, LocalDate date) {
        for (int i = 0; i < bars.size(); i++) {
            if (!LocalDate.ofInstant(bars.time(i), bars.zone()).isBefore(date)) {
                return i;
            }
        }
        return bars.size();
    }

    private void requireParts(PatternSamples samples) {
        String[] names = {"training", "validation", "test"};
        for (int part = 0; part < 3; part++) {
            int n = samples.positionsOf(part).length;
            if (n < buckets) {
                throw new IllegalArgumentException(
                        "the "
                                + names[part]
                                + " part holds "
                                + n
                                + " windows after the purge but needs >= --buckets "
                                + buckets
                                + "; use a longer series, a shorter --window or a smaller"
                                + " --stride");
            }
        }
    }

    private void printSetup(PrintWriter out, Prepared p) {
        out.printf(
                Locale.ROOT,
                "patterns: %s, %d bars; %s%n  windows train/validation/test %d/%d/%d (stride %d),"
                        + " %s %dx%d x %d channel(s), %d classes%n",
                p.csv().getFileName(),
                p.bars().size(),
                p.splitRule(),
                p.samples().positionsOf(PatternSamples.TRAIN).length,
                p.samples().positionsOf(PatternSamples.VALIDATION).length,
                p.samples().positionsOf(PatternSamples.TEST).length,
                stride,
                encoding,
                IMAGE_SIZE,
                IMAGE_SIZE,
                p.images().sampleShape()[0],
                p.buckets().classes());
        out.flush();
    }

    private TrainedModel train(Prepared p, PrintWriter out) {
        int[] train = p.samples().positionsOf(PatternSamples.TRAIN);
        int[] validation = p.samples().positionsOf(PatternSamples.VALIDATION);
        ImageCnnSpec cnn =
                ImageCnnSpec.builder()
                        .setImage(p.images().sampleShape()[0], IMAGE_SIZE, IMAGE_SIZE)
                        .setNumClasses(p.buckets().classes())
                        .optClassWeights(classWeights(select(p.classes(), train), buckets))
                        .build();
        TrainerConfig config =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAM)
                        .setLearningRate(1e-3)
                        .setBatchSize(64)
                        .setMaxEpochs(epochs)
                        .setSeed(seed)
                        .optSchedule(LearningRateSchedule.constant())
                        .optEarlyStopping(3, 0.0)
                        .build();
        TrainedModel trained =
                new ModelTrainer(config)
                        .train(cnn, data(p, train), data(p, validation), progress(out));
        recordPreprocessing(trained.model(), p);
        return trained;
    }

    /**
     * Returns weights {@code n / (k * n_c)} from the training class counts (scikit-learn's
     * "balanced"); a class absent from training gets weight 1.
     */
    static float[] classWeights(int[] trainingClasses, int k) {
        int[] counts = new int[k];
        for (int c : trainingClasses) {
            counts[c]++;
        }
        float[] w = new float[k];
        for (int c = 0; c < k; c++) {
            w[c] = counts[c] == 0 ? 1f : (float) trainingClasses.length / (k * counts[c]);
        }
        return w;
    }

    private static TrainingData data(Prepared p, int[] positions) {
        float[] y = new float[positions.length];
        for (int i = 0; i < positions.length; i++) {
            y[i] = p.classes()[positions[i]];
        }
        return TrainingData.of(p.images().select(positions), p.images().sampleShape(), y, 1);
    }

    private TrainingListener progress(PrintWriter out) {
        return (epoch, trainLoss, validationLoss, millis) -> {
            out.printf(
                    Locale.ROOT,
                    "  epoch %2d/%d  train loss %.4f  validation loss %.4f  %.1f s%n",
                    epoch,
                    epochs,
                    trainLoss,
                    validationLoss,
                    millis / 1000.0);
            out.flush();
        };
    }

    private void recordPreprocessing(NeuralModel model, Prepared p) {
        Map<String, Object> state = model.state();
        state.put("encodings", encoding);
        state.put("window", window);
        state.put("imageSize", IMAGE_SIZE);
        state.put("mtfBins", ImageEncoding.MTF_BINS);
        state.put("horizon", horizon);
        state.put("column", column);
        state.put("bucketEdges", p.buckets().edges());
        state.put("channelMeanSd", p.standardisation());
    }

    static float[] predict(NeuralModel model, float[] x, int n) {
        return model.predict(x, n);
    }

    private ModelVersion publish(NeuralModel model, Prepared p) throws IOException {
        Path staging =
                Files.createTempDirectory(
                        Files.createDirectories(out.toAbsolutePath()), ".artifact-");
        try {
            Path dir = staging.resolve("model");
            ModelArtifacts.save(model, dir);
            FileSystemModelRegistry reg =
                    FileSystemModelRegistry.builder().setRoot(registry.toAbsolutePath()).build();
            ModelVersion v = reg.publish(MODEL_NAME, dir, metadata(p), WHO, "patterns demo run");
            reg.promote(MODEL_NAME, v.version(), STAGE, WHO, "patterns demo: scored on test");
            return reg.find(MODEL_NAME, v.version()).orElse(v);
        } finally {
            deleteTree(staging);
        }
    }

    private Map<String, String> metadata(Prepared p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", p.csv().getFileName().toString());
        m.put("dataSha256", sha256(p.csv()));
        m.put("column", column);
        m.put("encoding", encoding);
        m.put("window", Integer.toString(window));
        m.put("horizon", Integer.toString(horizon));
        m.put("buckets", Integer.toString(buckets));
        m.put("bucketEdges", Arrays.toString(p.buckets().edges()));
        m.put("split", p.splitRule());
        m.put("seed", Integer.toString(seed));
        return m;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private boolean rescoreIdentical(float[] before, float[] testImages) throws IOException {
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder().setRoot(registry.toAbsolutePath()).build();
        try (NeuralModel reloaded = ModelArtifacts.load(reg.loadCurrent(MODEL_NAME, STAGE))) {
            float[] after = predict(reloaded, testImages, before.length / buckets);
            return Arrays.equals(before, after);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static int[] select(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }

    static double[] select(double[] values, int[] positions) {
        double[] out = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }
}
