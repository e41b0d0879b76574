// SPDX-License-Identifier: Apache-2.0
/**
 * Helpers that reproduce maasfin's evaluation protocol ({@code shared/data/evaluation/README.md})
 * exactly: the seeded stratified split and the S&amp;P 500 volatility task series with its purged
 * date-based parts.
 *
 * <p>Figures computed with these helpers compare directly with the protocol's reference figures
 * because the row sets and features are identical, row for row.
 */
package dev.maasfin.core.eval;
