// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.explain;

/**
 * One reason a score is high: a feature and how much it pushed the score up.
 *
 * @param featureIndex position of the feature in the model's input
 * @param feature the human-readable feature name
 * @param contribution the feature's attribution, {@code > 0}
 */
public record ReasonCode(int featureIndex, String feature, double contribution) {

    @Override
    public String toString() {
        return feature + " (+" + String.format(java.util.Locale.ROOT, "%.4g", contribution) + ")";
    }
}
