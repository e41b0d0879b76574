// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void qlikeOnLogScale_onTwoSamples_matchesPattonsQlikeByHand() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            float ln2 = (float) Math.log(2);
            NDList pred = new NDList(m.create(new float[] {0, ln2}, new Shape(2, 1)));
            NDList label = new NDList(m.create(new float[] {ln2, 0}, new Shape(2, 1)));

            float loss = Losses.qlikeOnLogScale().evaluate(label, pred).getFloat();

            // QLIKE = y^2/f^2 - ln(y^2/f^2) - 1. Sample 0: y/f = 2, 4 - ln 4 - 1 = 1.613706;
            // sample 1: y/f = 1/2, 1/4 + ln 4 - 1 = 0.636294; mean 1.125.
            assertEquals(1.125, loss, 1e-6);
        }
    }

    @Test
    void qlikeOnLogScale_forAConstantOutput_isSmallestAtHalfTheLogOfMeanExpTwoT() {
        float[] t = {-0.7f, -0.1f, 0.2f, 0.9f, 0.35f};
        double meanExp2t = 0;
        for (float v : t) {
            meanExp2t += Math.exp(2 * v) / t.length;
        }
        // d/do mean(exp(2(t-o)) - 2(t-o) - 1) = -2 mean(exp(2(t-o))) + 2 = 0 at
        // o* = 0.5 ln mean(exp(2t)); the second derivative 4 mean(exp(2(t-o))) is positive.
        double best = 0.5 * Math.log(meanExp2t);
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDList label = new NDList(m.create(t, new Shape(t.length, 1)));
            double atBest = constantLoss(m, label, best);
            for (double step : new double[] {-0.05, -0.01, 0.01, 0.05}) {
                assertTrue(
                        constantLoss(m, label, best + step) > atBest,
                        "loss at o* + " + step + " is not above the loss at o*");
            }
            double meanT = 0;
            for (float v : t) {
                meanT += v / t.length;
            }
            // The MSE minimiser, mean(t), lies below o* (Jensen) and is not QLIKE's minimiser.
            assertTrue(meanT < best - 0.05);
            assertTrue(constantLoss(m, label, meanT) > atBest);
        }
    }

    private static double constantLoss(NDManager m, NDList label, double o) {
        float[] p = new float[(int) label.head().size()];
        java.util.Arrays.fill(p, (float) o);
        NDList pred = new NDList(m.create(p, new Shape(p.length, 1)));
        return Losses.qlikeOnLogScale().evaluate(label, pred).getFloat();
    }
}
