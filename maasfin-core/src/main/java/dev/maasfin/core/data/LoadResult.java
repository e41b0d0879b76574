// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.util.Objects;

/**
 * Loaded data together with the report of how it was loaded.
 *
 * <p>Thread-safe when {@code T} is (the loaders return immutable types).
 *
 * @param <T> the loaded type
 * @param data the loaded data
 * @param report rows read and kept, repairs made
 */
public record LoadResult<T>(T data, LoadReport report) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public LoadResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(report, "report");
    }
}
