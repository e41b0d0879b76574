// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

/** Why a search ended. Thread-safe: an enum. */
public enum StopReason {
    /** The strategy ran every trial the trial budget allowed. */
    FINISHED,
    /**
     * The wall-time budget was used up; no evaluation started after that, and the ones already
     * running were allowed to finish and are recorded.
     */
    WALL_TIME
}
