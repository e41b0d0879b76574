// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Baselines on small inputs whose answers are worked by hand in the comments. */
class BaselinesTest {

    @Test
    void naive_forecastAtT_isLastObservation() {
        assertArrayEquals(new double[] {3, 1, 4}, NaiveForecast.forecasts(new double[] {3, 1, 4}));
    }

    @Test
    void rollingMean_window3_isNaNDuringWarmUpThenMean() {
        // mean(1,2,3) = 2, mean(2,3,4) = 3, mean(3,4,5) = 4; first w - 1 = 2 values NaN.
        double[] f = RollingMean.forecasts(new double[] {1, 2, 3, 4, 5}, 3);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2, 3, 4}, f, 1e-15);
    }

    @Test
    void rollingMean_longSeries_matchesDirectMeanAfterResumming() {
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * i;
        }
        double[] f = RollingMean.forecasts(x, 4);
        for (int t = 3; t < x.length; t++) {
            assertEquals((x[t] + x[t - 1] + x[t - 2] + x[t - 3]) / 4, f[t], 1e-12, "t=" + t);
        }
    }

    @Test
    void rollingMean_windowZero_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RollingMean.forecasts(new double[] {1}, 0));
        assertEquals("window must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void ewma_handExample_startsFromFirstSquaredReturn() {
        // sigma²: 1e-4; 0.94e-4 + 0.06 * 4e-4 = 1.18e-4; 0.94 * 1.18e-4 + 0.06e-4 = 1.1692e-4.
        double[] sd = EwmaVolatility.sd(new double[] {0.01, 0.02, -0.01}, 0.94);
        assertArrayEquals(new double[] {0.01, Math.sqrt(1.18e-4), Math.sqrt(1.1692e-4)}, sd, 1e-15);
    }

    @Test
    void ewma_nanReturn_namesRow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EwmaVolatility.sd(new double[] {0.01, Double.NaN}, 0.94));
        assertEquals("returns must be finite but row 1 is NaN", e.getMessage());
    }

    @Test
    void garch_recursionAndForecast_matchHandComputation() {
        // omega 0.1, alpha 0.2, beta 0.7, sigma²_0 = 1, r = 1, 2:
        // sigma²_1 = 0.1 + 0.2 + 0.7 = 1.0; sigma²_2 = 0.1 + 0.8 + 0.7 = 1.6.
        // vbar = 0.1 / 0.1 = 1; 2-step: 1 + 0.9 * 0.6 = 1.54; 2-day sd = sqrt((1.6 + 1.54) / 2).
        Garch11 g = new Garch11(0.1, 0.2, 0.7, 1.0, 0);
        assertArrayEquals(
                new double[] {1.0, 1.0, 1.6}, g.conditionalVariances(new double[] {1, 2}), 1e-15);
        assertEquals(Math.sqrt(1.57), g.forecastSd(1.6, 2), 1e-15);
        assertEquals(Math.sqrt(1.57), g.horizonSd(new double[] {1, 2}, 2)[1], 1e-15);
    }

    @Test
    void garch_fit_recoversSimulatedParameters() {
        // Simulated GARCH(1,1) with omega 2e-6, alpha 0.08, beta 0.9 (persistence 0.98), 8000
        // days; QML estimates should land near the truth (sampling error about +-0.02).
        Random rng = new Random(11);
        double[] r = new double[8000];
        double v = 2e-6 / 0.02;
        for (int t = 0; t < r.length; t++) {
            r[t] = Math.sqrt(v) * rng.nextGaussian();
            v = 2e-6 + 0.08 * r[t] * r[t] + 0.9 * v;
        }
        Garch11 g = Garch11.fit(r);
        assertEquals(0.08, g.alpha(), 0.025, g.toString());
        assertEquals(0.90, g.beta(), 0.03, g.toString());
        assertTrue(g.alpha() + g.beta() < 1);
    }

    @Test
    void garch_nonStationaryParameters_areRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new Garch11(0.1, 0.5, 0.5, 1, 0));
        assertEquals(
                "GARCH(1,1) needs omega > 0, alpha >= 0, beta >= 0, alpha + beta < 1 but got"
                        + " omega=0.1, alpha=0.5, beta=0.5",
                e.getMessage());
    }

    @Test
    void har_components_areAbsReturnAndRootMeanSquares() {
        // r_0..r_16 = 0, r_17..r_21 = 0.02: daily 0.02, weekly sqrt(5 * 4e-4 / 5) = 0.02,
        // monthly sqrt(5 * 4e-4 / 22).
        double[] r = new double[22];
        for (int i = 17; i < 22; i++) {
            r[i] = 0.02;
        }
        assertArrayEquals(
                new double[] {0.02, 0.02, Math.sqrt(2e-3 / 22)},
                HarRegression.components(r, 21),
                1e-15);
    }

    @Test
    void har_fit_recoversExactLinearTarget() {
        // Target built as 0.001 + 0.2 d + 0.3 w + 0.4 m: OLS must return these coefficients.
        Random rng = new Random(5);
        double[] r = new double[400];
        for (int i = 0; i < r.length; i++) {
            r[i] = 0.01 * rng.nextGaussian();
        }
        int[] origins = new int[300];
        double[] y = new double[300];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = 30 + i;
            double[] c = HarRegression.components(r, origins[i]);
            y[i] = 0.001 + 0.2 * c[0] + 0.3 * c[1] + 0.4 * c[2];
        }
        HarRegression har = HarRegression.fit(r, origins, y);
        assertArrayEquals(new double[] {0.001, 0.2, 0.3, 0.4}, har.coefficients(), 1e-10);
    }

    @Test
    void har_originBeforeMonthlyWindow_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HarRegression.components(new double[30], 20));
        assertEquals("origin must be in [21, 29] but was 20", e.getMessage());
    }

    @Test
    void logistic_unpenalised_matchesClosedFormLogOdds() {
        // x = -1: 1 positive of 4 (p = 1/4); x = +1: 3 of 4 (p = 3/4).
        // b - w = ln(1/3), b + w = ln 3  =>  b = 0, w = ln 3.
        double[][] x = {{-1}, {-1}, {-1}, {-1}, {1}, {1}, {1}, {1}};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        LogisticRegression lr = LogisticRegression.fit(x, y, 0);
        assertEquals(0, lr.intercept(), 1e-9);
        assertEquals(Math.log(3), lr.weights()[0], 1e-9);
        assertEquals(0.75, lr.predictProbability(new double[] {1}), 1e-9);
    }

    @Test
    void logistic_penalty_shrinksWeightButNotIntercept() {
        double[][] x = {{-1}, {-1}, {-1}, {-1}, {1}, {1}, {1}, {1}};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        LogisticRegression lr = LogisticRegression.fit(x, y, 1.0);
        // Symmetric data: the intercept stays 0; the stationarity condition for w is
        // sum (y - p) x = w, i.e. 4(3/4 - s(w)) - 4(1/4 - s(-w)) = w  ->  2 - 8 s(w) + 4 = w.
        double w = lr.weights()[0];
        double s = 1 / (1 + Math.exp(-w));
        assertEquals(0, lr.intercept(), 1e-9);
        assertEquals(w, 6 - 8 * s, 1e-9);
        assertTrue(w < Math.log(3));
    }

    @Test
    void logistic_oneClass_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LogisticRegression.fit(
                                        new double[][] {{1}, {2}}, new int[] {0, 0}, 1));
        assertEquals(
                "labels must contain both classes but only one class is present", e.getMessage());
    }

    @Test
    void mahalanobis_handExample_usesPopulationCovariance() {
        // Rows (1,0), (-1,0), (0,2), (0,-2): mean 0, population cov diag(0.5, 2).
        // score(1,1) = 1/0.5 + 1/2 = 2.5.
        MahalanobisScorer m =
                MahalanobisScorer.fit(new double[][] {{1, 0}, {-1, 0}, {0, 2}, {0, -2}});
        assertEquals(2.5, m.score(new double[] {1, 1}), 1e-12);
        assertEquals(0, m.score(new double[] {0, 0}), 1e-15);
    }

    @Test
    void mahalanobis_singularCovariance_ignoresZeroVarianceDirection() {
        // Second column constant 5: pseudo-inverse; var1 = 2/3, score(2, 100) = 4 / (2/3) = 6.
        MahalanobisScorer m = MahalanobisScorer.fit(new double[][] {{1, 5}, {-1, 5}, {0, 5}});
        assertEquals(6, m.score(new double[] {2, 100}), 1e-9);
    }

    @Test
    void mahalanobis_wrongColumnCount_isRejected() {
        MahalanobisScorer m = MahalanobisScorer.fit(new double[][] {{1, 0}, {-1, 0}, {0, 2}});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> m.score(new double[] {1}));
        assertEquals("row must have 2 columns (as fitted) but has 1", e.getMessage());
    }

    @Test
    void isolationForest_averagePathLength_matchesLiuFormula() {
        // c(256) = 2(ln 255 + 0.5772156649) - 2 * 255/256 = 10.244770920...; c(2) = 1; c(1) = 0.
        assertEquals(
                2 * (Math.log(255) + 0.5772156649015329) - 2 * 255.0 / 256,
                IsolationForest.averagePathLength(256),
                1e-12);
        assertEquals(10.24477, IsolationForest.averagePathLength(256), 1e-5);
        assertEquals(1, IsolationForest.averagePathLength(2), 0);
        assertEquals(0, IsolationForest.averagePathLength(1), 0);
    }

    @Test
    void isolationForest_isolatedPoint_scoresHighestAndSeedIsReproducible() {
        Random rng = new Random(3);
        double[][] x = new double[500][2];
        for (double[] row : x) {
            row[0] = rng.nextGaussian();
            row[1] = rng.nextGaussian();
        }
        IsolationForest a = IsolationForest.fit(x, 7);
        IsolationForest b = IsolationForest.fit(x, 7);
        IsolationForest c = IsolationForest.fit(x, 8);
        double outlier = a.score(new double[] {8, 8});
        double centre = a.score(new double[] {0, 0});
        assertTrue(outlier > 0.6 && outlier <= 1, "outlier " + outlier);
        assertTrue(centre < 0.5, "centre " + centre);
        assertEquals(outlier, b.score(new double[] {8, 8}), 0);
        assertNotEquals(centre, c.score(new double[] {0, 0}));
    }

    @Test
    void isolationForest_subsampleOne_isRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> IsolationForest.fit(new double[][] {{1}, {2}}, 10, 1, 1));
        assertEquals("subsample must be >= 2 but was 1", e.getMessage());
    }
}
