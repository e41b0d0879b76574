// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code score} command: loads a scoring pipeline from a model registry and scores a daily
 * OHLCV file in one batch or bar by bar, printing the last predictions and latency figures.
 */
package dev.maasfin.examples.score;
