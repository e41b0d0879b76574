// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code forecast} demo: next-5-day S&amp;P 500 volatility from an LSTM over 60-day windows,
 * evaluated on the protocol's purged test part against naive, EWMA, HAR and GARCH(1,1) baselines
 * with Diebold–Mariano tests, published to a local model registry, reloaded and re-scored; and the
 * {@code tune} command's hyper-parameter search for that LSTM ({@link
 * dev.maasfin.examples.forecast.VolatilityTuning}) on walk-forward folds before the test part.
 */
package dev.maasfin.examples.forecast;
