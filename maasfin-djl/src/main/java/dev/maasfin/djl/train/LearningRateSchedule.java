// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning rate as a function of the epoch, applied at the start of each epoch.
 *
 * <p>With base rate r and epoch e counted from 0: constant gives r; step decay gives {@code r *
 * factor^floor(e / every)}; cosine gives {@code r * (1 + cos(pi * e / maxEpochs)) / 2}.
 * Thread-safe: immutable.
 */
public final class LearningRateSchedule {

    private static final LearningRateSchedule CONSTANT = new LearningRateSchedule("constant", 0, 1);

    private final String name;
    private final int every;
    private final double factor;

    private LearningRateSchedule(String name, int every, double factor) {
        this.name = name;
        this.every = every;
        this.factor = factor;
    }

    /** Returns the constant schedule. */
    public static LearningRateSchedule constant() {
        return CONSTANT;
    }

    /**
     * Returns step decay: the rate is multiplied by {@code factor} every {@code every} epochs.
     *
     * @throws IllegalArgumentException if {@code every < 1} or {@code factor} is not in (0, 1]
     */
    public static LearningRateSchedule stepDecay(int every, double factor) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 but was " + every);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1] but was " + factor);
        }
        return new LearningRateSchedule("step", every, factor);
    }

    /** Returns cosine annealing from the base rate towards 0 over the maximum epochs. */
    public static LearningRateSchedule cosine() {
        return new LearningRateSchedule("cosine", 0, 1);
    }

    /** Returns the rate for {@code epoch} (from 0) given the base rate and maximum epochs. */
    public double rate(double base, int epoch, int maxEpochs) {
        switch (name) {
            case "step":
                return base * Math.pow(factor, epoch / every);
            case "cosine":
                return base * (1 + Math.cos(Math.PI * epoch / maxEpochs)) / 2;
            default:
                return base;
        }
    }

    /** Returns a JSON-friendly description. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (name.equals("step")) {
            m.put("every", every);
            m.put("factor", factor);
        }
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
