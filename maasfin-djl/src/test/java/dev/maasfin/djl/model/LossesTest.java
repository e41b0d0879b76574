// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.maasfin.djl.engine.Engines;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void weightedSoftmaxCrossEntropy_onTwoSamples_matchesHandComputation() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float ln3 = (float) Math.log(3);
            NDList logits = new NDList(m.create(new float[] {0, 0, ln3, 0}, new Shape(2, 2)));
            NDList labels = new NDList(m.create(new float[] {0, 1}, new Shape(2, 1)));

            float loss =
                    Losses.weightedSoftmaxCrossEntropy(new float[] {1, 4})
                            .evaluate(labels, logits)
                            .getFloat();

            // Sample 0: p0 = 1/2, 1 * ln 2; sample 1: p1 = 1/(3+1), 4 * ln 4; mean of the two.
            assertEquals((Math.log(2) + 4 * Math.log(4)) / 2, loss, 1e-6);
        }
    }

    @Test
    void pinball_forTwoQuantiles_matchesDefinition() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList pred = new NDList(m.create(new float[] {1, 3}, new Shape(1, 2)));
            NDList label = new NDList(m.create(new float[] {2}, new Shape(1, 1)));

            float loss =
                    Losses.pinball(new float[] {0.1f, 0.9f}, 1).evaluate(label, pred).getFloat();

            // q=0.1, e=2-1=1: max(0.1, -0.9) = 0.1; q=0.9, e=2-3=-1: max(-0.9, 0.1) = 0.1.
            assertEquals(0.1, loss, 1e-6);
        }
    }

    @Test
    void meanSquaredError_hasNoHalfFactor() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList pred = new NDList(m.create(new float[] {1, 2}, new Shape(1, 2)));
            NDList label = new NDList(m.create(new float[] {3, 2}, new Shape(1, 2)));

            // ((3-1)^2 + 0) / 2 = 2.
            assertEquals(2f, Losses.meanSquaredError().evaluate(label, pred).getFloat(), 1e-6);
        }
    }
}
