// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code fraud} demo: a dense autoencoder trained on genuine card transactions scores fraud by
 * reconstruction error, beside Mahalanobis distance, an isolation forest, logistic regression and a
 * supervised MLP, all on the evaluation protocol's 60/20/20 split of {@code creditcard-fraud}.
 */
package dev.maasfin.examples.fraud;
