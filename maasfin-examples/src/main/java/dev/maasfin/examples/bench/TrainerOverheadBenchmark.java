// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainedModel;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Training throughput (samples per second) of one epoch of the volatility task's LSTM through
 * {@link ModelTrainer} against a minimal hand-written DJL loop on an identical block and data.
 *
 * <p>Model: {@link RecurrentForecasterSpec} with window 60, 4 features, one LSTM layer of 64 units
 * and a dense head to 1. Data: {@value #SAMPLES} seeded synthetic windows (four AR(1) series, label
 * the next value of the first). Both sides: Adam, learning rate {@value #LEARNING_RATE}, batch
 * {@value #BATCH}, a fresh block initialised from the same engine seed, a seeded shuffle per epoch,
 * the per-batch loss read back to Java, no validation set. One invocation is one full epoch; the
 * score is samples per second ({@code OperationsPerInvocation(SAMPLES)}).
 *
 * <ul>
 *   <li>{@code maasfinTrainer}: {@code new ModelTrainer(config).train(spec, data, null, null)} with
 *       one epoch, exactly as a caller uses it: model creation, the epoch (batches gathered from
 *       Java arrays), the INFO line, and the final parameter restore are all inside.
 *   <li>{@code handLoop}: DJL's {@link Trainer} with {@code DefaultTrainingConfig(Loss.l2Loss())}
 *       and Adam; the whole data set is one device array prepared once in setup, and each batch is
 *       a device-side gather {@code x.get(indices)}; then {@code newGradientCollector}, {@code
 *       forward}, {@code backward}, {@code step}. DJL's L2 loss is half the mean squared error the
 *       maasfin spec uses; the cost of the two is the same up to one scalar multiply.
 * </ul>
 *
 * <p>The benchmark pins PyTorch to one intra-op and one inter-op thread (fork JVM arguments) so
 * that the ratio is not dominated by thread scheduling on a shared machine. JMH state is per
 * benchmark and used by one thread.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1"
        })
public class TrainerOverheadBenchmark {
    /** Number of training windows. */
    public static final int SAMPLES = 3072;

    /** Mini-batch size on both sides. */
    public static final int BATCH = 64;

    /** Adam learning rate on both sides. */
    public static final double LEARNING_RATE = 1e-3;

    private static final int WINDOW = 60;
    private static final int FEATURES = 4;
    private static final int HIDDEN = 64;
    private static final int SEED = 20261203;

    private RecurrentForecasterSpec spec;
    private TrainingData data;
    private ModelTrainer maasfin;
    private NDManager manager;
    private NDArray allX;
    private NDArray allY;

    /** Builds the data (as Java arrays for the trainer, as device arrays for the hand loop). */
    @Setup
    public void setUp() {
        Engines.ensureLoaded();
        spec =
                RecurrentForecasterSpec.builder()
                        .setWindow(WINDOW)
                        .setFeatures(FEATURES)
                        .optCell(RecurrentForecasterSpec.Cell.LSTM)
                        .optHidden(HIDDEN)
                        .optLayers(1)
                        .build();
        float[][] xy = windows(SEED);
        data = TrainingData.of(xy[0], new int[] {WINDOW, FEATURES}, xy[1], 1);
        maasfin =
                new ModelTrainer(
                        TrainerConfig.builder()
                                .setOptimizer(OptimizerKind.ADAM)
                                .setLearningRate(LEARNING_RATE)
                                .setBatchSize(BATCH)
                                .setMaxEpochs(1)
                                .setSeed(SEED)
                                .build());
        manager = NDManager.newBaseManager();
        allX = manager.create(xy[0], new Shape(SAMPLES, WINDOW, FEATURES));
        allY = manager.create(xy[1], new Shape(SAMPLES, 1));
        checkGather();
    }

