// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code patterns} demo: a 2-D CNN on Gramian angular field or Markov transition field images
 * of price windows, classifying the next-period return bucket against the majority-class baseline,
 * with a chronological purged split, a significance check, a local model registry round trip and a
 * Markdown/JSON report with PNG plots.
 */
package dev.maasfin.examples.patterns;
