// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.metrics.Bootstrap;
import dev.maasfin.core.metrics.ConfidenceInterval;
import dev.maasfin.core.metrics.DieboldMariano;
import dev.maasfin.core.metrics.DmResult;
import dev.maasfin.core.metrics.RegressionMetrics;

/**
 * The protocol's figures of one forecast on the test part: RMSE with a 95 % bootstrap interval,
 * QLIKE, both again without the March–April 2020 origins, and Diebold–Mariano tests against EWMA.
 *
 * <p>DM uses the squared-error losses with the rectangular h = 5 kernel and the
 * Harvey–Leybourne–Newbold factor ({@link DieboldMariano#test}), its Newey–West 20-lag variant, and
 * the QLIKE losses with the h = 5 test. The bootstrap resamples origins independently (1,000
 * resamples, seed 42), which makes the interval too narrow for autocorrelated errors. Immutable.
 *
 * @param rmse root mean squared error in return units
 * @param rmseCi 95 % percentile bootstrap interval of the RMSE
 * @param qlike Patton's QLIKE
 * @param rmseCalm RMSE without the origins dated 2020-03-01..2020-04-30
 * @param qlikeCalm QLIKE without those origins
 * @param dm DM on squared errors against EWMA (HLN, h = 5), or null for EWMA itself
 * @param dmNeweyWest DM on squared errors against EWMA (Newey–West, 20 lags), or null
 * @param dmQlike DM on QLIKE losses against EWMA (HLN, h = 5), or null
 */
record ForecastScore(
        double rmse,
        ConfidenceInterval rmseCi,
        double qlike,
        double rmseCalm,
        double qlikeCalm,
        DmResult dm,
        DmResult dmNeweyWest,
        DmResult dmQlike) {

    /** Bootstrap resamples of the RMSE interval. */
    static final int RESAMPLES = 1000;

    /**
     * Scores a forecast of the test part.
     *
     * @param actual the realised 5-day sds of the test origins
     * @param forecast the forecasts of the same origins
     * @param ewma EWMA's forecasts of the same origins, or null to skip the DM tests
     * @param calm true at the origins outside March–April 2020
     */
    static ForecastScore of(double[] actual, double[] forecast, double[] ewma, boolean[] calm) {
        ConfidenceInterval ci =
                Bootstrap.regression(
                        actual, forecast, RegressionMetrics::rmse, RESAMPLES, 0.95, 42);
        double[] ya = keep(actual, calm);
        double[] fa = keep(forecast, calm);
        DmResult dm = null;
        DmResult nw = null;
        DmResult dq = null;
        if (ewma != null) {
            double[] se = RegressionMetrics.squaredErrors(actual, forecast);
            double[] seEwma = RegressionMetrics.squaredErrors(actual, ewma);
            dm = DieboldMariano.test(se, seEwma, DieboldMariano.PROTOCOL_HORIZON);
            nw = DieboldMariano.neweyWest(se, seEwma, DieboldMariano.PROTOCOL_NEWEY_WEST_LAGS);
            dq =
                    DieboldMariano.test(
                            RegressionMetrics.qlikeLosses(actual, forecast),
                            RegressionMetrics.qlikeLosses(actual, ewma),
                            DieboldMariano.PROTOCOL_HORIZON);
        }
        return new ForecastScore(
                RegressionMetrics.rmse(actual, forecast),
                ci,
                RegressionMetrics.qlike(actual, forecast),
                RegressionMetrics.rmse(ya, fa),
                RegressionMetrics.qlike(ya, fa),
                dm,
                nw,
                dq);
    }

    private static double[] keep(double[] a, boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        double[] out = new double[n];
        int p = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                out[p++] = a[i];
            }
        }
        return out;
    }
}
