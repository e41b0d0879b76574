// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.metrics;

/**
 * Result of a Diebold–Mariano test of equal predictive accuracy.
 *
 * <p>A negative statistic means the model's loss is lower than the baseline's. Immutable and
 * thread-safe.
 *
 * @param statistic the test statistic
 * @param pValue two-sided p-value
 * @param n number of paired losses
 * @param meanLossDifference mean of d_t = L(model)_t − L(baseline)_t
 */
public record DmResult(double statistic, double pValue, int n, double meanLossDifference) {}
