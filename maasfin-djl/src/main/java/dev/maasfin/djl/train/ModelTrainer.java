// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.maasfin.api.model.TrainingListener;
import dev.maasfin.djl.model.NetworkSpec;
import dev.maasfin.djl.model.NeuralModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains any {@link NetworkSpec} with mini-batch gradient descent on DJL's {@link Trainer}.
 *
 * <p>Each run: seeds the engine ({@code Engine.setRandomSeed}) and initialises the parameters; each
 * epoch shuffles the sample order with a {@link java.util.Random} seeded from the config's seed,
 * iterates the mini-batches on the calling thread (the last batch may be smaller), sets the
 * learning rate from the schedule, and evaluates the loss on the validation data. One INFO line per
 * epoch goes to SLF4J and, if given, to the {@link TrainingListener}. With early stopping the best
 * epoch's parameters are restored at the end. The same config, data, engine and device give
 * bit-identical parameters (tested on CPU).
 *
 * <p>Limit: the engine's random generator is global, so two trainings running at the same time in
 * one JVM are not reproducible. Thread-safe: a trainer holds only its immutable config; one run
 * uses only the calling thread.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

    private final TrainerConfig config;

    /** Creates a trainer for a config. */
    public ModelTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Returns the config. */
    public TrainerConfig config() {
        return config;
    }

    /**
     * Creates and trains a model of {@code spec}.
     *
     * @param spec the architecture
     * @param train training data
     * @param validation validation data, or null (then early stopping must be off)
     * @param listener per-epoch progress receiver, or null
     * @return the trained model (the caller closes it) and the run's record
     * @throws IllegalArgumentException if the data's sample shape or label width differ from the
     *     spec's (naming both), or early stopping is on without validation data
     * @throws IllegalStateException if the device cannot be used, or the training loss becomes NaN
     *     or infinite (diverging training; the model is closed)
     */
    public TrainedModel train(
            NetworkSpec spec,
            TrainingData train,
            TrainingData validation,
            TrainingListener listener) {
        checkData(spec, train, "train");
        if (validation != null) {
            checkData(spec, validation, "validation");
        } else if (config.earlyStopping()) {
            throw new IllegalArgumentException(
                    "early stopping (patience " + config.patience() + ") needs validation data");
        }
        NeuralModel model = NeuralModel.create(spec, config.device(), config.seed());
        try {
            TrainingResult result = run(model, train, validation, listener);
            model.trainingInfo().put("trainer", config.toMap());
            model.trainingInfo().put("result", result.toMap());
            return new TrainedModel(model, result);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void checkData(NetworkSpec spec, TrainingData data, String name) {
        if (!Arrays.equals(spec.inputShape(), data.sampleShape())
                || spec.labelWidth() != data.labelWidth()) {
            throw new IllegalArgumentException(
                    name
                            + " data has sample shape "
                            + Arrays.toString(data.sampleShape())
                            + " and label width "
                            + data.labelWidth()
                            + " but "
                            + spec.type()
                            + " expects "
                            + Arrays.toString(spec.inputShape())
                            + " and "
                            + spec.labelWidth());
        }
    }

    private TrainingResult run(
            NeuralModel model, TrainingData train, TrainingData validation, TrainingListener l) {
        long start = System.currentTimeMillis();
        EpochRate rate = new EpochRate();
        Loss loss = model.spec().newLoss();
        DefaultTrainingConfig djlConfig =
                new DefaultTrainingConfig(loss)
                        .optOptimizer(optimizer(rate))
                        .optDevices(new Device[] {model.device()});
        Random shuffle = new Random(config.seed());
        double[] trainLoss = new double[config.maxEpochs()];
        double[] valMetric = new double[config.maxEpochs()];
        int epochs = 0;
        int bestEpoch = 0;
        double best = Double.POSITIVE_INFINITY;
        byte[] bestParams = null;
        try (Trainer trainer = model.djlModel().newTrainer(djlConfig)) {
            for (int e = 0; e < config.maxEpochs(); e++) {
                long t0 = System.currentTimeMillis();
                rate.value =
                        (float)
                                config.schedule()
                                        .rate(config.learningRate(), e, config.maxEpochs());
                trainLoss[e] = trainEpoch(trainer, train, shuffle);
                valMetric[e] =
                        validation == null ? Double.NaN : evaluate(trainer, loss, validation);
                epochs = e + 1;
                report(epochs, trainLoss[e], valMetric[e], System.currentTimeMillis() - t0, l);
                if (!config.earlyStopping()) {
                    bestEpoch = epochs;
                } else if (valMetric[e] < best - config.minDelta()) {
                    best = valMetric[e];
                    bestEpoch = epochs;
                    bestParams = model.writeParameters();
                } else if (epochs - bestEpoch >= config.patience()) {
                    break;
                }
            }
        }
        restore(model, bestParams != null ? bestParams : model.writeParameters());
        return new TrainingResult(
                Arrays.copyOf(trainLoss, epochs),
                Arrays.copyOf(valMetric, epochs),
                bestEpoch,
                epochs < config.maxEpochs(),
                System.currentTimeMillis() - start);
    }

    private Optimizer optimizer(Tracker rate) {
        float clip = config.gradientClip() > 0 ? (float) config.gradientClip() : -1f;
        float decay = (float) config.weightDecay();
        switch (config.optimizer()) {
            case ADAM:
                return Optimizer.adam()
                        .optLearningRateTracker(rate)
                        .optWeightDecays(decay)
                        .optClipGrad(clip)
                        .build();
            case ADAMW:
                return Optimizer.adamW()
                        .optLearningRateTracker(rate)
                        .optWeightDecays(decay)
                        .optClipGrad(clip)
                        .build();
            default:
                return Optimizer.sgd()
                        .setLearningRateTracker(rate)
                        .optMomentum((float) config.momentum())
                        .optWeightDecays(decay)
                        .optClipGrad(clip)
                        .build();
        }
    }

    private double trainEpoch(Trainer trainer, TrainingData data, Random shuffle) {
        int[] order = permutation(data.size(), shuffle);
        double sum = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int to = Math.min(order.length, from + config.batchSize());
            double loss = trainBatch(trainer, data, order, from, to);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(
                        "training loss became "
                                + loss
                                + " in the batch starting at position "
                                + from
                                + " of the epoch; lower the learning rate ("
                                + config.learningRate()
                                + ") or set gradient clipping");
            }
            sum += loss * (to - from);
        }
        return sum / order.length;
    }

    private static double trainBatch(
            Trainer trainer, TrainingData data, int[] order, int from, int to) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList[] xy = batch(scope, data, order, from, to);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(xy[0]);
                NDArray loss = trainer.getLoss().evaluate(xy[1], pred);
                gc.backward(loss);
                trainer.step();
                return loss.getFloat();
            }
        }
    }

    private double evaluate(Trainer trainer, Loss loss, TrainingData data) {
        int[] order = permutation(data.size(), null);
        double sum = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int to = Math.min(order.length, from + config.batchSize());
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList[] xy = batch(scope, data, order, from, to);
                NDList pred = trainer.evaluate(xy[0]);
                sum += loss.evaluate(xy[1], pred).getFloat() * (to - from);
            }
        }
        return sum / order.length;
    }

    private static NDList[] batch(
            NDManager scope, TrainingData data, int[] order, int from, int to) {
        int n = to - from;
        int[] shape = data.sampleShape();
        int sampleSize = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] xs = new float[n * sampleSize];
        float[] ys = new float[n * data.labelWidth()];
        data.gather(order, from, to, xs, ys);
        long[] dims = new long[shape.length + 1];
        dims[0] = n;
        for (int k = 0; k < shape.length; k++) {
            dims[k + 1] = shape[k];
        }
        NDArray x = scope.create(xs, new Shape(dims));
        NDArray y = scope.create(ys, new Shape(n, data.labelWidth()));
        return new NDList[] {new NDList(x), new NDList(y)};
    }

    /** Identity order when {@code rnd} is null, else a Fisher-Yates shuffle. */
    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; rnd != null && i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private void report(int epoch, double loss, double val, long millis, TrainingListener l) {
        LOG.info(
                "epoch {}/{}: train loss {} validation {} ({} ms)",
                epoch,
                config.maxEpochs(),
                loss,
                val,
                millis);
        if (l != null) {
            l.onEpoch(epoch, loss, val, millis);
        }
    }

    /** Reloads parameters as fresh arrays without gradients, for inference. */
    private static void restore(NeuralModel model, byte[] params) {
        try {
            model.replaceParameters(params);
        } catch (IOException e) {
            throw new UncheckedIOException("restoring parameters failed", e);
        }
    }

    /** The learning rate for the current epoch, set by the training loop. */
    private static final class EpochRate implements Tracker {
        private float value;

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
