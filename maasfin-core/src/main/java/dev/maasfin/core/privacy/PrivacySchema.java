// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import dev.maasfin.api.data.Frame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A privacy policy per column, applied to records and frames before data reaches a model, and
 * checked by scoring so that a raw personal column is refused.
 *
 * <p>Each protected column is replaced by an output column with the policy's suffix ({@code
 * card_masked}, {@code email_pseudonym}, {@code age_band}), so the raw name never survives {@link
 * #applyToRecord} or {@link #apply(Frame)}; {@link #checkNoRawPersonalColumns} accepts those output
 * names and refuses raw ones. Columns without a policy are refused unless {@link
 * Builder#optDefaultPolicy} says PASS or DROP. In a PERSONAL_MASK column, a value that is not a
 * Luhn-valid PAN is still hidden: every digit except the last four becomes {@code *}.
 *
 * <p>Messages name columns, rows, lengths and rules, never a value. Thread-safe: immutable.
 */
public final class PrivacySchema {

    private final Map<String, ColumnPolicy> policies;
    private final Map<String, BandGeneraliser> generalisers;
    private final Map<String, String> outputToRaw;
    private final PanMasker masker;
    private final Pseudonymiser pseudonymiser;
    private final ColumnPolicy defaultPolicy;

    private PrivacySchema(Builder b) {
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(b.policies));
        this.generalisers = Map.copyOf(b.generalisers);
        this.masker = b.masker;
        this.pseudonymiser = b.pseudonymiser;
        this.defaultPolicy = b.defaultPolicy;
        Map<String, String> out = new LinkedHashMap<>();
        policies.forEach(
                (name, p) -> {
                    if (!p.outputSuffix().isEmpty()) {
                        out.put(name + p.outputSuffix(), name);
                    }
                });
        this.outputToRaw = Collections.unmodifiableMap(out);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the declared policy of a raw column.
     *
     * @param column the column name
     * @return the policy, or empty if the column was not declared
     */
    public Optional<ColumnPolicy> policyOf(String column) {
        return Optional.ofNullable(policies.get(column));
    }

    /**
     * Refuses column sets that contain a raw personal column, for a scorer to call on its input.
     *
     * @param columns the input column names
     * @throws IllegalArgumentException naming every offending column and its policy (never a
     *     value): a column declared PERSONAL_MASK, PSEUDONYMISE, GENERALISE or DROP, or an
     *     undeclared column when no default policy PASS was set
     */
    public void checkNoRawPersonalColumns(Collection<String> columns) {
        Objects.requireNonNull(columns, "columns");
        List<String> bad = new ArrayList<>();
        for (String c : columns) {
            ColumnPolicy p = policies.get(c);
            if (p != null && p != ColumnPolicy.PASS) {
                bad.add(c + " (" + p + ")");
            } else if (p == null
                    && !outputToRaw.containsKey(c)
                    && defaultPolicy != ColumnPolicy.PASS) {
                bad.add(c + " (" + (defaultPolicy == null ? "no privacy policy" : "DROP") + ")");
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(
                    "columns "
                            + bad
                            + " must not reach scoring raw; apply the privacy schema first or"
                            + " declare them PASS");
        }
    }

    /**
     * Applies every column's policy to one text record.
     *
     * @param record column name to raw value (null or empty means missing)
     * @return the protected record, in input order, with protected columns renamed
     * @throws IllegalArgumentException if a column has no policy and no default is set, or a
     *     GENERALISE value is not a number, or a PSEUDONYMISE value is blank (naming the column)
     */
    public Map<String, String> applyToRecord(Map<String, String> record) {
        Objects.requireNonNull(record, "record");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : record.entrySet()) {
            String name = e.getKey();
            ColumnPolicy p = policyFor(name);
            if (p != ColumnPolicy.DROP) {
                out.put(name + p.outputSuffix(), protect(name, p, e.getValue()));
            }
        }
        return out;
    }

    private String protect(String name, ColumnPolicy p, String value) {
        if (value == null || value.isEmpty() || p == ColumnPolicy.PASS) {
            return value;
        }
        try {
            return switch (p) {
                case PERSONAL_MASK -> maskValue(value);
                case PSEUDONYMISE -> pseudonymiser.pseudonymise(value).encoded();
                case GENERALISE ->
                        generalisers
                                .get(name)
                                .label(generalisers.get(name).bandOf(parseNumber(value)));
                default -> value;
            };
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("column '" + name + "': " + ex.getMessage());
        }
    }

    private String maskValue(String value) {
        if (PanMasker.isCardNumber(value)) {
            return masker.mask(value);
        }
        int digits = (int) value.chars().filter(c -> c >= '0' && c <= '9').count();
        StringBuilder out = new StringBuilder(value.length());
        int d = 0;
        for (char c : value.toCharArray()) {
            boolean digit = c >= '0' && c <= '9';
            out.append(digit && d++ < digits - 4 ? '*' : c);
        }
        return out.toString();
    }

    private static double parseNumber(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "value must be a number but could not be parsed (length "
                            + value.length()
                            + ")");
        }
    }

    /**
     * Applies the policies to a numeric frame: GENERALISE columns become {@code <name>_band} band
     * indexes, DROP columns are removed, PASS columns are kept; the time index is kept.
     *
     * @param frame the input frame
     * @return the protected frame
     * @throws IllegalArgumentException if a column is PERSONAL_MASK or PSEUDONYMISE (those apply to
     *     text records), has no policy and no default, or a generalised value is invalid (naming
     *     the column and row)
     */
    public Frame apply(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : frame.columnNames()) {
            ColumnPolicy p = policyFor(name);
            switch (p) {
                case PASS -> out.put(name, frame.column(name));
                case DROP -> {}
                case GENERALISE -> out.put(name + p.outputSuffix(), generalise(name, frame));
                default ->
                        throw new IllegalArgumentException(
                                "column '"
                                        + name
                                        + "' has policy "
                                        + p
                                        + ", which applies to text records (applyToRecord), not to"
                                        + " a numeric frame");
            }
        }
        return frame.epochMillis().map(t -> Frame.of(t, out)).orElseGet(() -> Frame.of(out));
    }

    private double[] generalise(String name, Frame frame) {
        try {
            return generalisers.get(name).apply(frame.column(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + name + "': " + e.getMessage());
        }
    }

    private ColumnPolicy policyFor(String name) {
        ColumnPolicy p = policies.get(name);
        if (p != null) {
            return p;
        }
        if (defaultPolicy == null) {
            throw new IllegalArgumentException(
                    "column '" + name + "' has no privacy policy and no default policy is set");
        }
        return defaultPolicy;
    }

    @Override
    public String toString() {
        return "PrivacySchema"
                + policies
                + (defaultPolicy == null ? "" : " default " + defaultPolicy);
    }

    /**
     * Builds a {@link PrivacySchema}. Columns are declared with {@link #column} or {@link
     * #generalise}; a masker defaults to {@link PanMasker#standard()}; a pseudonymiser is required
     * if any column is PSEUDONYMISE. Not thread-safe.
     */
    public static final class Builder {

        private final Map<String, ColumnPolicy> policies = new LinkedHashMap<>();
        private final Map<String, BandGeneraliser> generalisers = new LinkedHashMap<>();
        private PanMasker masker = PanMasker.standard();
        private Pseudonymiser pseudonymiser;
        private ColumnPolicy defaultPolicy;
        private final List<String> problems = new ArrayList<>();

        private Builder() {}

        /**
         * Declares a column's policy (use {@link #generalise} for GENERALISE).
         *
         * @param name the raw column name
         * @param policy PERSONAL_MASK, PSEUDONYMISE, DROP or PASS
         * @return this builder
         */
        public Builder column(String name, ColumnPolicy policy) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(policy, "policy");
            if (policy == ColumnPolicy.GENERALISE) {
                problems.add("column '" + name + "' needs generalise(name, bands) for GENERALISE");
            }
            declare(name, policy);
            return this;
        }

        /**
         * Declares a GENERALISE column with its bands.
         *
         * @param name the raw column name
         * @param bands the bands
         * @return this builder
         */
        public Builder generalise(String name, BandGeneraliser bands) {
            Objects.requireNonNull(name, "name");
            generalisers.put(name, Objects.requireNonNull(bands, "bands"));
            declare(name, ColumnPolicy.GENERALISE);
            return this;
        }

        private void declare(String name, ColumnPolicy policy) {
            if (name.isBlank()) {
                problems.add("a column name is blank");
            }
            if (policies.putIfAbsent(name, policy) != null) {
                problems.add("column '" + name + "' is declared twice");
            }
        }

        /**
         * Sets the masker for PERSONAL_MASK columns (default {@link PanMasker#standard()}).
         *
         * @param masker the masker
         * @return this builder
         */
        public Builder optMasker(PanMasker masker) {
            this.masker = Objects.requireNonNull(masker, "masker");
            return this;
        }

        /**
         * Sets the pseudonymiser for PSEUDONYMISE columns.
         *
         * @param pseudonymiser the pseudonymiser
         * @return this builder
         */
        public Builder optPseudonymiser(Pseudonymiser pseudonymiser) {
            this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
            return this;
        }

        /**
         * Sets what happens to undeclared columns: PASS or DROP (default: refuse them).
         *
         * @param policy PASS or DROP
         * @return this builder
         */
        public Builder optDefaultPolicy(ColumnPolicy policy) {
            this.defaultPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Validates everything and builds the schema.
         *
         * @return the schema
         * @throws IllegalArgumentException listing every problem: no column declared, a column
         *     declared twice, GENERALISE without bands, PSEUDONYMISE without a pseudonymiser, a
         *     default policy other than PASS or DROP
         */
        public PrivacySchema build() {
            List<String> all = new ArrayList<>(problems);
            if (policies.isEmpty()) {
                all.add("at least one column must be declared");
            }
            if (policies.containsValue(ColumnPolicy.PSEUDONYMISE) && pseudonymiser == null) {
                all.add("pseudonymiser must be set (optPseudonymiser) for PSEUDONYMISE columns");
            }
            if (defaultPolicy != null
                    && defaultPolicy != ColumnPolicy.PASS
                    && defaultPolicy != ColumnPolicy.DROP) {
                all.add("default policy must be PASS or DROP but was " + defaultPolicy);
            }
            if (!all.isEmpty()) {
                throw new IllegalArgumentException(
                        "invalid privacy schema: " + String.join("; ", all));
            }
            return new PrivacySchema(this);
        }
    }
}
