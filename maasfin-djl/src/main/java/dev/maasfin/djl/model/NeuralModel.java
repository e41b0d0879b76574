// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.model.Predictor;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.engine.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network with its parameters: the fitted counterpart of a {@link NetworkSpec}.
 *
 * <p>{@link #predict(float[], int)} runs the block in inference mode inside a per-call {@code
 * NDManager} scope that closes before returning, so no native array outlives a call and no state
 * (e.g. a recurrent layer's hidden state) carries from one call to the next. Inputs are checked for
 * shape and for NaN/infinite values first. Like a DJL {@code Predictor} kept per thread, each
 * calling thread reuses its own parameter store and, on the CPU, one input tensor over a direct
 * native-order buffer across calls (inputs up to 1 MiB; larger inputs get a tensor per call) and,
 * for a recurrent forecaster, the zero initial states of its recurrent layer, so a call allocates
 * no direct memory and creates no input or state tensor of its own. Limit: every thread that has
 * predicted keeps its tensors and buffer (at most 1 MiB plus the states) until {@link #close()},
 * even after the thread ends, so calling from a new thread per request grows memory until the model
 * closes; call from a pool. Autograd recording is switched off for the call on the calling thread
 * (PyTorch keeps it per thread and DJL switches it off only on the thread that loaded the engine)
 * and restored afterwards, so a window gives the same bits on every thread.
 *
 * <p>Besides its parameters a model carries a small JSON-friendly {@link #state()} map (e.g. an
 * anomaly threshold) and {@link #trainingInfo()} (trainer settings and outcome) that artifacts
 * save. Methods returning DJL types ({@link #block()}, {@link #djlModel()}, {@link #device()}) are
 * maasfin-djl's internal SPI.
 *
 * <p>Thread-safe for prediction: concurrent {@code predict} calls share the read-only parameters,
 * each in its own scope. Changing parameters ({@link #setParameter}, {@link #replaceParameters}) or
 * training while other threads predict is not safe. Creating a model reseeds the engine's global
 * random generator.
 */
public final class NeuralModel implements Predictor, AutoCloseable {

    /**
     * Largest input (in bytes) whose tensor a calling thread keeps for its next call: 1 MiB, e.g.
     * 64 windows of 32 x 128 floats. Larger inputs get a tensor per call from DJL.
     */
    static final int MAX_CACHED_INPUT_BYTES = 1 << 20;

    private final NetworkSpec spec;
    private final Model model;
    private final DeviceSpec deviceSpec;
    private final int seed;
    private final int sampleSize;
    private final boolean cpu;
    private final Map<String, Object> state = new ConcurrentHashMap<>();
    private final Map<String, Object> trainingInfo = new ConcurrentHashMap<>();
    private final ThreadLocal<CallContext> contexts = ThreadLocal.withInitial(CallContext::new);

    private NeuralModel(NetworkSpec spec, Model model, DeviceSpec deviceSpec, int seed) {
        this.spec = spec;
        this.model = model;
        this.deviceSpec = deviceSpec;
        this.seed = seed;
        this.sampleSize = product(spec.inputShape());
        this.cpu = !model.getNDManager().getDevice().isGpu();
    }

    /**
     * Creates a model with freshly initialised parameters, reproducible for a given seed on the
     * same engine and device.
     *
     * @param spec the architecture
     * @param device the device request
     * @param seed seed for the engine's random generator before initialisation, and for the spec's
     *     own generator if it draws its initial values itself ({@link
     *     NetworkSpec#initializeParameters})
     * @throws IllegalStateException if the device cannot be used (see {@link DeviceSpec#resolve()})
     */
    public static NeuralModel create(NetworkSpec spec, DeviceSpec device, int seed) {
        Device d = device.resolve();
        Engines.engine().setRandomSeed(seed);
        Model m = Model.newInstance(spec.type(), d, Engines.ENGINE_NAME);
        Block block = spec.newBlock();
        m.setBlock(block);
        block.initialize(m.getNDManager(), DataType.FLOAT32, batchShape(1, spec.inputShape()));
        spec.initializeParameters(block, seed);
        return new NeuralModel(spec, m, device, seed);
    }

    /**
     * Creates a model of {@code spec} whose parameters are read from DJL's parameter format (as
     * written by {@link #writeParameters()}).
     *
     * @throws IllegalArgumentException if a saved parameter's shape differs from what {@code spec}
     *     builds; the message names the parameter and both shapes
     * @throws IOException if the bytes are not a DJL parameter stream of this block
     */
    public static NeuralModel fromParameters(
            NetworkSpec spec, DeviceSpec device, int seed, byte[] parameters) throws IOException {
        NeuralModel m = create(spec, device, seed);
        try {
            m.replaceParameters(parameters);
            return m;
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Returns the architecture. */
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public ModelKind kind() {
        return spec.kind();
    }

    @Override
    public int[] inputShape() {
        return spec.inputShape();
    }

    @Override
    public int outputWidth() {
        return spec.outputWidth();
    }

    /** Returns the device request this model was created with. */
    public DeviceSpec deviceSpec() {
        return deviceSpec;
    }

    /** Returns the seed used to initialise the parameters. */
    public int seed() {
        return seed;
    }

    /** Returns the live, JSON-friendly fitted state saved with the model (e.g. a threshold). */
    public Map<String, Object> state() {
        return state;
    }

    /** Returns the live, JSON-friendly training settings and outcome saved with the model. */
    public Map<String, Object> trainingInfo() {
        return trainingInfo;
    }

    @Override
    public float[] predict(float[] input, int batch) {
        checkInput(input, batch);
        CallContext ctx = contexts.get();
        boolean grad = GradMode.disable();
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList in = ctx.lend(scope, input, batch);
            try {
                NDList out = model.getBlock().forward(ctx.parameters, in, false);
                NDArray y = out.head();
                if (spec.outputActivation() == OutputActivation.SOFTMAX) {
                    y = y.softmax(-1);
                }
                return y.toFloatArray();
            } finally {
                ctx.giveBack(in);
            }
        } finally {
            GradMode.restore(grad);
        }
    }

    /**
     * One calling thread's reusable inference state: the parameter store handed to the block (the
     * counterpart of a DJL {@code Predictor}'s, which a predictor also keeps across calls), an
     * input tensor kept across calls over a direct, native-order buffer and, for a recurrent
     * forecaster, its zero initial states.
     *
     * <p>PyTorch's engine creates a CPU tensor over a direct buffer without copying it (the tensor
     * reads the buffer's memory), so writing a call's values into the buffer is all it takes to
     * give the kept tensor new contents. Keeping the tensor, not only the buffer, matters: measured
     * with {@code ProbeBenchmark}-style variants of one LSTM window, a forward pass on a tensor
     * created in the call took about 10 us longer at the minimum (120 vs 110 us) than on a tensor
     * created before, of which creating the tensor itself is about 2 us. A DJL LSTM or GRU given
     * only its input allocates zero initial states in every call (two {@code zeros} of {@code
     * [layers, batch, hidden]} for an LSTM: about 4.5 us measured, a third of a percent of a
     * batch-64 call and 3 % of a single window's); given zeros after the input it uses them, and
     * PyTorch's recurrent kernels read the states without writing them, so zeros created once per
     * batch size serve every call with the same result bit for bit. During a call the kept tensors
     * are lent to the call's scope, so that the forward pass's arrays (which DJL places with their
     * input's manager) are freed with the scope, and then returned to the thread's own manager. A
     * new batch size replaces them. Not thread-safe: confined to its thread.
     */
    private final class CallContext {
        final ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        private NDManager home;
        private ByteBuffer buffer;
        private NDArray kept;
        private NDArray[] states = new NDArray[0];
        private Shape keptShape;

        /**
         * Returns the block's inputs for {@code values} (the input tensor, then any kept zero
         * states), attached to {@code scope}; pass them to {@link #giveBack}.
         */
        NDList lend(NDManager scope, float[] values, int batch) {
            Shape shape = batchShape(batch, spec.inputShape());
            long bytes = (long) values.length * Float.BYTES;
            if (bytes > MAX_CACHED_INPUT_BYTES || !cpu) {
                return new NDList(scope.create(values, shape));
            }
            if (kept == null || !shape.equals(keptShape)) {
                replace(shape, (int) bytes, batch);
            }
            buffer.clear();
            buffer.asFloatBuffer().put(values);
            NDList in = new NDList(1 + states.length);
            in.add(kept);
            kept.attach(scope);
            for (NDArray s : states) {
                in.add(s);
                s.attach(scope);
            }
            return in;
        }

        private void replace(Shape shape, int bytes, int batch) {
            if (kept != null) {
                kept.close();
            }
            for (NDArray s : states) {
                s.close();
            }
            if (home == null) {
                home = model.getNDManager().newSubManager();
            }
            if (buffer == null || buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            }
            buffer.clear().limit(bytes);
            kept = home.create(buffer, shape, DataType.FLOAT32);
            keptShape = shape;
            Shape[] zeros =
                    spec instanceof RecurrentForecasterSpec r
                            ? r.zeroStateShapes(batch)
                            : new Shape[0];
            states = new NDArray[zeros.length];
            for (int k = 0; k < zeros.length; k++) {
                states[k] = home.zeros(zeros[k], DataType.FLOAT32);
            }
        }

        /** Takes the kept tensors back from the call's scope before the scope closes. */
        void giveBack(NDList in) {
            if (in.head() != kept) {
                return;
            }
            kept.attach(home);
            for (NDArray s : states) {
                s.attach(home);
            }
        }
    }

    private void checkInput(float[] input, int batch) {
        if (!model.getNDManager().isOpen()) {
            throw new IllegalStateException("model " + spec.type() + " is closed");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1 but was " + batch);
        }
        if (input.length != (long) batch * sampleSize) {
            throw new IllegalArgumentException(
                    "input length must be batch * "
                            + sampleSize
                            + " = "
                            + (long) batch * sampleSize
                            + " for sample shape "
                            + Arrays.toString(spec.inputShape())
                            + " but was "
                            + input.length);
        }
        for (int k = 0; k < input.length; k++) {
            if (!Float.isFinite(input[k])) {
                throw new IllegalArgumentException(
                        "input sample "
                                + k / sampleSize
                                + " position "
                                + k % sampleSize
                                + " must be finite but was "
                                + input[k]);
            }
        }
    }

    /** Returns each parameter's name and shape, in the block's order. */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            shapes.put(p.getKey(), toInts(p.getValue().getArray().getShape()));
        }
        return shapes;
    }

    /**
     * Returns a copy of a parameter's values in row-major order.
     *
     * @throws IllegalArgumentException if there is no parameter of that name (the message lists the
     *     names)
     */
    public float[] parameter(String name) {
        return find(name).getArray().toFloatArray();
    }

    /**
     * Overwrites a parameter's values in place (row-major order).
     *
     * @throws IllegalArgumentException if the name is unknown or {@code values} has the wrong
     *     length (the message names the parameter and its shape)
     */
    public void setParameter(String name, float[] values) {
        Parameter p = find(name);
        Shape shape = p.getArray().getShape();
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(
                    "parameter "
                            + name
                            + " has shape "
                            + shape
                            + " = "
                            + shape.size()
                            + " values but "
                            + values.length
                            + " were given");
        }
        p.getArray().set(values);
    }

    private Parameter find(String name) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue();
            }
        }
        throw new IllegalArgumentException(
                "no parameter named "
                        + name
                        + "; parameters are "
                        + model.getBlock().getParameters().keys());
    }

    /** Returns the parameters in DJL's block parameter format ({@code Block.saveParameters}). */
    public byte[] writeParameters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Replaces all parameters with values read from DJL's parameter format, checking that every
     * shape matches this architecture; the replaced arrays are released.
     *
     * @throws IllegalArgumentException if a shape differs (naming the parameter, the saved and the
     *     expected shape)
     * @throws IOException if the bytes are malformed
     */
    public void replaceParameters(byte[] parameters) throws IOException {
        Map<String, int[]> expected = parameterShapes();
        List<NDArray> old = new ArrayList<>();
        model.getBlock().getParameters().forEach(p -> old.add(p.getValue().getArray()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException("malformed DJL parameters: " + e.getMessage(), e);
        }
        checkShapes(expected, parameterShapes());
        old.forEach(NDArray::close);
    }

    private static void checkShapes(Map<String, int[]> expected, Map<String, int[]> saved) {
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] got = saved.get(e.getKey());
            if (!Arrays.equals(got, e.getValue())) {
                throw new IllegalArgumentException(
                        "parameter "
                                + e.getKey()
                                + ": saved shape "
                                + shapeText(got)
                                + " but the architecture expects "
                                + shapeText(e.getValue()));
            }
        }
    }

    /** Returns the DJL block (SPI). */
    public Block block() {
        return model.getBlock();
    }

    /** Returns the DJL model that owns the parameters (SPI). */
    public Model djlModel() {
        return model;
    }

    /** Returns the DJL device the parameters live on (SPI). */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Releases the native parameters; later predictions fail with IllegalStateException. */
    @Override
    public void close() {
        model.close();
    }

    static Shape batchShape(int batch, int[] sample) {
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        for (int k = 0; k < sample.length; k++) {
            dims[k + 1] = sample[k];
        }
        return new Shape(dims);
    }

    private static int[] toInts(Shape s) {
        int[] a = new int[s.dimension()];
        for (int k = 0; k < a.length; k++) {
            a[k] = (int) s.get(k);
        }
        return a;
    }

    static String shapeText(int[] shape) {
        return shape == null
                ? "(none)"
                : Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }
}
