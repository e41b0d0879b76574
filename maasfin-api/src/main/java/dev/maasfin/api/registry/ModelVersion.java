// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One published, complete version of a named model as a registry lists it.
 *
 * <p>A version is immutable once published; only its stage membership changes. {@code stages} holds
 * the (lower-case) stages this version currently holds; {@code archived} is true when the version
 * held a stage before and holds none now. Thread-safe: immutable.
 *
 * @param name the model name
 * @param version the version number, starting at 1
 * @param publishedAt when the publish committed (the registry's clock)
 * @param publishedBy who published it
 * @param reason why it was published
 * @param metadata caller metadata given at publish time
 * @param stages the stages this version currently holds, lower case, sorted
 * @param archived whether the version held a stage before and holds none now
 */
public record ModelVersion(
        String name,
        int version,
        Instant publishedAt,
        String publishedBy,
        String reason,
        Map<String, String> metadata,
        Set<String> stages,
        boolean archived) {

    /**
     * Validates and copies every component.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(reason, "reason");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1 but was " + version);
        }
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        stages = Collections.unmodifiableSet(new TreeSet<>(stages));
    }
}
