// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.maasfin.core.explain.DifferentiableModel;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.Activation;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Autograd gradients of DJL networks against central finite differences, and resource use. */
class GradientModelsTest {

    private static NeuralModel mlp;
    private static NeuralModel lstm;

    @BeforeAll
    static void build() {
        mlp =
                NeuralModel.create(
                        MlpClassifierSpec.builder()
                                .setInputWidth(4)
                                .setNumClasses(3)
                                .optHiddenWidths(8)
                                .optActivation(Activation.TANH)
                                .build(),
                        DeviceSpec.cpu(),
                        7);
        lstm =
                NeuralModel.create(
                        RecurrentForecasterSpec.builder()
                                .setWindow(5)
                                .setFeatures(2)
                                .optHidden(4)
                                .optHorizons(2)
                                .build(),
                        DeviceSpec.cpu(),
                        7);
    }

    @AfterAll
    static void close() {
        mlp.close();
        lstm.close();
    }

    /** f(x) through the ordinary prediction path: output k, class probability for softmax. */
    private static double predict(NeuralModel m, double[] x, int k) {
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = (float) x[i];
        }
        return m.predict(in, 1)[k];
    }

    /** Central difference (f(x + h e_i) - f(x - h e_i)) / 2h with h = 1e-2. */
    private static double centralDifference(NeuralModel m, double[] x, int k, int i) {
        double h = 1e-2;
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] += h;
        down[i] -= h;
        return (predict(m, up, k) - predict(m, down, k)) / (2 * h);
    }

    private static void assertMatchesFiniteDifferences(NeuralModel m, int k, double[] x) {
        double[][] g = new double[1][x.length];
        double[] v = GradientModels.of(m, k).valueAndGradient(new double[][] {x}, g);
        assertEquals(predict(m, x, k), v[0], 1e-6, "value equals predict()");
        for (int i = 0; i < x.length; i++) {
            // float32 differences with h = 1e-2: rounding ~1e-5, truncation h^2/6 f''' ~1e-5.
            assertEquals(centralDifference(m, x, k, i), g[0][i], 2e-4, "d f / d x_" + i);
        }
    }

    @Test
    void softmaxClassifierProbability_gradientMatchesCentralDifferences() {
        qt().withFixedSeed(42)
                .withExamples(100)
                .forAll(integers().between(0, 2), integers().between(0, 10_000))
                .checkAssert((k, seed) -> assertMatchesFiniteDifferences(mlp, k, point(4, seed)));
    }

    @Test
    void lstmForecast_gradientMatchesCentralDifferencesAtEveryStepAndFeature() {
        qt().withFixedSeed(42)
                .withExamples(50)
                .forAll(integers().between(0, 1), integers().between(0, 10_000))
                .checkAssert((k, seed) -> assertMatchesFiniteDifferences(lstm, k, point(10, seed)));
    }

    @Test
    void batchOfPoints_givesEachRowItsOwnGradient() {
        qt().withFixedSeed(42)
                .withExamples(50)
                .forAll(doubles().between(-2, 2), integers().between(0, 10_000))
                .checkAssert(
                        (shift, seed) -> {
                            double[] a = point(10, seed);
                            double[] b = point(10, seed + 1);
                            b[3] += shift;
                            DifferentiableModel f = GradientModels.of(lstm, 1);
                            double[][] both = new double[2][10];
                            double[][] one = new double[1][10];
                            double[] v = f.valueAndGradient(new double[][] {a, b}, both);
                            double[] w = f.valueAndGradient(new double[][] {b}, one);
                            assertEquals(w[0], v[1], 1e-6);
                            for (int i = 0; i < 10; i++) {
                                assertEquals(one[0][i], both[1][i], 1e-6, "position " + i);
                            }
                        });
    }

    private static double[] point(int n, int seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    private static int liveArrays(NeuralModel m) {
        return ((BaseNDManager) m.djlModel().getNDManager()).getManagedArrays().size();
    }

    @Test
    void twoThousandGradientCalls_keepLiveArrayCountFlatAndLeaveParameterGradientsUntouched() {
        DifferentiableModel f = GradientModels.of(lstm, 0);
        double[][] points = {point(10, 1)};
        double[][] grads = new double[1][10];
        double first = f.valueAndGradient(points, grads)[0];
        double firstGrad = grads[0][4];
        int liveAfterFirst = liveArrays(lstm);

        for (int call = 2; call <= 2000; call++) {
            double v = f.valueAndGradient(points, grads)[0];
            assertEquals(first, v, 0.0, "call " + call);
        }

        assertEquals(liveAfterFirst, liveArrays(lstm), "live NDArrays on the model's manager");
        assertEquals(firstGrad, grads[0][4], 0.0, "no gradient accumulates across calls");
        for (Pair<String, Parameter> p : lstm.block().getParameters()) {
            assertTrue(noGradientOrZero(p.getValue().getArray()), p.getKey() + " has a gradient");
        }
    }

    private static boolean noGradientOrZero(NDArray parameter) {
        if (!parameter.hasGradient()) {
            return true;
        }
        try (NDArray g = parameter.getGradient()) {
            return g.abs().sum().getFloat() == 0f;
        } catch (IllegalStateException noGradient) {
            return true;
        }
    }

    @Test
    void fourThreadsAtOnce_eachGetTheSequentialGradient() throws Exception {
        DifferentiableModel f = GradientModels.of(mlp, 1);
        double[][] expected = new double[4][4];
        for (int t = 0; t < 4; t++) {
            f.valueAndGradient(new double[][] {point(4, 100 + t)}, new double[][] {expected[t]});
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> lastGradientOf(f, point(4, 100 + thread))));
            }
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(expected[t], done.get(t).get(), 0.0, "thread " + t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 200 calls; PyTorch allows one gradient collector at a time, so the adapter serialises. */
    private static double[] lastGradientOf(DifferentiableModel f, double[] x) {
        double[][] g = new double[1][x.length];
        for (int call = 0; call < 200; call++) {
            f.valueAndGradient(new double[][] {x}, g);
        }
        return g[0];
    }

    @Test
    void outputIndexOutsideOutputs_isRejectedNamingTheRange() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GradientModels.of(mlp, 3));
        assertEquals("outputIndex must be in [0, 3) but was 3", e.getMessage());
    }

    @Test
    void pointOfWrongLength_isRejectedNamingPointAndLengths() {
        DifferentiableModel f = GradientModels.of(mlp, 0);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> f.valueAndGradient(new double[][] {new double[5]}, new double[1][5]));
        assertEquals(
                "point 0 and its gradient row must hold 4 values but held 5 and 5", e.getMessage());
    }

    @Test
    void infinitePoint_isRejectedNamingPointAndPosition() {
        DifferentiableModel f = GradientModels.of(mlp, 0);
        double[][] p = {new double[4], {0, 0, Double.POSITIVE_INFINITY, 0}};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> f.valueAndGradient(p, new double[2][4]));
        assertEquals("point 1 position 2 must be finite but was Infinity", e.getMessage());
    }
}
