// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

/** Whether a loader rejects or repairs bad rows. Thread-safe: an enum. */
public enum LoadMode {
    /** The first broken rule fails the load with a {@link DataFormatException}; the default. */
    STRICT,
    /**
     * Repairable problems are repaired and each repair is listed in the {@link LoadReport}: rows
     * are sorted by time, duplicate times keep the last row in file order, and rows that cannot be
     * parsed or break a price rule are dropped. File-level problems (no header, missing required
     * columns, no data rows left) still fail.
     */
    LENIENT
}
