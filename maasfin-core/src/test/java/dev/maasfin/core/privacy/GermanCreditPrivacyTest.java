// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.core.artifact.RealDataDirectory;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The privacy schema on real personal data: 1,000 German Credit applicants (UCI Statlog). */
class GermanCreditPrivacyTest {

    private static PrivacySchema schema() {
        return PrivacySchema.builder()
                .generalise("age_years", BandGeneraliser.ageBands(25, 35, 50, 65))
                .generalise("credit_amount", BandGeneraliser.buckets(1000, 2500, 5000, 10000))
                .column("personal_status_sex", ColumnPolicy.DROP)
                .column("foreign_worker", ColumnPolicy.DROP)
                .column("telephone", ColumnPolicy.DROP)
                .optDefaultPolicy(ColumnPolicy.PASS)
                .build();
    }

    private static List<Map<String, String>> protectedRows(PrivacySchema s) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader r =
                        Files.newBufferedReader(
                                RealDataDirectory.file("german-credit", "german_credit.csv"),
                                StandardCharsets.UTF_8);
                CSVParser p =
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get()
                                .parse(r)) {
            for (CSVRecord rec : p) {
                out.add(s.applyToRecord(rec.toMap()));
            }
        }
        return out;
    }

    @Test
    void germanCredit_generalisesAgeAndAmountAndDropsSensitiveColumns() throws Exception {
        PrivacySchema s = schema();
        List<Map<String, String>> rows = protectedRows(s);

        assertEquals(1000, rows.size()); // README: 1,000 rows
        // First three lines of german.data: ages 67, 22, 49 and amounts 1169, 5951, 2096 DM.
        assertEquals(">= 65", rows.get(0).get("age_years_band"));
        assertEquals("[1000, 2500)", rows.get(0).get("credit_amount_band"));
        assertEquals("< 25", rows.get(1).get("age_years_band"));
        assertEquals("[5000, 10000)", rows.get(1).get("credit_amount_band"));
        assertEquals("[35, 50)", rows.get(2).get("age_years_band"));
        long good = rows.stream().filter(r -> r.get("class").equals("1")).count();
        assertEquals(700, good); // README: 700 good, 300 bad; PASS columns unchanged
        for (Map<String, String> r : rows) {
            s.checkNoRawPersonalColumns(r.keySet());
        }
    }

    @Test
    void rawGermanCreditHeader_isRefusedNamingEachPersonalColumn() throws Exception {
        List<String> header =
                List.of(
                        Files.readAllLines(
                                        RealDataDirectory.file(
                                                "german-credit", "german_credit.csv"))
                                .get(0)
                                .split(","));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> schema().checkNoRawPersonalColumns(header));
        assertEquals(
                "columns [credit_amount (GENERALISE), personal_status_sex (DROP), age_years"
                        + " (GENERALISE), telephone (DROP), foreign_worker (DROP)] must not reach"
                        + " scoring raw; apply the privacy schema first or declare them PASS",
                e.getMessage());
    }
}
