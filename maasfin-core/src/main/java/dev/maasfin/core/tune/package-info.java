// SPDX-License-Identifier: Apache-2.0
/**
 * Hyper-parameter optimisation with time-series-aware validation.
 *
 * <p>A {@link dev.maasfin.core.tune.SearchSpace} declares integer, real (linear or log scale) and
 * categorical parameters and samples {@link dev.maasfin.core.tune.Configuration}s from a seed. A
 * {@link dev.maasfin.core.tune.Tuner} evaluates them with a caller-supplied {@link
 * dev.maasfin.core.tune.Objective} on walk-forward or purged k-fold {@link
 * dev.maasfin.api.split.Split}s, by random search, successive halving or ASHA, under a trial and a
 * wall-time budget, in parallel if asked. The objective only ever sees training and validation
 * rows; the test part is used once, by an explicit {@link
 * dev.maasfin.core.tune.Tuner#evaluateOnTest} call. A {@link dev.maasfin.core.tune.TuningResult}
 * holds the per-trial table (CSV or JSON) and the best configuration as JSON for a pipeline's
 * metadata.
 *
 * <p>This package does not depend on any deep-learning engine: a DJL model plugs in as an {@code
 * Objective} implemented in {@code maasfin-djl}, which owns its {@code NDManager} scopes.
 */
package dev.maasfin.core.tune;
