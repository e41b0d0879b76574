// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

import java.util.Objects;

/** Input checks shared by the metrics; every message names the array, the row and the rule. */
final class Checks {
    private Checks() {}

    static void sameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(
                    a
                            + " and "
                            + b
                            + " must have equal length but "
                            + a
                            + " has "
                            + na
                            + " and "
                            + b
                            + " has "
                            + nb);
        }
    }

    static void notEmpty(String name, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    static void binaryLabels(int[] labels) {
        Objects.requireNonNull(labels, "labels");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(
                        "labels must be 0 or 1 but row " + i + " is " + labels[i]);
            }
        }
    }

    static void noNaN(String name, double[] values) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(
                        name + " must not be NaN but row " + i + " is NaN");
            }
        }
    }

    static void finite(String name, double[] values) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + " must be finite but row " + i + " is " + values[i]);
            }
        }
    }

    /** Checks binary labels and NaN-free scores of equal, non-zero length. */
    static void binaryInput(int[] labels, double[] scores) {
        binaryLabels(labels);
        Objects.requireNonNull(scores, "scores");
        sameLength("labels", labels.length, "scores", scores.length);
        notEmpty("labels", labels.length);
        noNaN("scores", scores);
    }

    /** Checks finite observations and forecasts of equal, non-zero length. */
    static void regressionInput(double[] actual, double[] forecast) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        sameLength("actual", actual.length, "forecast", forecast.length);
        notEmpty("actual", actual.length);
        finite("actual", actual);
        finite("forecast", forecast);
    }
}
