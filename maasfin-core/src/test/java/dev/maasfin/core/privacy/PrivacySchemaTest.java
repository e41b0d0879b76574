// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.data.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column policies on records and frames, and the scorer-side raw-column check. */
class PrivacySchemaTest {

    static PrivacySchema schema() {
        return PrivacySchema.builder()
                .column("card", ColumnPolicy.PERSONAL_MASK)
                .column("email", ColumnPolicy.PSEUDONYMISE)
                .generalise("age", BandGeneraliser.ageBands(18, 25, 35, 50, 65))
                .column("name", ColumnPolicy.DROP)
                .column("amount", ColumnPolicy.PASS)
                .optPseudonymiser(
                        Pseudonymiser.withKey(
                                PseudonymiserTest.KEY, Canonicalisation.CASE_INSENSITIVE))
                .build();
    }

    @Test
    void applyToRecord_protectsEveryColumnAndRenamesProtectedOnes() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("card", "4000001234567899");
        in.put("email", "  Alice.Example@Example.TEST ");
        in.put("age", "42");
        in.put("name", "Alice Example");
        in.put("amount", "12.50");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("card_masked", "400000******7899"); // Case 21
        expected.put(
                "email_pseudonym",
                "v1:be4e2f1663aa98b3ab7801f3cc97d18f26f27719232698673994d6f3274c25c5"); // Case 21
        expected.put("age_band", "[35, 50)");
        expected.put("amount", "12.50");
        assertEquals(expected, schema().applyToRecord(in));
    }

    @Test
    void maskColumn_hidesLuhnInvalidNumbersToo() {
        Map<String, String> out = schema().applyToRecord(Map.of("card", "4000001234567890"));
        assertEquals("************7890", out.get("card_masked"));
    }

    @Test
    void checkNoRawPersonalColumns_refusesRawColumnsNamingThemOnly() {
        PrivacySchema s = schema();
        s.checkNoRawPersonalColumns(
                List.of("card_masked", "email_pseudonym", "age_band", "amount"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.checkNoRawPersonalColumns(List.of("amount", "email", "age", "x")));
        assertEquals(
                "columns [email (PSEUDONYMISE), age (GENERALISE), x (no privacy policy)] must not"
                        + " reach scoring raw; apply the privacy schema first or declare them PASS",
                e.getMessage());
    }

    @Test
    void applyToFrame_generalisesDropsAndPassesKeepingTheTimeIndex() {
        PrivacySchema s =
                PrivacySchema.builder()
                        .generalise("age", BandGeneraliser.ageBands(18, 65))
                        .column("amount", ColumnPolicy.PASS)
                        .optDefaultPolicy(ColumnPolicy.DROP)
                        .build();
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("age", new double[] {17, 40, 70});
        cols.put("amount", new double[] {1, 2, 3});
        cols.put("postcode", new double[] {1010, 2020, 3030});
        Frame out = s.apply(Frame.of(new long[] {1, 2, 3}, cols));
        assertEquals(List.of("age_band", "amount"), out.columnNames());
        assertArrayEquals(new double[] {0, 1, 2}, out.column("age_band"));
        assertArrayEquals(new long[] {1, 2, 3}, out.epochMillis().orElseThrow());
    }

    @Test
    void applyToFrame_refusesTextPoliciesOnNumericColumns() {
        Frame f = Frame.of(Map.of("card", new double[] {1}));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> schema().apply(f));
        assertEquals(
                "column 'card' has policy PERSONAL_MASK, which applies to text records"
                        + " (applyToRecord), not to a numeric frame",
                e.getMessage());
    }

    @Test
    void build_listsEveryProblem() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PrivacySchema.builder()
                                        .column("email", ColumnPolicy.PSEUDONYMISE)
                                        .column("email", ColumnPolicy.PASS)
                                        .column("age", ColumnPolicy.GENERALISE)
                                        .optDefaultPolicy(ColumnPolicy.PSEUDONYMISE)
                                        .build());
        assertEquals(
                "invalid privacy schema: column 'email' is declared twice; column 'age' needs"
                        + " generalise(name, bands) for GENERALISE; pseudonymiser must be set"
                        + " (optPseudonymiser) for PSEUDONYMISE columns; default policy must be"
                        + " PASS or DROP but was PSEUDONYMISE",
                e.getMessage());
    }
}
