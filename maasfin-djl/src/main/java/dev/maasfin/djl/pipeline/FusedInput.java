// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.pipeline;

import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.transform.MinMaxTransform;
import dev.maasfin.core.transform.RobustTransform;
import dev.maasfin.core.transform.ZScoreTransform;
import java.util.List;
import java.util.Objects;

/**
 * The model input of a batch of windows built in one pass: each row is checked against the schema,
 * each value taken through the fitted per-column scalers and written as a float straight into the
 * flattened {@code [batch, window, columns]} array, with no column arrays, frames or maps between.
 *
 * <p>Applies only when every fitted transform is a per-column affine scaler ({@code (x - center) /
 * scale}: z-score, min-max, robust) over schema columns; {@link #of} returns null otherwise and the
 * pipeline uses its general path. The arithmetic is the scalers' own, in the same order and in
 * double, so the floats are bit-identical to the general path's. Error reports are also the same:
 * schema failures are raised here in the same order with the same text; a value the scalers turn
 * non-finite (overflow) makes {@link #prepare} return null so that the general path, which checks
 * between steps, reports it.
 *
 * <p>Thread-safe: immutable.
 */
final class FusedInput {

    private final InputSchema schema;
    private final int window;
    private final int width;
    private final double[] min;
    private final double[] max;

    /** Per column, the centres and scales of the steps that scale it, in step order. */
    private final double[][] centers;

    private final double[][] scales;

    private FusedInput(
            InputSchema schema,
            int window,
            double[][] stepCenters,
            double[][] stepScales,
            boolean[][] scaled) {
        this.schema = schema;
        this.window = window;
        this.width = schema.size();
        this.min = new double[width];
        this.max = new double[width];
        this.centers = new double[width][];
        this.scales = new double[width][];
        for (int c = 0; c < width; c++) {
            min[c] = schema.columns().get(c).min();
            max[c] = schema.columns().get(c).max();
            int n = 0;
            for (boolean[] step : scaled) {
                n += step[c] ? 1 : 0;
            }
            centers[c] = new double[n];
            scales[c] = new double[n];
            for (int s = 0, k = 0; s < scaled.length; s++) {
                if (scaled[s][c]) {
                    centers[c][k] = stepCenters[s][c];
                    scales[c][k++] = stepScales[s][c];
                }
            }
        }
    }

    /**
     * Returns the one-pass builder for these transforms, or null if a transform is not an affine
     * scaler or names a column outside the schema (the general path then applies and reports).
     */
    static FusedInput of(InputSchema schema, List<FittedTransform> transforms, int window) {
        int steps = transforms.size();
        double[][] centers = new double[steps][schema.size()];
        double[][] scales = new double[steps][schema.size()];
        boolean[][] scaled = new boolean[steps][schema.size()];
        for (int s = 0; s < steps; s++) {
            if (!fill(schema, transforms.get(s), centers[s], scales[s], scaled[s])) {
                return null;
            }
        }
        return new FusedInput(schema, window, centers, scales, scaled);
    }

    private static boolean fill(
            InputSchema schema,
            FittedTransform t,
            double[] center,
            double[] scale,
            boolean[] scaled) {
        List<String> columns;
        double[] c;
        double[] s;
        if (t instanceof ZScoreTransform.FittedZScore z) {
            columns = z.columns();
            c = z.centers();
            s = z.scales();
        } else if (t instanceof MinMaxTransform.FittedMinMax m) {
            columns = m.columns();
            c = m.centers();
            s = m.scales();
        } else if (t instanceof RobustTransform.FittedRobust r) {
            columns = r.columns();
            c = r.centers();
            s = r.scales();
        } else {
            return false;
        }
        for (int k = 0; k < columns.size(); k++) {
            int col = schema.columnNames().indexOf(columns.get(k));
            if (col < 0 || scaled[col]) {
                return false;
            }
            scaled[col] = true;
            center[col] = c[k];
            scale[col] = s[k];
        }
        return true;
    }

    /**
     * Checks and transforms the windows into the flattened model input.
     *
     * @return the input, or null if a transformed value is not finite
     * @throws IllegalArgumentException as the general path: no window, a window with the wrong row
     *     count, or a row failing the schema ({@code window i: ...})
     * @throws NullPointerException if the batch or a window is null, as the general path
     */
    float[] prepare(double[][][] windows) {
        Objects.requireNonNull(windows, "windows");
        if (windows.length == 0) {
            throw new IllegalArgumentException("windows must hold at least one window");
        }
        float[] x = new float[windows.length * window * width];
        for (int w = 0; w < windows.length; w++) {
            if (!putWindow(w, windows[w], x)) {
                return null;
            }
        }
        return x;
    }

    private boolean putWindow(int w, double[][] rows, float[] x) {
        Objects.requireNonNull(rows, "window " + w);
        if (rows.length != window) {
            throw new IllegalArgumentException(
                    "window " + w + ": must have " + window + " rows but had " + rows.length);
        }
        int at = w * window * width;
        for (int r = 0; r < window; r++) {
            double[] row = rows[r];
            if (!accepts(row)) {
                refuse(w, row, r);
            }
            for (int c = 0; c < width; c++) {
                double v = row[c];
                double[] cc = centers[c];
                double[] sc = scales[c];
                for (int k = 0; k < cc.length; k++) {
                    v = (v - cc[k]) / sc[k];
                }
                if (!Double.isFinite(v)) {
                    return false;
                }
                x[at++] = (float) v;
            }
        }
        return true;
    }

    /** The schema's row rule ({@code ColumnSpec.accepts} per column) without the message. */
    private boolean accepts(double[] row) {
        if (row == null || row.length != width) {
            return false;
        }
        for (int c = 0; c < width; c++) {
            double v = row[c];
            if (!(Double.isFinite(v) && v >= min[c] && v <= max[c])) {
                return false;
            }
        }
        return true;
    }

    /** Throws the schema's own exception for a row {@link #accepts} refused. */
    private void refuse(int w, double[] row, int r) {
        try {
            schema.checkRow(row, r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("window " + w + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("row " + r + " was refused but passes the schema");
    }
}
