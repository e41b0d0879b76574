// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The golden format-1 artifact kept in test resources ({@code v1-case20/}): the spec written by
 * hand from {@link KernelFiles}' documentation and the weights written by NumPy, {@code
 * np.concatenate([p.ravel() for p in (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight,
 * bias)]).astype('<f4').tofile(...)}, with reference case 20's weights. Loading it must keep
 * working in every later release.
 */
class GoldenKernelTest {
    private static SequentialKernel golden() throws Exception {
        try (InputStream spec = resource("kernel.json");
                InputStream weights = resource("kernel-weights.f32")) {
            return KernelFiles.read(spec, weights);
        }
    }

    private static InputStream resource(String name) {
        return GoldenKernelTest.class.getResourceAsStream("v1-case20/" + name);
    }

    @Test
    void load_goldenVersion1Artifact_predictsCase20ReferenceValues() throws Exception {
        SequentialKernel k = golden();

        // Reference case 20: window A → 0.10196066, window B → 0.11180267 (tolerance 1e-6).
        assertEquals(0.10196066, k.predict(ReferenceLstmTest.WINDOW_A)[0], 1e-6);
        assertEquals(0.11180267, k.predict(ReferenceLstmTest.WINDOW_B)[0], 1e-6);
    }

    @Test
    void load_goldenArtifact_equalsKernelBuiltFromTheSameWeights() throws Exception {
        SequentialKernel built = ReferenceLstmTest.caseModel();

        assertArrayEquals(
                built.predict(ReferenceLstmTest.WINDOW_A),
                golden().predict(ReferenceLstmTest.WINDOW_A));
    }
}
