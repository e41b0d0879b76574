// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** The PyTorch engine loads offline on the CPU, computes and trains (issue 2, smoke). */
class EngineSmokeTest {

    @Test
    void ensureLoaded_onCpuNatives_reportsPyTorch271AndIsIdempotent() {
        EngineInfo first = Engines.ensureLoaded();

        assertEquals("PyTorch", first.engineName());
        // Versions pinned in the parent pom: pytorch-native-cpu 2.7.1, DJL 0.36.0.
        assertEquals("2.7.1", first.engineVersion());
        assertEquals("0.36.0", first.djlVersion());
        assertSame(first, Engines.ensureLoaded());
        assertTrue(Engines.isTrackingOptedOut());
        // The build runs every test offline (parent pom surefire settings, kept by this module).
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }

    @Test
    void add_ofTwoByTwoMatrices_isElementwiseSum() {
        Engines.ensureLoaded();
        try (NDManager m = Engines.engine().newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray b = m.create(new float[] {10, 20, 30, 40}, new Shape(2, 2));

            float[] sum = a.add(b).toFloatArray();

            // Reference case 12: [[1,2],[3,4]] + [[10,20],[30,40]] = [[11,22],[33,44]].
            assertArrayEquals(new float[] {11, 22, 33, 44}, sum);
        }
    }

    @Test
    void linearRegression_twentySgdSteps_lossFallsBelowHalf() {
        Engines.engine().setRandomSeed(7);
        try (Model model = Model.newInstance("smoke", DeviceSpec.cpu().resolve(), "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.l2Loss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.1f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 2));
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 20; step++) {
                    last = step(trainer);
                    if (step == 0) {
                        first = last;
                    }
                }
                assertTrue(last < first / 2, "loss " + first + " -> " + last);
            }
        }
    }

    /** One SGD step on y = 2 x0 - 3 x1 + 1 over 8 fixed rows; returns the batch loss. */
    private static float step(Trainer trainer) {
        NDManager m = trainer.getManager();
        try (NDManager scope = m.newSubManager()) {
            float[] x = {0, 0, 1, 0, 0, 1, 1, 1, -1, 0, 0, -1, 0.5f, -0.5f, -1, 1};
            float[] y = new float[8];
            for (int i = 0; i < 8; i++) {
                y[i] = 2 * x[2 * i] - 3 * x[2 * i + 1] + 1;
            }
            NDArray xs = scope.create(x, new Shape(8, 2));
            NDArray ys = scope.create(y, new Shape(8, 1));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(xs));
                NDArray loss = trainer.getLoss().evaluate(new NDList(ys), pred);
                gc.backward(loss);
                trainer.step();
                return loss.getFloat();
            }
        }
    }
}
