// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.util.Objects;

/**
 * A pseudonymisation token with the version of the key that made it.
 *
 * <p>The text form {@link #encoded()} is {@code "<keyVersion>:<64 lower-case hex>"}, for example
 * {@code "v1:be4e2f16…"}; tokens made under different key versions never compare equal.
 * Thread-safe: immutable.
 *
 * @param keyVersion the version label of the key
 * @param token lower-case hex HMAC-SHA-256, 64 characters
 */
public record Pseudonym(String keyVersion, String token) {

    /**
     * Checks both components.
     *
     * @throws IllegalArgumentException if the token is not 64 lower-case hex characters
     */
    public Pseudonym {
        Objects.requireNonNull(keyVersion, "keyVersion");
        Objects.requireNonNull(token, "token");
        if (!token.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "token must be 64 lower-case hex characters but had length " + token.length());
        }
    }

    /**
     * Returns {@code keyVersion + ":" + token}.
     *
     * @return the stored text form
     */
    public String encoded() {
        return keyVersion + ":" + token;
    }

    /**
     * Parses the text form written by {@link #encoded()}.
     *
     * @param encoded {@code "<keyVersion>:<hex>"}
     * @return the pseudonym
     * @throws IllegalArgumentException if there is no {@code ':'} or the token is malformed
     */
    public static Pseudonym parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        int colon = encoded.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "encoded pseudonym must look like '<keyVersion>:<hex>' but has no key version");
        }
        return new Pseudonym(encoded.substring(0, colon), encoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
