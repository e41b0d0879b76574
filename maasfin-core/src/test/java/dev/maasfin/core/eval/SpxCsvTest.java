// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpxCsvTest {

    @Test
    void read_spx_skipsBomAndParsesUsDates() {
        // spx-daily/README.md: 8,111 rows, 1990-01-02 to 2022-03-10; first close 359.69.
        SpxCsv spx = SpxCsv.read(EvalFixtures.file("spx-daily/spx.csv"));
        assertEquals(8111, spx.dates.length);
        assertEquals(LocalDate.of(1990, 1, 2), spx.dates[0]);
        assertEquals(LocalDate.of(2022, 3, 10), spx.dates[8110]);
        assertEquals(359.69, spx.closes[0], 0);
    }

    @Test
    void read_missingFile_namesThePath() {
        Path missing = Path.of("target/no-such-dir/spx.csv");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SpxCsv.read(missing));
        assertEquals("data file is missing: " + missing.toAbsolutePath(), e.getMessage());
    }
}
