// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.baseline.EwmaVolatility;
import dev.maasfin.core.baseline.Garch11;
import dev.maasfin.core.baseline.HarRegression;
import dev.maasfin.core.baseline.NaiveForecast;
import dev.maasfin.core.eval.VolatilityTask;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol's volatility baselines at every origin: naive (rv5), EWMA (λ 0.94, started from
 * r_0²), HAR (OLS on the purged training origins) and GARCH(1,1) (fitted on the returns dated
 * before the validation start, filtered through the whole series, 5-day horizon sd).
 *
 * <p>On the S&amp;P 500 with the protocol's dates these reproduce the columns of {@code
 * vol_reference_series.csv} (checked in maasfin-core's tests). Stateless and thread-safe.
 */
final class VolatilityBaselines {
    private VolatilityBaselines() {}

    /** Returns name to per-origin forecast sd, in the report's order (naive, ewma, har, garch). */
    static Map<String, double[]> forecasts(VolatilityTask task, LocalDate validationStart) {
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("naive", NaiveForecast.forecasts(task.rv5()));
        out.put("ewma", atOrigins(task, ewma(task.returns())));
        out.put("har", har(task));
        out.put("garch", atOrigins(task, garch(task, validationStart)));
        return out;
    }

    /** Returns the EWMA (lambda 0.94) forecast sd at every origin k, indexed by k. */
    static double[] ewmaByOrigin(VolatilityTask task) {
        return ewma(task.returns());
    }

    private static double[] ewma(double[] returns) {
        return EwmaVolatility.sd(returns, EwmaVolatility.RISKMETRICS_LAMBDA);
    }

    private static double[] har(VolatilityTask task) {
        int[] train = task.positionsOf(VolatilityTask.Part.TRAIN);
        int[] origins = task.origins();
        double[] target = task.target();
        int[] trainOrigins = Arrays.stream(train).map(i -> origins[i]).toArray();
        double[] trainTarget = Arrays.stream(train).mapToDouble(i -> target[i]).toArray();
        HarRegression fitted = HarRegression.fit(task.returns(), trainOrigins, trainTarget);
        return fitted.predict(task.returns(), origins);
    }

    private static double[] garch(VolatilityTask task, LocalDate validationStart) {
        double[] r = task.returns();
        LocalDate[] dates = task.returnDates();
        int n = 0;
        while (n < dates.length && dates[n].isBefore(validationStart)) {
            n++;
        }
        Garch11 fitted = Garch11.fit(Arrays.copyOf(r, n));
        return fitted.horizonSd(r, VolatilityTask.HORIZON);
    }

    private static double[] atOrigins(VolatilityTask task, double[] perDay) {
        return Arrays.stream(task.origins()).mapToDouble(k -> perDay[k]).toArray();
    }
}
