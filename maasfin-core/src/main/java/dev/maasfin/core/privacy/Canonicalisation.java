// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a value is put in canonical form before it is pseudonymised, so the same person always gets
 * the same token.
 *
 * <p>Both forms strip leading and trailing white space ({@link String#strip()}, which removes
 * Unicode white space) and apply Unicode NFC ({@link Normalizer.Form#NFC}), so precomposed and
 * decomposed accents agree. {@link #CASE_INSENSITIVE} then lower-cases with {@link Locale#ROOT},
 * never the default locale (a Turkish default would turn {@code I} into dotless {@code ı}). Use it
 * for e-mail addresses and names; use {@link #EXACT} for identifiers whose case is significant.
 * Reference: Case 21.
 */
public enum Canonicalisation {
    /** Strip, NFC, lower case with {@code Locale.ROOT}. */
    CASE_INSENSITIVE,
    /** Strip and NFC; case kept. */
    EXACT;

    /**
     * Returns the canonical form of {@code value}.
     *
     * @param value the raw value
     * @return its canonical form
     */
    public String apply(String value) {
        String s = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        return this == CASE_INSENSITIVE ? s.toLowerCase(Locale.ROOT) : s;
    }
}
