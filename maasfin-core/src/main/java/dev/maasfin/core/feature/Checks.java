// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import java.util.Objects;

/** Argument checks shared by the indicators; every message names the parameter, value and rule. */
final class Checks {
    private Checks() {}

    static int period(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
        }
        return value;
    }

    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " but was " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 but was " + value);
        }
        return value;
    }

    /** Rejects a null array or one holding NaN or infinity, naming the first bad index. */
    static double[] finite(String name, double[] x) {
        Objects.requireNonNull(x, name);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be finite but was " + x[i]);
            }
        }
        return x;
    }

    /** Rejects a null output array or one shorter than the input. */
    static double[] out(double[] out, int length) {
        Objects.requireNonNull(out, "out");
        if (out.length < length) {
            throw new IllegalArgumentException(
                    "out length must be >= input length " + length + " but was " + out.length);
        }
        return out;
    }

    /** Rejects arrays whose length differs from the first array's. */
    static void sameLength(String name, double[] x, String refName, double[] ref) {
        Objects.requireNonNull(x, name);
        if (x.length != ref.length) {
            throw new IllegalArgumentException(
                    name
                            + " has "
                            + x.length
                            + " values but "
                            + refName
                            + " has "
                            + ref.length
                            + " (lengths must be equal)");
        }
    }

    /** Checks high/low/close columns: equal lengths, finite values. */
    static void hlc(double[] high, double[] low, double[] close) {
        finite("close", close);
        sameLength("high", high, "close", close);
        sameLength("low", low, "close", close);
        finite("high", high);
        finite("low", low);
    }

    /** Checks a volume column: equal length to close, finite and >= 0 (NaN = not reported). */
    static void volume(double[] volume, double[] close) {
        sameLength("volume", volume, "close", close);
        for (int i = 0; i < volume.length; i++) {
            if (!(volume[i] >= 0) || Double.isInfinite(volume[i])) {
                throw new IllegalArgumentException(
                        "volume["
                                + i
                                + "] must be finite and >= 0 but was "
                                + volume[i]
                                + (Double.isNaN(volume[i]) ? " (not reported)" : ""));
            }
        }
    }

    /** Rejects a bar value given to a streaming update that is not finite. */
    static void finiteBar(String name, double value, long count) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " of bar " + count + " must be finite but was " + value);
        }
    }

    static void fillNaN(double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Double.NaN;
        }
    }
}
