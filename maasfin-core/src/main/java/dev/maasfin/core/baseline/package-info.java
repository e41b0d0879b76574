// SPDX-License-Identifier: Apache-2.0
/**
 * Baseline models every learned model is compared with: naive and rolling-mean forecasts, EWMA and
 * GARCH(1,1) volatility, a HAR-style regression, L2-regularised logistic regression, and two
 * anomaly scorers (Mahalanobis distance and an isolation forest).
 *
 * <p>Each baseline states its definition in its Javadoc; the volatility baselines reproduce the
 * columns of the evaluation protocol's {@code vol_reference_series.csv}. Unfitted settings and
 * fitted models are separate: a static {@code fit} method returns an immutable fitted object.
 * Everything here is deterministic for a given seed and input.
 */
package dev.maasfin.core.baseline;
