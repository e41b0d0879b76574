// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.model.Predictor;
import java.util.Arrays;

/**
 * Anomaly scores from a trained dense autoencoder: the per-row mean squared reconstruction error.
 *
 * <p>For a row x with reconstruction x&#770; over d features, the score is {@code (1/d) sum_j (x_j
 * - x&#770;_j)^2} and feature j's contribution is {@code (x_j - x&#770;_j)^2 / d}, so the
 * contributions of a row sum to its score. Scores are in the squared units of the (normalised)
 * inputs; higher means more anomalous. The threshold is kept in the model's {@link
 * NeuralModel#state()} under {@value #THRESHOLD_KEY} and so is saved with it.
 *
 * <p>Thread-safe as {@link NeuralModel}: scoring is; setting the threshold while others read it is
 * not coordinated beyond visibility.
 */
public final class AutoencoderDetector implements Predictor {

    /** Key of the threshold in the model's state. */
    public static final String THRESHOLD_KEY = "anomalyThreshold";

    private final NeuralModel model;
    private final int width;

    /**
     * Wraps a dense autoencoder model.
     *
     * @throws IllegalArgumentException if the model is not a {@link DenseAutoencoderSpec} network
     */
    public AutoencoderDetector(NeuralModel model) {
        if (!(model.spec() instanceof DenseAutoencoderSpec)) {
            throw new IllegalArgumentException(
                    "model must be a "
                            + DenseAutoencoderSpec.TYPE
                            + " but was "
                            + model.spec().type());
        }
        this.model = model;
        this.width = model.inputShape()[0];
    }

    /** Returns the wrapped model. */
    public NeuralModel model() {
        return model;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.ANOMALY_DETECTOR;
    }

    @Override
    public int[] inputShape() {
        return model.inputShape();
    }

    /** Returns 1: one score per row. */
    @Override
    public int outputWidth() {
        return 1;
    }

    /** Returns the anomaly score of each row (same as {@link #scores}). */
    @Override
    public float[] predict(float[] rows, int n) {
        return scores(rows, n);
    }

    /**
     * Returns each row's mean squared reconstruction error, accumulated in double.
     *
     * @throws IllegalArgumentException as {@link NeuralModel#predict}
     */
    public float[] scores(float[] rows, int n) {
        float[] c = contributions(rows, n);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                sum += c[i * width + j];
            }
            s[i] = (float) sum;
        }
        return s;
    }

    /**
     * Returns each feature's share of each row's score, {@code (x_j - x&#770;_j)^2 / d}, row-major
     * {@code [n, d]}.
     *
     * @throws IllegalArgumentException as {@link NeuralModel#predict}
     */
    public float[] contributions(float[] rows, int n) {
        float[] rec = model.predict(rows, n);
        float[] c = new float[rec.length];
        for (int k = 0; k < rec.length; k++) {
            double e = (double) rows[k] - rec[k];
            c[k] = (float) (e * e / width);
        }
        return c;
    }

    /**
     * Sets the threshold so that at most a fraction {@code falsePositiveRate} of the given normal
     * rows score above it: the {@code ceil((1 - rate) * n)}-th smallest score (order statistic, no
     * interpolation).
     *
     * @return the threshold
     * @throws IllegalArgumentException if the rate is not in [0, 1) or as {@link #scores}
     */
    public double calibrateByFalsePositiveRate(
            float[] normalRows, int n, double falsePositiveRate) {
        return calibrate(normalRows, n, falsePositiveRate, "falsePositiveRate");
    }

    /**
     * Sets the threshold so that a fraction {@code contamination} of the given (mixed, unlabelled)
     * rows score above it; same order statistic as {@link #calibrateByFalsePositiveRate}.
     *
     * @return the threshold
     * @throws IllegalArgumentException if the rate is not in [0, 1) or as {@link #scores}
     */
    public double calibrateByContamination(float[] rows, int n, double contamination) {
        return calibrate(rows, n, contamination, "contamination");
    }

    private double calibrate(float[] rows, int n, double rate, String name) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1) but was " + rate);
        }
        float[] s = scores(rows, n);
        Arrays.sort(s);
        int k = (int) Math.ceil((1 - rate) * n);
        double threshold = s[Math.max(0, Math.min(n, k) - 1)];
        model.state().put(THRESHOLD_KEY, threshold);
        return threshold;
    }

    /**
     * Returns the calibrated threshold.
     *
     * @throws IllegalStateException if no threshold was calibrated or loaded
     */
    public double threshold() {
        Object t = model.state().get(THRESHOLD_KEY);
        if (t == null) {
            throw new IllegalStateException(
                    "no anomaly threshold: call calibrateByFalsePositiveRate or"
                            + " calibrateByContamination first");
        }
        return ((Number) t).doubleValue();
    }

    /**
     * Flags rows whose score is strictly above the threshold.
     *
     * @throws IllegalStateException if no threshold was calibrated
     */
    public boolean[] flags(float[] rows, int n) {
        double t = threshold();
        float[] s = scores(rows, n);
        boolean[] f = new boolean[n];
        for (int i = 0; i < n; i++) {
            f[i] = s[i] > t;
        }
        return f;
    }
}
