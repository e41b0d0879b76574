// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a registry's append-only audit log.
 *
 * <p>Actions are {@link #PUBLISH}, {@link #PROMOTE}, {@link #ROLLBACK} and {@link #DELETE}. For a
 * promotion {@code version} is the version moved into {@code stage}; for a rollback it is the
 * version that holds the stage afterwards; for publish and delete {@code stage} is empty.
 * Thread-safe: immutable.
 *
 * @param time when the change took effect (the registry's clock)
 * @param action one of the action constants
 * @param name the model name
 * @param version the version concerned
 * @param stage the lower-case stage name, or empty
 * @param who who made the change
 * @param reason why
 */
public record AuditEntry(
        Instant time,
        String action,
        String name,
        int version,
        String stage,
        String who,
        String reason) {

    /** A version was published. */
    public static final String PUBLISH = "publish";

    /** A version was moved into a stage; the previous holder was archived. */
    public static final String PROMOTE = "promote";

    /** A stage was returned to its previous holder. */
    public static final String ROLLBACK = "rollback";

    /** A version was deleted by retention. */
    public static final String DELETE = "delete";

    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a component is null
     */
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(reason, "reason");
    }
}
