// SPDX-License-Identifier: Apache-2.0
/**
 * Evaluation metrics, bootstrap confidence intervals and forecast-comparison tests over primitive
 * arrays.
 *
 * <p>Definitions follow maasfin's evaluation protocol ({@code shared/data/evaluation/README.md}),
 * which matches scikit-learn's semantics: ROC-AUC is the Mann–Whitney statistic with ½ for ties,
 * average precision is the step-wise sum over distinct thresholds, QLIKE is Patton's normalised
 * variance form, and the Diebold–Mariano test uses a rectangular kernel with the
 * Harvey–Leybourne–Newbold correction.
 *
 * <p>Metrics that are undefined for the given input (a single class for ROC-AUC, average precision
 * and KS; nothing flagged for precision) throw {@link
 * dev.maasfin.core.metrics.UndefinedMetricException} rather than returning a number that could be
 * averaged in silently; {@link dev.maasfin.core.metrics.MetricOutcome} and {@link
 * dev.maasfin.core.metrics.FoldAggregate} let a fold loop report such folds instead.
 */
package dev.maasfin.core.metrics;
