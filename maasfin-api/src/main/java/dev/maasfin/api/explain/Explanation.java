// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Per-feature attributions of one prediction, with what they are measured against.
 *
 * <p>{@code attributions[i]} is feature {@code i}'s share of {@code prediction -
 * baselinePrediction} under {@code method}; for methods that satisfy completeness (integrated
 * gradients) they sum to that difference within the method's tolerance, for others (occlusion,
 * gradient x input) they need not. A positive attribution pushes the prediction up. {@code
 * baseline} says which reference input the attributions are measured against (for example "zeros"
 * or "training mean"), because the same prediction has different attributions against different
 * baselines. Thread-safe: immutable (arrays copied in and out).
 *
 * @param method the explainer, e.g. "integrated-gradients(steps=50)" or "occlusion"
 * @param baseline description of the reference input
 * @param featureNames human-readable feature names, in attribution order
 * @param attributions one value per feature
 * @param prediction the model output explained
 * @param baselinePrediction the model output at the baseline input, {@code NaN} if not defined
 */
public record Explanation(
        String method,
        String baseline,
        List<String> featureNames,
        double[] attributions,
        double prediction,
        double baselinePrediction) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if names and attributions differ in length
     */
    public Explanation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(baseline, "baseline");
        featureNames = List.copyOf(featureNames);
        attributions = attributions.clone();
        if (featureNames.size() != attributions.length) {
            throw new IllegalArgumentException(
                    featureNames.size()
                            + " feature names but "
                            + attributions.length
                            + " attributions");
        }
    }

    /** Returns a copy of the attributions. */
    @Override
    public double[] attributions() {
        return attributions.clone();
    }

    /** Returns the sum of all attributions. */
    public double total() {
        double s = 0;
        for (double a : attributions) {
            s += a;
        }
        return s;
    }

    /**
     * Returns the features that push the prediction up the most, largest first, as reason codes.
     *
     * <p>For a score where higher means riskier (probability of default, fraud score), these are
     * the adverse-action reasons an analyst reads. Features with an attribution {@code <= 0} are
     * never reasons.
     *
     * @param k the most reasons to return
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<ReasonCode> topReasons(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 but was " + k);
        }
        List<ReasonCode> reasons = new ArrayList<>();
        for (int i = 0; i < attributions.length; i++) {
            if (attributions[i] > 0) {
                reasons.add(new ReasonCode(i, featureNames.get(i), attributions[i]));
            }
        }
        reasons.sort(
                Comparator.comparingDouble(ReasonCode::contribution)
                        .reversed()
                        .thenComparingInt(ReasonCode::featureIndex));
        return List.copyOf(reasons.subList(0, Math.min(k, reasons.size())));
    }
}