    /** The hand loop's gather must pick whole rows, not flatten (as {@code take} would). */
    private void checkGather() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray idx = scope.create(new long[] {5, 2});
            NDArray gx = allX.get(idx);
            NDArray gy = allY.get(idx);
            gx.attach(scope);
            gy.attach(scope);
            Shape x = gx.getShape();
            Shape y = gy.getShape();
            if (!x.equals(new Shape(2, WINDOW, FEATURES)) || !y.equals(new Shape(2, 1))) {
                throw new IllegalStateException("row gather gave shapes " + x + " and " + y);
            }
        }
    }

    /** Releases the device arrays. */
    @TearDown
    public void tearDown() {
        manager.close();
    }

    /**
     * One epoch through the maasfin trainer.
     *
     * @return the epoch's training loss
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SAMPLES)
    public double maasfinTrainer() {
        TrainedModel run = maasfin.train(spec, data, null, null);
        try {
            return run.result().trainLoss()[0];
        } finally {
            run.model().close();
        }
    }

    /**
     * One epoch through a minimal hand-written DJL loop.
     *
     * @return the epoch's mean training loss
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SAMPLES)
    public double handLoop() {
        Engine.getInstance().setRandomSeed(SEED);
        try (Model model = Model.newInstance("hand", allX.getDevice(), Engines.ENGINE_NAME)) {
            Block block = spec.newBlock();
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(), DataType.FLOAT32, new Shape(1, WINDOW, FEATURES));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.l2Loss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(
                                                    Tracker.fixed((float) LEARNING_RATE))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                return epoch(trainer, new Random(SEED));
            }
        }
    }

    /**
     * Paired measurement outside JMH, for a noisy shared machine: alternates one epoch of each side
     * (the order flipping every pair) so that both see the same background load, and prints each
     * pair's times, the median of the per-pair ratios {@code trainer / hand}, and the ratio of the
     * fastest epochs (the least disturbed estimate of each side's own cost).
     *
     * @param args optional number of pairs (default 20) and warm-up pairs (default 3)
     * @throws IllegalArgumentException if an argument is not a positive integer
     */
    public static void main(String[] args) {
        int pairs = args.length > 0 ? positive("pairs", args[0]) : 20;
        int warmUp = args.length > 1 ? positive("warmUp", args[1]) : 3;
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        TrainerOverheadBenchmark b = new TrainerOverheadBenchmark();
        b.setUp();
        try {
            double[] ratio = new double[pairs];
            double[] hand = new double[pairs];
            double[] trainer = new double[pairs];
            for (int p = -warmUp; p < pairs; p++) {
                boolean handFirst = (p & 1) == 0;
                double first = handFirst ? b.timeHand() : b.timeTrainer();
                double second = handFirst ? b.timeTrainer() : b.timeHand();
                if (p >= 0) {
                    hand[p] = handFirst ? first : second;
                    trainer[p] = handFirst ? second : first;
                    ratio[p] = trainer[p] / hand[p];
                    System.out.printf(
                            "pair %2d: hand %.0f samples/s, trainer %.0f samples/s, "
                                    + "time ratio trainer/hand %.3f%n",
                            p, SAMPLES / hand[p], SAMPLES / trainer[p], ratio[p]);
                }
            }
            System.out.printf(
                    "median: hand %.0f samples/s, trainer %.0f samples/s, "
                            + "median per-pair time ratio %.3f (overhead %.1f %%)%n",
                    SAMPLES / median(hand),
                    SAMPLES / median(trainer),
                    median(ratio),
                    100 * (median(ratio) - 1));
            System.out.printf(
                    "fastest epoch: hand %.0f samples/s, trainer %.0f samples/s, ratio %.3f%n",
                    SAMPLES / min(hand), SAMPLES / min(trainer), min(trainer) / min(hand));
        } finally {
            b.tearDown();
        }
    }

    private double timeHand() {
        long t0 = System.nanoTime();
        handLoop();
        return (System.nanoTime() - t0) / 1e9;
    }

    private double timeTrainer() {
        long t0 = System.nanoTime();
        maasfinTrainer();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int positive(String name, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be a positive integer but was '" + text + "'");
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private double epoch(Trainer trainer, Random rnd) {
        long[] order = shuffled(rnd);
        double sum = 0;
        for (int from = 0; from < SAMPLES; from += BATCH) {
            int to = Math.min(SAMPLES, from + BATCH);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray idx = scope.create(Arrays.copyOfRange(order, from, to));
                NDArray x = allX.get(idx);
                NDArray y = allY.get(idx);
                x.attach(scope);
                y.attach(scope);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList pred = trainer.forward(new NDList(x));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                    gc.backward(loss);
                    trainer.step();
                    sum += loss.getFloat() * (to - from);
                }
            }
        }
        return sum / SAMPLES;
    }

    private static long[] shuffled(Random rnd) {
        long[] p = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            p[i] = i;
        }
        for (int i = SAMPLES - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Four seeded AR(1) series (coefficient 0.9, unit Gaussian shocks scaled by 0.1); window i is
     * rows {@code [i, i + 60)}, its label the first series at row {@code i + 60}.
     */
    static float[][] windows(long seed) {
        Random rnd = new Random(seed);
        int rows = SAMPLES + WINDOW;
        float[] series = new float[rows * FEATURES];
        for (int t = 1; t < rows; t++) {
            for (int f = 0; f < FEATURES; f++) {
                series[t * FEATURES + f] =
                        0.9f * series[(t - 1) * FEATURES + f] + 0.1f * (float) rnd.nextGaussian();
            }
        }
        int size = WINDOW * FEATURES;
        float[] x = new float[SAMPLES * size];
        float[] y = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            System.arraycopy(series, i * FEATURES, x, i * size, size);
            y[i] = series[(i + WINDOW) * FEATURES];
        }
        return new float[][] {x, y};
    }
}
