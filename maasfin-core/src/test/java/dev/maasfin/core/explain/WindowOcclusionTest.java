// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.explain.Explanation;
import dev.maasfin.api.explain.ReasonCode;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class WindowOcclusionTest {
    // A linear window model f(w) = sum_t sum_f c[f] * (t + 1) * w[t][f]: later steps weigh more.
    private static final double[] C = {2.0, -1.0};
    private static final ToDoubleFunction<double[][]> LINEAR =
            w -> {
                double s = 0;
                for (int t = 0; t < w.length; t++) {
                    for (int f = 0; f < w[t].length; f++) {
                        s += C[f] * (t + 1) * w[t][f];
                    }
                }
                return s;
            };

    @Test
    void explain_linearModel_matchesHandWorkedAttributions() {
        double[][] w = {{1.0, 2.0}, {3.0, 0.5}, {-1.0, 1.0}};
        WindowOcclusion occ = new WindowOcclusion(LINEAR, new double[] {0, 0}, "zeros");
        WindowOcclusion.Result r = occ.explain(w);
        // f(w) = 1*(2*1 - 1*2) + 2*(2*3 - 0.5) + 3*(2*(-1) - 1) = 0 + 11 - 9 = 2.
        assertEquals(2.0, r.prediction(), 1e-12);
        // Against a zero baseline, occluding step t removes exactly its term: 0, 11, -9.
        assertArrayEquals(new double[] {0.0, 11.0, -9.0}, r.perStep(), 1e-12);
        // Feature 0 over all steps: 2*(1*1 + 2*3 + 3*(-1)) = 8; feature 1: -(2 + 1 + 3) = -6.
        assertArrayEquals(new double[] {8.0, -6.0}, r.perFeature(), 1e-12);
        // One cell: step 1, feature 0: 2 * 2 * 3 = 12.
        assertEquals(12.0, r.cells()[1][0], 1e-12);
    }

    @Test
    void explainFeatures_recordsBaselineAndGivesReasonCodes() {
        double[][] w = {{1.0, 2.0}, {3.0, 0.5}, {-1.0, 1.0}};
        WindowOcclusion occ = new WindowOcclusion(LINEAR, new double[] {0, 0}, "zeros");
        Explanation e = occ.explainFeatures(w, List.of("return", "volume"));
        assertEquals("zeros", e.baseline());
        assertEquals(0.0, e.baselinePrediction(), 0.0);
        List<ReasonCode> reasons = e.topReasons(2);
        // Only "return" pushes the prediction up (+8); "volume" (-6) is never a reason.
        assertEquals(1, reasons.size());
        assertEquals("return", reasons.get(0).feature());
        assertEquals(8.0, reasons.get(0).contribution(), 1e-12);
    }

    @Test
    void explain_whenRowLengthWrong_namesStep() {
        WindowOcclusion occ = new WindowOcclusion(LINEAR, new double[] {0, 0}, "zeros");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> occ.explain(new double[][] {{1, 2}, {3}}));
        assertEquals("time step 1 has 1 features but the baseline has 2", e.getMessage());
    }

    @Test
    void explain_whenValueInfinite_namesStepAndFeature() {
        WindowOcclusion occ = new WindowOcclusion(LINEAR, new double[] {0, 0}, "zeros");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> occ.explain(new double[][] {{1, Double.POSITIVE_INFINITY}}));
        assertEquals("time step 0, feature 1: value Infinity is not finite", e.getMessage());
    }
}
