// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.explain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.maasfin.core.explain.DifferentiableModel;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.model.OutputActivation;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.Objects;

/**
 * Adapts a {@link NeuralModel} to {@link DifferentiableModel}: one output of the network and its
 * gradient with respect to the input, computed by DJL autograd.
 *
 * <p>Each call copies the points into a fresh sub-{@code NDManager} of the model, marks the input
 * as requiring a gradient, runs the block forward in inference mode ({@code training = false}, so
 * dropout is off), selects one output column and calls {@code backward} on it. For a batch the
 * backward pass starts from the sum of the selected outputs, which gives every row its own gradient
 * because rows do not interact in inference mode. The selected output is:
 *
 * <ul>
 *   <li>for a softmax classifier ({@link OutputActivation#SOFTMAX}): the probability of class
 *       {@code outputIndex} after the softmax, so pass the "bad" class (e.g. 1 for default, fraud)
 *       to explain the risk score;
 *   <li>otherwise: raw output column {@code outputIndex} (a forecast horizon or quantile, a
 *       reconstructed feature of an autoencoder).
 * </ul>
 *
 * <p>Inputs are flattened samples of {@code product(inputShape)} values; for a sequence model with
 * input {@code [T, F]} that is {@code T * F} values with time outer ({@code t * F + f}). Values and
 * gradients are computed in float32 and widened to double, so gradients carry float32 rounding
 * (relative error about 1e-6 for well-scaled inputs).
 *
 * <p>The network's parameters are detached for the forward pass, so no gradient with respect to a
 * parameter is computed or accumulated, and every native array of a call is closed before it
 * returns: repeated calls keep the model's live-array count flat.
 *
 * <p>Recurrent layers: on CPU PyTorch differentiates an LSTM or GRU in inference mode. cuDNN (GPU)
 * can only run an RNN's backward pass in training mode (see captum issue 1159), so on a GPU device
 * a recurrent forecaster is run forward with {@code training = true}; that equals inference only
 * without dropout, so a recurrent model with dropout on a GPU is rejected.
 *
 * <p>Thread safety: PyTorch allows one DJL gradient collector per JVM at a time, so calls from all
 * adapters are serialised on one lock; they must not overlap with training in another thread (which
 * opens its own collector).
 */
public final class GradientModels {

    private static final Object COLLECTOR_LOCK = new Object();

    private GradientModels() {}

    /**
     * Returns the model's output {@code outputIndex} as a differentiable function of its flattened
     * input.
     *
     * @param model the network; must stay open while the adapter is used
     * @param outputIndex which output column (class probability for a softmax classifier)
     * @throws IllegalArgumentException if {@code outputIndex} is not in {@code [0, outputWidth)},
     *     or the model is a recurrent network with dropout on a GPU
     */
    public static DifferentiableModel of(NeuralModel model, int outputIndex) {
        Objects.requireNonNull(model, "model");
        if (outputIndex < 0 || outputIndex >= model.outputWidth()) {
            throw new IllegalArgumentException(
                    "outputIndex must be in [0, "
                            + model.outputWidth()
                            + ") but was "
                            + outputIndex);
        }
        return new Adapter(model, outputIndex, forwardInTrainingMode(model));
    }

    private static boolean forwardInTrainingMode(NeuralModel model) {
        boolean gpu = Device.Type.GPU.equals(model.device().getDeviceType());
        if (!gpu || !(model.spec() instanceof RecurrentForecasterSpec)) {
            return false;
        }
        Object dropout = model.spec().hyperParameters().get("dropout");
        if (dropout instanceof Number d && d.doubleValue() > 0) {
            throw new IllegalArgumentException(
                    "a recurrent model with dropout "
                            + d
                            + " cannot be differentiated on "
                            + model.device()
                            + ": cuDNN needs training mode, which would apply dropout;"
                            + " use a CPU copy of the model");
        }
        return true;
    }

