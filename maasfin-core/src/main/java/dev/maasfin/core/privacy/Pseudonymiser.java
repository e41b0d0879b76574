// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal values by keyed tokens: lower-case hex HMAC-SHA-256 (RFC 2104) of the UTF-8
 * bytes of the value's {@link Canonicalisation canonical form}.
 *
 * <p>A keyed hash, unlike a plain SHA-256, cannot be reversed by hashing a dictionary of likely
 * e-mails without the key. Each purpose (a data set or use) should get its own key, so two data
 * sets cannot be joined on the token: {@link #forPurpose} derives it as {@code HMAC-SHA-256(key,
 * "maasfin-pseudonym-v1|" + purpose)}; {@link #withKey} uses the given key as it is (for a key that
 * is already purpose-specific). Every {@link Pseudonym} carries the key version. Reference: Case
 * 21.
 *
 * <p>Values are encoded as UTF-8 explicitly (never the platform charset); a value holding an
 * unpaired surrogate is refused rather than silently encoded as {@code '?'}. Messages report
 * lengths and indexes, never the value or the key. Thread-safe: immutable; a {@link Mac} is created
 * per call.
 */
public final class Pseudonymiser {

    private static final String HMAC = "HmacSHA256";
    private static final String DERIVATION_PREFIX = "maasfin-pseudonym-v1|";
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SecretKeySpec key;
    private final String keyVersion;
    private final String purpose;
    private final Canonicalisation canonicalisation;

    private Pseudonymiser(
            byte[] key, String keyVersion, String purpose, Canonicalisation canonicalisation) {
        this.key = new SecretKeySpec(key, HMAC);
        Arrays.fill(key, (byte) 0);
        this.keyVersion = keyVersion;
        this.purpose = purpose;
        this.canonicalisation = canonicalisation;
    }

    /**
     * Creates a pseudonymiser for one purpose with a key derived from {@code masterKey}.
     *
     * @param masterKey the master key
     * @param purpose 1-64 letters, digits, {@code . _ -} starting with a letter or digit, e.g.
     *     {@code "fraud-features"}
     * @param canonicalisation how values are canonicalised
     * @return the pseudonymiser
     * @throws IllegalArgumentException if {@code purpose} is malformed
     */
    public static Pseudonymiser forPurpose(
            PseudonymKey masterKey, String purpose, Canonicalisation canonicalisation) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(canonicalisation, "canonicalisation");
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException(
                    "purpose must be 1-64 letters, digits, '.', '_' or '-' starting with a letter"
                            + " or digit but was '"
                            + purpose
                            + "'");
        }
        byte[] master = masterKey.bytes();
        byte[] sub = hmac(master, (DERIVATION_PREFIX + purpose).getBytes(StandardCharsets.UTF_8));
        Arrays.fill(master, (byte) 0);
        return new Pseudonymiser(sub, masterKey.version(), purpose, canonicalisation);
    }

    /**
     * Creates a pseudonymiser that uses {@code key} directly, for a key that already serves one
     * purpose only.
     *
     * @param key the purpose's key
     * @param canonicalisation how values are canonicalised
     * @return the pseudonymiser
     */
    public static Pseudonymiser withKey(PseudonymKey key, Canonicalisation canonicalisation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(canonicalisation, "canonicalisation");
        return new Pseudonymiser(key.bytes(), key.version(), "", canonicalisation);
    }

    /**
     * Returns the token of {@code value}.
     *
     * @param value the personal value
     * @return the token with its key version
     * @throws IllegalArgumentException if the value is blank after stripping or holds an unpaired
     *     surrogate (the message gives only lengths and indexes)
     */
    public Pseudonym pseudonymise(String value) {
        Objects.requireNonNull(value, "value");
        String canonical = canonicalisation.apply(value);
        if (canonical.isEmpty()) {
            throw new IllegalArgumentException(
                    "value must not be blank after stripping white space; its length was "
                            + value.length());
        }
        byte[] mac = hmac(key, utf8(canonical));
        return new Pseudonym(keyVersion, HexFormat.of().formatHex(mac));
    }

    private static byte[] utf8(String s) {
        CharsetEncoder enc =
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "value holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8;"
                            + " its length was "
                            + s.length());
        }
    }

    private static byte[] hmac(byte[] keyBytes, byte[] message) {
        SecretKeySpec k = new SecretKeySpec(keyBytes, HMAC);
        return hmac(k, message);
    }

    private static byte[] hmac(SecretKeySpec k, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(k);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable on this JVM");
        }
    }

    /**
     * Returns the version label of the key in use.
     *
     * @return the key version
     */
    public String keyVersion() {
        return keyVersion;
    }

    @Override
    public String toString() {
        return "Pseudonymiser[purpose="
                + (purpose.isEmpty() ? "<key as given>" : purpose)
                + ", keyVersion="
                + keyVersion
                + ", canonicalisation="
                + canonicalisation
                + "]";
    }
}
