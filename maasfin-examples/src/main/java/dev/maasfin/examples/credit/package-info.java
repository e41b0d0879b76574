// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code credit} demo: credit-risk scoring on the German (Statlog) and Taiwan credit-default
 * data by the evaluation protocol, logistic regression against an MLP, with reason codes (the top
 * adverse factors) for sample applicants under human-readable feature names.
 */
package dev.maasfin.examples.credit;
