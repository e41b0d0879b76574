// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.util.Arrays;
import java.util.Objects;

/**
 * Generalises exact numbers into bands, such as ages into age bands or amounts into buckets.
 *
 * <p>Edges {@code e0 < e1 < … < ek} define {@code k + 2} half-open bands: band 0 is {@code (-inf,
 * e0)}, band {@code i} is {@code [e(i-1), e(i))}, and band {@code k + 1} is {@code [ek, +inf)}. A
 * value on an edge belongs to the band that starts there. {@link #apply(double[])} returns band
 * indexes as doubles so a numeric pipeline can use them as an ordinal feature; {@code NaN}
 * (missing) stays {@code NaN}. Labels read {@code "< 18"}, {@code "[18, 25)"}, {@code ">= 65"}. For
 * ages ({@link #ageBands}) negative values are refused. Error messages name the row, never the
 * value. Thread-safe: immutable.
 */
public final class BandGeneraliser {

    private final double[] edges;
    private final boolean nonNegative;
    private final String what;

    private BandGeneraliser(double[] edges, boolean nonNegative, String what) {
        this.edges = edges;
        this.nonNegative = nonNegative;
        this.what = what;
    }

    /**
     * Creates age bands from whole-year edges, e.g. {@code ageBands(18, 25, 35, 50, 65)}.
     *
     * @param edges strictly increasing, non-negative ages
     * @return the generaliser; ages must be {@code >= 0}
     * @throws IllegalArgumentException if the edges are empty, negative or not increasing
     */
    public static BandGeneraliser ageBands(int... edges) {
        double[] d = Arrays.stream(edges).asDoubleStream().toArray();
        checkEdges(d);
        if (d[0] < 0) {
            throw new IllegalArgumentException(
                    "age edges must be >= 0 but edges[0] was " + edges[0]);
        }
        return new BandGeneraliser(d, true, "age");
    }

    /**
     * Creates buckets for amounts (or any number), e.g. {@code buckets(0, 100, 1000, 10000)}.
     *
     * @param edges strictly increasing finite edges
     * @return the generaliser
     * @throws IllegalArgumentException if the edges are empty, not finite or not increasing
     */
    public static BandGeneraliser buckets(double... edges) {
        double[] d = edges.clone();
        checkEdges(d);
        return new BandGeneraliser(d, false, "value");
    }

    private static void checkEdges(double[] e) {
        Objects.requireNonNull(e, "edges");
        if (e.length == 0) {
            throw new IllegalArgumentException("edges must hold at least one edge but was empty");
        }
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new IllegalArgumentException(
                        "edges must be finite but edges[" + i + "] was " + e[i]);
            }
            if (i > 0 && e[i] <= e[i - 1]) {
                throw new IllegalArgumentException(
                        "edges must be strictly increasing but edges["
                                + i
                                + "] = "
                                + e[i]
                                + " <= edges["
                                + (i - 1)
                                + "] = "
                                + e[i - 1]);
            }
        }
    }

    /**
     * Returns the band index of one value.
     *
     * @param value the exact value (finite)
     * @return the band, 0 to {@link #bandCount()} - 1
     * @throws IllegalArgumentException if the value is NaN, infinite, or a negative age
     */
    public int bandOf(double value) {
        return bandAt(value, -1);
    }

    private int bandAt(double value, int row) {
        String where = row < 0 ? what : what + " at row " + row;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + " must be finite but is NaN or infinite");
        }
        if (nonNegative && value < 0) {
            throw new IllegalArgumentException(where + " must be >= 0 but is negative");
        }
        int i = Arrays.binarySearch(edges, value);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Replaces every value by its band index; {@code NaN} (missing) stays {@code NaN}.
     *
     * @param values exact values
     * @return band indexes as doubles, same length
     * @throws IllegalArgumentException if a value is infinite or a negative age (naming the row)
     */
    public double[] apply(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] out = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = Double.isNaN(values[r]) ? Double.NaN : bandAt(values[r], r);
        }
        return out;
    }

    /**
     * Returns the number of bands (edges + 1).
     *
     * @return the band count
     */
    public int bandCount() {
        return edges.length + 1;
    }

    /**
     * Returns a readable label for a band.
     *
     * @param band the band index
     * @return e.g. {@code "< 18"}, {@code "[18, 25)"} or {@code ">= 65"}
     * @throws IllegalArgumentException if the band is out of range
     */
    public String label(int band) {
        if (band < 0 || band > edges.length) {
            throw new IllegalArgumentException(
                    "band must be in [0, " + edges.length + "] but was " + band);
        }
        if (band == 0) {
            return "< " + fmt(edges[0]);
        }
        if (band == edges.length) {
            return ">= " + fmt(edges[edges.length - 1]);
        }
        return "[" + fmt(edges[band - 1]) + ", " + fmt(edges[band]) + ")";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString((long) d)
                : Double.toString(d);
    }

    @Override
    public String toString() {
        return "BandGeneraliser[" + what + ", edges=" + Arrays.toString(edges) + "]";
    }
}
