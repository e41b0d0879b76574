// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import dev.maasfin.api.data.Frame;

/** Computes the labels of every window once, from rows after each window's end. Stateless. */
final class WindowLabels {
    private WindowLabels() {}

    static double[] compute(
            Frame frame, WindowTarget target, int window, int stride, int size, boolean allowNaN) {
        int width = target.labelWidth();
        double[] labels = new double[size * width];
        if (width == 0) {
            return labels;
        }
        String column = target.column();
        double[] x = frame.column(column);
        int h = target.horizon();
        for (int i = 0; i < size; i++) {
            int e = window - 1 + i * stride;
            if (target.usesPrices()) {
                checkPrices(x, column, e, h, allowNaN);
            } else {
                checkValues(x, column, e, h, target.kind(), allowNaN);
            }
            fill(target, x, e, labels, i * width);
        }
        return labels;
    }

    private static void fill(WindowTarget target, double[] x, int e, double[] out, int at) {
        int h = target.horizon();
        switch (target.kind()) {
            case VALUE_AHEAD -> out[at] = x[e + h];
            case NEXT_VALUES -> System.arraycopy(x, e + 1, out, at, h);
            case LOG_RETURN -> out[at] = Math.log(x[e + h] / x[e]);
            case SIMPLE_RETURN -> out[at] = x[e + h] / x[e] - 1.0;
            case REALISED_VOLATILITY -> out[at] = realisedVolatility(x, e, h);
            case DIRECTION -> out[at] = x[e + h] > x[e] ? 1.0 : 0.0;
            case NONE -> throw new IllegalStateException("inference targets have no label");
        }
    }

    /** Sample sd (divisor h - 1) of ln(x[t]/x[t-1]) for t = e+1..e+h, two-pass. */
    private static double realisedVolatility(double[] x, int e, int h) {
        double mean = 0;
        for (int t = e + 1; t <= e + h; t++) {
            mean += Math.log(x[t] / x[t - 1]);
        }
        mean /= h;
        double ss = 0;
        for (int t = e + 1; t <= e + h; t++) {
            double d = Math.log(x[t] / x[t - 1]) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (h - 1));
    }

    private static void checkValues(
            double[] x, String column, int e, int h, WindowTarget.Kind kind, boolean allowNaN) {
        int from = kind == WindowTarget.Kind.NEXT_VALUES ? e + 1 : e + h;
        for (int r = from; r <= e + h; r++) {
            double v = x[r];
            if (Double.isInfinite(v) || (Double.isNaN(v) && !allowNaN)) {
                throw new IllegalArgumentException(
                        "row "
                                + r
                                + ", column '"
                                + column
                                + "': label value "
                                + v
                                + " must be finite");
            }
        }
    }

    private static void checkPrices(double[] x, String column, int e, int h, boolean allowNaN) {
        for (int r = e; r <= e + h; r++) {
            double v = x[r];
            if (Double.isNaN(v) && allowNaN) {
                continue;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        "row "
                                + r
                                + ", column '"
                                + column
                                + "': price "
                                + v
                                + " must be finite and > 0 for a return label");
            }
        }
    }
}
