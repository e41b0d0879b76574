// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

/**
 * What a {@link PrivacySchema} does with one column before data reaches a model or an export.
 *
 * <p>Every policy except {@link #PASS} means the raw column must never reach scoring; {@link
 * PrivacySchema#checkNoRawPersonalColumns} enforces that.
 */
public enum ColumnPolicy {
    /** Mask card numbers ({@link PanMasker}); output column {@code <name>_masked}. */
    PERSONAL_MASK("_masked"),
    /** Replace by a keyed token ({@link Pseudonymiser}); output column {@code <name>_pseudonym}. */
    PSEUDONYMISE("_pseudonym"),
    /** Replace by a band ({@link BandGeneraliser}); output column {@code <name>_band}. */
    GENERALISE("_band"),
    /** Remove the column. */
    DROP(""),
    /** Keep the column unchanged: it holds no personal data. */
    PASS("");

    private final String suffix;

    ColumnPolicy(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Returns the suffix of the protected output column ({@code ""} for DROP and PASS).
     *
     * @return the suffix
     */
    public String outputSuffix() {
        return suffix;
    }
}
