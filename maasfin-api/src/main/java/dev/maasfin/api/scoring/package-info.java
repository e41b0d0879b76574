// SPDX-License-Identifier: Apache-2.0
/**
 * Results of in-process scoring: one {@link dev.maasfin.api.scoring.Prediction}, a {@link
 * dev.maasfin.api.scoring.BatchPrediction} of many windows, and a scorer's {@link
 * dev.maasfin.api.scoring.ScorerStats}. JDK types only, so hosts can depend on them without DJL.
 */
package dev.maasfin.api.scoring;
