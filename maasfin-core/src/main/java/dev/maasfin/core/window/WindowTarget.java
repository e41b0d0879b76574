// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.window;

import java.util.Objects;

/**
 * What a sliding window is labelled with, computed from one column of the source frame.
 *
 * <p>With {@code e = end(i)} the window's last row and {@code h} the horizon, every kind reads
 * future information only from rows {@code e+1 .. e+h}; the return-based kinds also read the price
 * at {@code e}, which is the last input time step's own value and known at time {@code e}. Log
 * returns are {@code ln(p[t] / p[t-1])}; prices must be finite and {@code > 0}.
 *
 * <ul>
 *   <li>{@link #nextValue}: {@code x[e+1]} (horizon 1);
 *   <li>{@link #valueAhead}: {@code x[e+h]};
 *   <li>{@link #nextValues}: the vector {@code x[e+1], ..., x[e+h]} (label width h);
 *   <li>{@link #logReturn}: {@code ln(p[e+h] / p[e])}, the cumulative log return over h steps;
 *   <li>{@link #simpleReturn}: {@code p[e+h] / p[e] - 1};
 *   <li>{@link #realisedVolatility}: the sample sd (divisor {@code h - 1}) of the h log returns
 *       {@code ln(p[t]/p[t-1])}, {@code t = e+1..e+h}, not annualised; needs {@code h >= 2};
 *   <li>{@link #direction}: 1 if {@code p[e+h] > p[e]} (the cumulative return is {@code > 0}), else
 *       0; a tie (unchanged price) is class 0;
 *   <li>{@link #none}: no label, for inference windows (horizon 0, label width 0).
 * </ul>
 *
 * Thread-safe: immutable.
 *
 * @param kind the label kind
 * @param column the source column (null for {@link Kind#NONE})
 * @param horizon the number of rows after the window that the label may use
 */
public record WindowTarget(Kind kind, String column, int horizon) {

    /** Label kinds; see the type's documentation for each definition. */
    public enum Kind {
        /** Value h steps after the window's end. */
        VALUE_AHEAD,
        /** The next h values as a vector. */
        NEXT_VALUES,
        /** Cumulative log return over the next h steps. */
        LOG_RETURN,
        /** Cumulative simple return over the next h steps. */
        SIMPLE_RETURN,
        /** Sample sd of the next h log returns. */
        REALISED_VOLATILITY,
        /** 1 if the price h steps ahead is above the window's last price, else 0. */
        DIRECTION,
        /** No label (inference). */
        NONE
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the horizon is below the kind's minimum (1, 2 for
     *     realised volatility, 0 for none) or the column is blank
     */
    public WindowTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NONE) {
            if (horizon != 0) {
                throw new IllegalArgumentException(
                        "horizon of an inference target must be 0 but was " + horizon);
            }
        } else {
            Objects.requireNonNull(column, "column");
            if (column.isBlank()) {
                throw new IllegalArgumentException("target column must not be blank");
            }
            int min = kind == Kind.REALISED_VOLATILITY ? 2 : 1;
            if (horizon < min) {
                throw new IllegalArgumentException(
                        "horizon must be >= " + min + " for " + kind + " but was " + horizon);
            }
        }
    }

    /** Label = the next value of {@code column}. */
    public static WindowTarget nextValue(String column) {
        return new WindowTarget(Kind.VALUE_AHEAD, column, 1);
    }

    /**
     * Label = the value of {@code column} {@code h} steps after the window's end.
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public static WindowTarget valueAhead(String column, int h) {
        return new WindowTarget(Kind.VALUE_AHEAD, column, h);
    }

    /**
     * Label = the next {@code h} values of {@code column} (label width h).
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public static WindowTarget nextValues(String column, int h) {
        return new WindowTarget(Kind.NEXT_VALUES, column, h);
    }

    /**
     * Label = cumulative log return of price column {@code column} over the next {@code h} steps.
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public static WindowTarget logReturn(String column, int h) {
        return new WindowTarget(Kind.LOG_RETURN, column, h);
    }

    /**
     * Label = cumulative simple return of price column {@code column} over the next {@code h}
     * steps.
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public static WindowTarget simpleReturn(String column, int h) {
        return new WindowTarget(Kind.SIMPLE_RETURN, column, h);
    }

    /**
     * Label = sample sd of the {@code h} log returns after the window's end (not annualised).
     *
     * @throws IllegalArgumentException if {@code h < 2}
     */
    public static WindowTarget realisedVolatility(String column, int h) {
        return new WindowTarget(Kind.REALISED_VOLATILITY, column, h);
    }

    /**
     * Label = 1 if the price {@code h} steps ahead is above the window's last price, else 0 (ties
     * are 0).
     *
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public static WindowTarget direction(String column, int h) {
        return new WindowTarget(Kind.DIRECTION, column, h);
    }

    /** No label: inference windows, one per possible end row ({@code N - L + 1} at stride 1). */
    public static WindowTarget none() {
        return new WindowTarget(Kind.NONE, null, 0);
    }

    /** Returns the number of label values per sample. */
    public int labelWidth() {
        return switch (kind) {
            case NONE -> 0;
            case NEXT_VALUES -> horizon;
            default -> 1;
        };
    }

    /** Returns whether the label is computed from returns of a positive price column. */
    boolean usesPrices() {
        return kind == Kind.LOG_RETURN
                || kind == Kind.SIMPLE_RETURN
                || kind == Kind.REALISED_VOLATILITY
                || kind == Kind.DIRECTION;
    }
}