    /** The adapter; immutable apart from the shared collector lock. */
    private static final class Adapter implements DifferentiableModel {
        private final NeuralModel model;
        private final int outputIndex;
        private final boolean training;
        private final int sampleSize;

        Adapter(NeuralModel model, int outputIndex, boolean training) {
            this.model = model;
            this.outputIndex = outputIndex;
            this.training = training;
            int size = 1;
            for (int d : model.inputShape()) {
                size *= d;
            }
            this.sampleSize = size;
        }

        @Override
        public double[] valueAndGradient(double[][] points, double[][] gradients) {
            float[] flat = flatten(points, gradients);
            int batch = points.length;
            float[] values;
            float[] grads;
            synchronized (COLLECTOR_LOCK) {
                try (NDManager scope = model.djlModel().getNDManager().newSubManager();
                        GradientCollector gc = scope.getEngine().newGradientCollector()) {
                    NDArray x = scope.create(flat, batchShape(batch));
                    x.setRequiresGradient(true);
                    NDArray out = selected(forward(scope, x), batch);
                    gc.backward(out.sum());
                    values = out.toFloatArray();
                    grads = x.getGradient().toFloatArray();
                }
            }
            double[] result = new double[batch];
            for (int k = 0; k < batch; k++) {
                result[k] = values[k];
                for (int i = 0; i < sampleSize; i++) {
                    gradients[k][i] = grads[k * sampleSize + i];
                }
            }
            return result;
        }

        private NDArray forward(NDManager scope, NDArray x) {
            ParameterStore detached = new DetachedParameters(scope);
            NDList out = model.block().forward(detached, new NDList(x), training);
            return out.head();
        }

        private NDArray selected(NDArray y, int batch) {
            NDArray rows = y.reshape(batch, model.outputWidth());
            if (model.spec().outputActivation() == OutputActivation.SOFTMAX) {
                rows = rows.softmax(-1);
            }
            return rows.get(":, " + outputIndex);
        }

        private Shape batchShape(int batch) {
            int[] sample = model.inputShape();
            long[] dims = new long[sample.length + 1];
            dims[0] = batch;
            for (int k = 0; k < sample.length; k++) {
                dims[k + 1] = sample[k];
            }
            return new Shape(dims);
        }

        private float[] flatten(double[][] points, double[][] gradients) {
            if (points.length == 0) {
                throw new IllegalArgumentException("points must hold at least 1 point but held 0");
            }
            if (gradients.length != points.length) {
                throw new IllegalArgumentException(
                        "gradients must have one row per point ("
                                + points.length
                                + ") but had "
                                + gradients.length);
            }
            float[] flat = new float[points.length * sampleSize];
            for (int k = 0; k < points.length; k++) {
                checkRow(points[k], gradients[k], k);
                for (int i = 0; i < sampleSize; i++) {
                    flat[k * sampleSize + i] = (float) points[k][i];
                }
            }
            return flat;
        }

        private void checkRow(double[] point, double[] gradient, int k) {
            if (point.length != sampleSize || gradient.length != sampleSize) {
                throw new IllegalArgumentException(
                        "point "
                                + k
                                + " and its gradient row must hold "
                                + sampleSize
                                + " values but held "
                                + point.length
                                + " and "
                                + gradient.length);
            }
            for (int i = 0; i < sampleSize; i++) {
                if (!Double.isFinite(point[i])) {
                    throw new IllegalArgumentException(
                            "point "
                                    + k
                                    + " position "
                                    + i
                                    + " must be finite but was "
                                    + point[i]);
                }
            }
        }
    }

    /**
     * A parameter store that hands the block detached views of the parameters (same storage, no
     * gradient), attached to the call's scope so that they are released with it.
     */
    private static final class DetachedParameters extends ParameterStore {
        private final NDManager scope;

        DetachedParameters(NDManager scope) {
            super(scope, false);
            this.scope = scope;
        }

        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            NDArray view = super.getValue(parameter, device, training).stopGradient();
            view.attach(scope);
            return view;
        }
    }
}
