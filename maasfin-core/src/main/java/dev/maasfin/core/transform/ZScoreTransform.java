// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.List;
import java.util.Map;

/**
 * Z-score standardisation {@code (x - mean) / sd}, fitted per column on the training frame only.
 *
 * <p>The standard deviation is the <b>population</b> sd (divisor {@code n}) by default, as in
 * scikit-learn's {@code StandardScaler}; {@link #withSampleSd()} selects the sample sd (divisor
 * {@code n - 1}). A constant training column (all values identical) gets scale 1, so it maps to 0
 * rather than NaN and unseen values map to {@code x - mean}. Mean and sd are computed in two passes
 * (mean first, then squared deviations). Thread-safe: immutable.
 */
public final class ZScoreTransform extends ScalerConfig {
    /** Registered type name of the fitted transform. */
    public static final String TYPE = "zscore";

    private final boolean sampleSd;

    private ZScoreTransform(List<String> columns, boolean sampleSd, boolean skipNaN) {
        super(columns, skipNaN);
        this.sampleSd = sampleSd;
    }

    /**
     * Returns a population-sd z-score transform of the given columns that rejects NaN.
     *
     * @throws IllegalArgumentException if no column is given, or one is blank or repeated
     */
    public static ZScoreTransform of(String... columns) {
        return new ZScoreTransform(List.of(columns), false, false);
    }

    /** Returns a copy that divides by the sample sd (n - 1) instead of the population sd. */
    public ZScoreTransform withSampleSd() {
        return new ZScoreTransform(columns(), true, skipsNaN());
    }

    /** Returns a copy that ignores NaN when fitting and passes NaN through when applying. */
    public ZScoreTransform withNaNSkipped() {
        return new ZScoreTransform(columns(), sampleSd, true);
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    Map<String, String> extraParams() {
        return Map.of("sd", sampleSd ? "sample" : "population");
    }

    @Override
    double[] centerAndScale(String column, double[] x) {
        if (sampleSd && x.length < 2) {
            throw new IllegalArgumentException(
                    "column '"
                            + column
                            + "': the sample sd needs at least 2 training values but"
                            + " there is "
                            + x.length);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        if (isConstant(x)) {
            return new double[] {x[0], 1.0};
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (sampleSd ? x.length - 1 : x.length));
        return new double[] {mean, nonZeroScale(sd)};
    }

    @Override
    FittedTransform restore(TransformState state) {
        return new FittedZScore(state);
    }

    /**
     * A fitted z-score: {@code centers()} are the training means, {@code scales()} the training sd
     * (1 for a constant column). Thread-safe: immutable.
     */
    public static final class FittedZScore extends AffineScaler {
        /**
         * Rebuilds a fitted z-score from its state.
         *
         * @throws IllegalArgumentException if the state is not a valid {@value #TYPE} state
         */
        public FittedZScore(TransformState state) {
            super(state, TYPE);
        }
    }
}
