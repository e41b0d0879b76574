// SPDX-License-Identifier: Apache-2.0
/**
 * Privacy controls for personal data before it reaches a model or a log: card-number (PAN) masking,
 * keyed pseudonymisation (HMAC-SHA-256 with per-purpose keys), generalisation into bands, and a
 * per-column {@link dev.maasfin.core.privacy.PrivacySchema} that scoring checks.
 *
 * <p>Messages from this package name columns, rows, lengths and rules, but never the personal
 * values themselves, nor any key material; nothing here logs.
 */
package dev.maasfin.core.privacy;
