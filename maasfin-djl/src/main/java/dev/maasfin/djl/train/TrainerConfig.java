// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import dev.maasfin.djl.engine.DeviceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link ModelTrainer}: optimiser, learning rate and schedule, gradient clipping, batch
 * size, maximum epochs, early stopping, seed and device.
 *
 * <p>Early stopping watches the validation metric (the model's loss on validation data, lower is
 * better): an epoch improves when the metric falls below the best so far by more than {@code
 * minDelta}; training stops after {@code patience} epochs without improvement and the parameters of
 * the best epoch are restored. Gradient clipping is DJL's element-wise clipping of each gradient
 * value to {@code [-clip, clip]}, not norm clipping. Thread-safe: immutable.
 */
public final class TrainerConfig {

    private final OptimizerKind optimizer;
    private final double learningRate;
    private final int batchSize;
    private final int maxEpochs;
    private final int seed;
    private final LearningRateSchedule schedule;
    private final double gradientClip;
    private final double weightDecay;
    private final double momentum;
    private final int patience;
    private final double minDelta;
    private final DeviceSpec device;

    private TrainerConfig(Builder b) {
        this.optimizer = b.optimizer;
        this.learningRate = b.learningRate;
        this.batchSize = b.batchSize;
        this.maxEpochs = b.maxEpochs;
        this.seed = b.seed;
        this.schedule = b.schedule;
        this.gradientClip = b.gradientClip;
        this.weightDecay =
                Double.isNaN(b.weightDecay)
                        ? (b.optimizer == OptimizerKind.ADAMW ? 0.01 : 0)
                        : b.weightDecay;
        this.momentum = b.momentum;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.device = b.device;
    }

    /**
     * Returns a builder; optimizer, learning rate, batch size, max epochs and seed are required.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the optimiser. */
    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** Returns the base learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Returns the mini-batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the maximum number of epochs. */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** Returns the seed for parameter initialisation, dropout and shuffling. */
    public int seed() {
        return seed;
    }

    /** Returns the learning rate schedule. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Returns the element-wise gradient clip value, 0 for none. */
    public double gradientClip() {
        return gradientClip;
    }

    /** Returns the weight decay (default 0.01 for AdamW, else 0). */
    public double weightDecay() {
        return weightDecay;
    }

    /** Returns the SGD momentum. */
    public double momentum() {
        return momentum;
    }

    /** Returns the early-stopping patience in epochs, 0 when early stopping is off. */
    public int patience() {
        return patience;
    }

    /** Returns the minimum improvement of the validation metric that counts. */
    public double minDelta() {
        return minDelta;
    }

    /** Returns whether early stopping (with best-weights restore) is on. */
    public boolean earlyStopping() {
        return patience > 0;
    }

    /** Returns the device request. */
    public DeviceSpec device() {
        return device;
    }

    /** Returns a JSON-friendly description saved in artifacts. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", optimizer.name());
        m.put("learningRate", learningRate);
        m.put("schedule", schedule.toMap());
        m.put("batchSize", batchSize);
        m.put("maxEpochs", maxEpochs);
        m.put("gradientClip", gradientClip);
        m.put("weightDecay", weightDecay);
        m.put("momentum", momentum);
        m.put("patience", patience);
        m.put("minDelta", minDelta);
        m.put("seed", seed);
        m.put("device", device.toString());
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private OptimizerKind optimizer;
        private double learningRate = Double.NaN;
        private int batchSize;
        private int maxEpochs;
        private Integer seed;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private double gradientClip;
        private double weightDecay = Double.NaN;
        private double momentum;
        private int patience;
        private double minDelta;
        private DeviceSpec device = DeviceSpec.cpu();

        private Builder() {}

        /** Sets the optimiser (required). */
        public Builder setOptimizer(OptimizerKind optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** Sets the base learning rate (required, positive and finite). */
        public Builder setLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Sets the mini-batch size (required, >= 1). */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the maximum number of epochs (required, >= 1). */
        public Builder setMaxEpochs(int maxEpochs) {
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** Sets the seed (required). */
        public Builder setSeed(int seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the learning rate schedule (default constant). */
        public Builder optSchedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Sets element-wise gradient clipping to {@code [-clip, clip]} (default 0: none). */
        public Builder optGradientClip(double clip) {
            this.gradientClip = clip;
            return this;
        }

        /** Sets the weight decay (default 0.01 for AdamW, 0 otherwise; >= 0). */
        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Sets SGD momentum in [0, 1) (default 0; ignored by Adam and AdamW). */
        public Builder optMomentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * Turns on early stopping on the validation metric with best-weights restore.
         *
         * @param patience epochs without improvement before stopping (>= 1)
         * @param minDelta minimum decrease that counts as improvement (>= 0)
         */
        public Builder optEarlyStopping(int patience, double minDelta) {
            this.patience = patience;
            this.minDelta = minDelta;
            if (patience < 1) {
                throw new IllegalArgumentException("patience must be >= 1 but was " + patience);
            }
            return this;
        }

        /** Sets the device (default cpu). */
        public Builder optDevice(DeviceSpec device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming every missing or bad value
         */
        public TrainerConfig build() {
            List<String> errors = new ArrayList<>();
            if (optimizer == null) {
                errors.add("optimizer is missing");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                errors.add("learningRate must be positive and finite but was " + learningRate);
            }
            if (batchSize < 1) {
                errors.add("batchSize must be >= 1 but was " + batchSize);
            }
            if (maxEpochs < 1) {
                errors.add("maxEpochs must be >= 1 but was " + maxEpochs);
            }
            if (seed == null) {
                errors.add("seed is missing");
            }
            checkOptional(errors);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(
                        "invalid trainer config: " + String.join("; ", errors));
            }
            return new TrainerConfig(this);
        }

        private void checkOptional(List<String> errors) {
            if (schedule == null) {
                errors.add("schedule is missing");
            }
            if (!(gradientClip >= 0) || Double.isInfinite(gradientClip)) {
                errors.add("gradientClip must be >= 0 and finite but was " + gradientClip);
            }
            if (!Double.isNaN(weightDecay) && !(weightDecay >= 0)) {
                errors.add("weightDecay must be >= 0 but was " + weightDecay);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                errors.add("momentum must be in [0, 1) but was " + momentum);
            }
            if (!(minDelta >= 0)) {
                errors.add("minDelta must be >= 0 but was " + minDelta);
            }
        }
    }
}
