// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

/** Outcome of one trial at one rung. Thread-safe: an enum. */
public enum TrialStatus {
    /** Every fold returned a finite metric. */
    COMPLETED,
    /** A fold threw or returned NaN/infinity; the remaining folds were not run. */
    FAILED
}
