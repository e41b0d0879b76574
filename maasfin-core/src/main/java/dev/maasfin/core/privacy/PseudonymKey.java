// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.Destroyable;

/**
 * A secret HMAC key for pseudonymisation together with its version label (for example {@code
 * "v1"}), so tokens can say which key made them and keys can be rotated.
 *
 * <p>The key bytes are copied in, never returned, and never appear in {@link #toString()} or any
 * message; {@link #destroy()} overwrites them. Keys must be at least 32 bytes (256 bits, the
 * HMAC-SHA-256 block-size guidance of RFC 2104 §3 for full strength). Thread-safe: immutable until
 * destroyed.
 */
public final class PseudonymKey implements Destroyable {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    private final byte[] key;
    private final String version;
    private volatile boolean destroyed;

    private PseudonymKey(byte[] key, String version) {
        this.key = key;
        this.version = version;
    }

    /**
     * Wraps key bytes (copied) under a version label.
     *
     * @param key at least 32 secret bytes
     * @param version 1-16 letters, digits, {@code . _ -}; stored with every token
     * @return the key
     * @throws IllegalArgumentException if the key is shorter than 32 bytes (only the length is
     *     reported) or the version is malformed
     */
    public static PseudonymKey of(byte[] key, String version) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        if (key.length < 32) {
            throw new IllegalArgumentException(
                    "key must be at least 32 bytes but was " + key.length + " bytes");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "version must be 1-16 letters, digits, '.', '_' or '-' but was '"
                            + version
                            + "'");
        }
        return new PseudonymKey(key.clone(), version);
    }

    /**
     * Returns the version label stored with every token made under this key.
     *
     * @return the version label
     */
    public String version() {
        return version;
    }

    /** Key bytes for this package's HMAC set-up; a copy. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("pseudonym key " + version + " was destroyed");
        }
        return key.clone();
    }

    /** Overwrites the key bytes; later use fails with {@link IllegalStateException}. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "PseudonymKey[version=" + version + ", key=<redacted>]";
    }
}
