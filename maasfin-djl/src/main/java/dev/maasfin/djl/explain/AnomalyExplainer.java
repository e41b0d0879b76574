// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.api.explain.ReasonCode;
import dev.maasfin.djl.model.AutoencoderDetector;
import java.util.List;
import java.util.Objects;

/**
 * Explains an autoencoder's anomaly score for one row by each feature's share of the reconstruction
 * error.
 *
 * <p>The score is the mean squared reconstruction error {@code (1/d) sum_j (x_j - x&#770;_j)^2} and
 * feature {@code j}'s attribution is {@code (x_j - x&#770;_j)^2 / d} (see {@link
 * AutoencoderDetector#contributions}), so the attributions sum exactly to the score; the baseline
 * is a perfect reconstruction, score 0. The reason codes are the worst-reconstructed features. This
 * says where the row departs from what the autoencoder learned, not why: a feature whose own value
 * is normal can be reconstructed badly because other features pull the code away. In particular an
 * autoencoder trained on almost noise-free, strongly correlated rows may respond to directions off
 * the data's manifold and spread a one-feature shift over other features: in this module's tests
 * (12 features from 2 factors, a 12-8-3-8-12 tanh autoencoder) a +5 sd shift of one feature was the
 * top reason for 9 of the 12 features when the training rows had noise sd 0.05, and for all 12 with
 * noise sd 0.3.
 *
 * <p>Thread-safe as the detector.
 */
public final class AnomalyExplainer {

    /** Method name recorded in explanations. */
    public static final String METHOD = "reconstruction-error";

    private final AutoencoderDetector detector;
    private final List<String> names;

    /**
     * Creates an explainer.
     *
     * @param detector a detector with a calibrated threshold
     * @param names one human-readable name per input feature
     * @throws IllegalArgumentException if the number of names differs from the input width
     */
    public AnomalyExplainer(AutoencoderDetector detector, List<String> names) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.names = List.copyOf(names);
        int width = detector.inputShape()[0];
        if (this.names.size() != width) {
            throw new IllegalArgumentException(
                    "names must hold one name per feature ("
                            + width
                            + ") but held "
                            + this.names.size());
        }
    }

    /**
     * An anomaly explanation: attributions, the threshold and whether the row is flagged.
     *
     * @param explanation per-feature reconstruction-error shares; prediction = score
     * @param threshold the detector's threshold
     * @param anomalous whether the score is strictly above the threshold, as {@link
     *     AutoencoderDetector#flags}
     */
    public record AnomalyExplanation(Explanation explanation, double threshold, boolean anomalous) {
        /**
         * Returns the worst-reconstructed features, largest share first.
         *
         * @throws IllegalArgumentException if {@code k < 1}
         */
        public List<ReasonCode> reasons(int k) {
            return explanation.topReasons(k);
        }
    }

    /**
     * Explains one row.
     *
     * @param row the row's features, in the model's (normalised) units
     * @throws IllegalArgumentException as {@link AutoencoderDetector#contributions} (wrong length,
     *     NaN or infinite values)
     * @throws IllegalStateException if the detector has no threshold
     */
    public AnomalyExplanation explain(float[] row) {
        double threshold = detector.threshold();
        float[] c = detector.contributions(row, 1);
        double[] a = new double[c.length];
        double score = 0;
        for (int j = 0; j < c.length; j++) {
            a[j] = c[j];
            score += c[j];
        }
        Explanation e =
                new Explanation(METHOD, "perfect reconstruction (score 0)", names, a, score, 0.0);
        // Compared in float, as AutoencoderDetector.flags does, so both flag the same rows.
        return new AnomalyExplanation(e, threshold, (float) score > threshold);
    }
}
