// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolatilityTaskTest {

    @Test
    void protocol_spx_reproducesReferenceSeriesColumnsTo1e12() {
        // Oracle: shared/data/evaluation/vol_reference_series.csv (validation and test origins).
        VolatilityTask task = EvalFixtures.spxTask();
        Map<String, List<String>> ref = EvalFixtures.columns("evaluation/vol_reference_series.csv");
        List<String> dates = ref.get("origin_date");
        LocalDate[] od = task.originDates();
        VolatilityTask.Part[] parts = task.parts();
        int offset = indexOf(od, LocalDate.parse(dates.get(0)));
        assertEquals(od.length, offset + dates.size(), "the reference ends at the last origin");
        double[][] ours = {task.originReturns(), task.rv5(), task.rv20(), task.target()};
        String[] cols = {"r", "rv5", "rv20", "target_next5_sd"};
        for (int i = 0; i < dates.size(); i++) {
            int p = offset + i;
            assertEquals(LocalDate.parse(dates.get(i)), od[p], "row " + i);
            assertEquals(ref.get("part").get(i), parts[p].name().toLowerCase(Locale.ROOT));
            for (int c = 0; c < cols.length; c++) {
                double expected = Double.parseDouble(ref.get(cols[c]).get(i));
                assertEquals(expected, ours[c][p], 1e-12, cols[c] + " row " + i);
            }
        }
    }

    @Test
    void protocol_spx_testPartHas1050OriginsFrom2018To2022() {
        // README: test 1,050 origins, 2018-01-02 to 2022-03-03; first origin k = 78.
        VolatilityTask task = EvalFixtures.spxTask();
        int[] test = task.positionsOf(VolatilityTask.Part.TEST);
        assertEquals(1050, test.length);
        assertEquals(LocalDate.of(2018, 1, 2), task.originDates()[test[0]]);
        assertEquals(LocalDate.of(2022, 3, 3), task.originDates()[test[1049]]);
        assertEquals(78, task.origins()[0]);
        assertEquals(750, task.positionsOf(VolatilityTask.Part.VALIDATION).length);
    }

    @Test
    void build_purgesOriginsWhoseTargetCrossesAPartBoundary() {
        // No kept origin has its date and the date of r_{k+5} in different parts.
        VolatilityTask task = EvalFixtures.spxTask();
        LocalDate[] rd = task.returnDates();
        int[] k = task.origins();
        for (int i = 0; i < k.length; i++) {
            boolean before = rd[k[i]].isBefore(VolatilityTask.TEST_START);
            boolean targetBefore = rd[k[i] + 5].isBefore(VolatilityTask.TEST_START);
            assertEquals(before, targetBefore, "origin " + k[i]);
        }
    }

    @Test
    void build_nonPositiveClose_namesRow() {
        int n = 90;
        LocalDate[] d = new LocalDate[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = LocalDate.of(2000, 1, 1).plusDays(i);
            c[i] = 100 + i;
        }
        c[17] = 0;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> VolatilityTask.protocol(d, c));
        assertEquals("close must be finite and > 0 but row 17 is 0.0", e.getMessage());
    }

    private static int indexOf(LocalDate[] a, LocalDate d) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(d)) {
                return i;
            }
        }
        throw new AssertionError("origin " + d + " not found");
    }
}
