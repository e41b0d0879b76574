// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import dev.maasfin.api.transform.TransformState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Natural-log transform {@code ln(x)} (domain {@code x > 0}) or {@code ln(1 + x)} (domain {@code x
 * > -1}, computed with {@link Math#log1p} for accuracy near 0) of named columns, optionally of the
 * value plus a fixed offset: {@code ln(x + offset)} (domain {@code x + offset > 0}), computed as
 * {@code Math.log(x + offset)}, e.g. {@code ln(|r| + 0.001)} of an absolute return that may be 0.
 *
 * <p>It learns nothing, but it is still fitted so that it takes part in chains and saved state like
 * the scalers; fitting checks the training values are in the domain. A constant column is no
 * special case (its log is constant). Inverse: {@link Math#exp} or {@link Math#expm1}. A value
 * outside the domain is rejected with a message naming column, row and value, never turned into NaN
 * or -infinity. Thread-safe: immutable.
 */
public final class LogTransform implements Transform {
    /** Registered type name of the fitted transform. */
    public static final String TYPE = "log";

    /** Param key of the offset added before the log, as {@link Double#toString} text. */
    static final String OFFSET_PARAM = "offset";

    private final List<String> columns;
    private final boolean log1p;
    private final boolean skipNaN;
    private final double offset;

    private LogTransform(List<String> columns, boolean log1p, boolean skipNaN, double offset) {
        this.columns = ColumnChecks.columnList("columns", columns);
        this.log1p = log1p;
        this.skipNaN = skipNaN;
        this.offset = offset;
    }

    /**
     * Returns an {@code ln(x)} transform of the given columns that rejects NaN.
     *
     * @throws IllegalArgumentException if no column is given, or one is blank or repeated
     */
    public static LogTransform of(String... columns) {
        return new LogTransform(List.of(columns), false, false, 0.0);
    }

    /** Returns a copy computing {@code ln(1 + x)} (domain {@code x > -1}). */
    public LogTransform withLog1p() {
        return new LogTransform(columns, true, skipNaN, offset);
    }

    /** Returns a copy that passes NaN through as NaN instead of rejecting it. */
    public LogTransform withNaNSkipped() {
        return new LogTransform(columns, log1p, true, offset);
    }

    /**
     * Returns a copy computing {@code ln(x + offset)} (or {@code ln(1 + x + offset)} with {@link
     * #withLog1p}). An offset of 0 is the plain transform and is not written to the state, so
     * states saved before offsets existed read back unchanged.
     *
     * @throws IllegalArgumentException if {@code offset} is not finite
     */
    public LogTransform withOffset(double offset) {
        return new LogTransform(columns, log1p, skipNaN, checkedOffset(offset));
    }

    private static double checkedOffset(double offset) {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite but was " + offset);
        }
        return offset;
    }

    /**
     * Checks the training frame and returns the fitted transform.
     *
     * @throws IllegalArgumentException if {@code train} is empty, lacks a column, or holds a value
     *     outside the domain or non-finite (message names column, row and value)
     */
    @Override
    public FittedTransform fit(Frame train) {
        ColumnChecks.requireColumns(train, columns);
        ColumnChecks.requireRows(train);
        FittedLog fitted = new FittedLog(stateOf());
        fitted.apply(train);
        return fitted;
    }

    private TransformState stateOf() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("mode", log1p ? "log1p" : "log");
        params.put(AffineScaler.NAN_PARAM, skipNaN ? "skip" : "reject");
        if (offset != 0.0) {
            params.put(OFFSET_PARAM, Double.toString(offset));
        }
        return new TransformState(TYPE, columns, params, Map.of());
    }

    /**
     * A fitted log transform; its state holds only the mode, the NaN policy and the offset (absent
     * when 0). Immutable.
     */
    public static final class FittedLog implements FittedTransform {
        private final TransformState state;
        private final List<String> columns;
        private final boolean log1p;
        private final boolean allowNaN;
        private final double offset;

        /**
         * Rebuilds a fitted log transform from its state.
         *
         * @throws IllegalArgumentException if the type is not {@value #TYPE}, the mode is not
         *     {@code log} or {@code log1p}, or the offset is not a finite number
         */
        public FittedLog(TransformState state) {
            if (!TYPE.equals(state.type())) {
                throw new IllegalArgumentException(
                        "state type must be '" + TYPE + "' but was '" + state.type() + "'");
            }
            String mode = state.params().getOrDefault("mode", "log");
            if (!mode.equals("log") && !mode.equals("log1p")) {
                throw new IllegalArgumentException(
                        "param 'mode' must be 'log' or 'log1p' but was '" + mode + "'");
            }
            this.state = state;
            this.columns = ColumnChecks.columnList("columns", state.columns());
            this.log1p = mode.equals("log1p");
            this.allowNaN = AffineScaler.nanPolicy(state.params());
            this.offset = offsetOf(state.params().get(OFFSET_PARAM));
        }

        private static double offsetOf(String text) {
            if (text == null) {
                return 0.0;
            }
            try {
                return checkedOffset(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "param '" + OFFSET_PARAM + "' must be a number but was '" + text + "'", e);
            }
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if a column is missing or a value is outside the domain
         *     ({@code x > 0}, or {@code x > -1} for log1p) or non-finite
         */
        @Override
        public Frame apply(Frame input) {
            ColumnChecks.requireColumns(input, columns);
            Map<String, double[]> data = input.toMap();
            for (String name : columns) {
                double[] x = data.get(name);
                ColumnChecks.requireFinite(name, x, allowNaN);
                for (int r = 0; r < x.length; r++) {
                    x[r] = log(name, r, x[r]);
                }
            }
            return input.withColumns(data);
        }

        private double log(String column, int row, double v) {
            if (Double.isNaN(v)) {
                return v;
            }
            double bound = log1p ? -1.0 : 0.0;
            if (offset != 0.0) {
                return logOfShifted(column, row, v, bound);
            }
            if (v <= bound) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "', row "
                                + row
                                + ": value "
                                + v
                                + " must be > "
                                + (log1p ? "-1 for log1p" : "0 for log"));
            }
            return log1p ? Math.log1p(v) : Math.log(v);
        }

        private double logOfShifted(String column, int row, double v, double bound) {
            double shifted = v + offset;
            if (shifted <= bound) {
                throw new IllegalArgumentException(
                        "column '"
                                + column
                                + "', row "
                                + row
                                + ": value "
                                + v
                                + " plus offset "
                                + offset
                                + " must be > "
                                + (log1p ? "-1 for log1p" : "0 for log"));
            }
            return log1p ? Math.log1p(shifted) : Math.log(shifted);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if a column is missing or holds a non-finite value
         */
        @Override
        public Frame inverse(Frame transformed) {
            ColumnChecks.requireColumns(transformed, columns);
            Map<String, double[]> data = transformed.toMap();
            for (String name : columns) {
                double[] y = data.get(name);
                ColumnChecks.requireFinite(name, y, allowNaN);
                for (int r = 0; r < y.length; r++) {
                    y[r] = (log1p ? Math.expm1(y[r]) : Math.exp(y[r])) - offset;
                }
            }
            return transformed.withColumns(data);
        }

        @Override
        public TransformState state() {
            return state;
        }

        @Override
        public String toString() {
            return (log1p ? "log1p" : "log") + columns;
        }
    }
}
