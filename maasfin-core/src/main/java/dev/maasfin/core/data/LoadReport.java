// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.util.List;
import java.util.Objects;

/**
 * What a load read, kept and repaired; the library never prints it, the caller reads it.
 *
 * <p>In {@link LoadMode#STRICT} the repair list is always empty. Thread-safe: immutable.
 *
 * @param source the file (or source) name
 * @param mode the mode the load ran in
 * @param rowsRead data rows read from the file (header and blank lines not counted)
 * @param rowsKept rows in the result
 * @param zeroVolumeAsMissing rows whose zero volume became {@code NaN} ("not reported"); 0 for
 *     tables
 * @param repairs every repair made, in the order made
 */
public record LoadReport(
        String source,
        LoadMode mode,
        int rowsRead,
        int rowsKept,
        int zeroVolumeAsMissing,
        List<Repair> repairs) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if {@code source}, {@code mode} or {@code repairs} is null
     */
    public LoadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        repairs = List.copyOf(repairs);
    }

    /** Returns whether any repair was made. */
    public boolean hasRepairs() {
        return !repairs.isEmpty();
    }

    /** Returns how many repairs of the given kind were made. */
    public long count(Repair.Action action) {
        return repairs.stream().filter(r -> r.action() == action).count();
    }
}
