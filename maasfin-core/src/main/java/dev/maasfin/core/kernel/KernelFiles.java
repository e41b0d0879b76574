// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Saves and loads a {@link SequentialKernel} as a JSON spec plus a raw little-endian float32
 * weights file; nothing but these two files is needed to run the kernel again, bit for bit.
 *
 * <h2>Spec ({@value #SPEC_FILE})</h2>
 *
 * <pre>{@code
 * {"format": "maasfin-kernel", "version": 1,
 *  "input": {"timeSteps": 4, "features": 1},
 *  "weights": {"dtype": "float32", "byteOrder": "little-endian", "floats": 43},
 *  "layers": [
 *    {"type": "lstm", "hidden": 2, "params": [
 *       {"name": "weight_ih", "shape": [8, 1]}, {"name": "weight_hh", "shape": [8, 2]},
 *       {"name": "bias_ih", "shape": [8]}, {"name": "bias_hh", "shape": [8]}]},
 *    {"type": "last_step"},
 *    {"type": "dense", "outFeatures": 1, "params": [
 *       {"name": "weight", "shape": [1, 2]}, {"name": "bias", "shape": [1]}]}]}
 * }</pre>
 *
 * <p>Layer types, their fields and parameters (PyTorch names and shapes; F is the number of
 * channels reaching the layer, every tensor row-major / C order):
 *
 * <ul>
 *   <li>{@code dense}, {@code outFeatures}: {@code weight [out, F]}, {@code bias [out]} — {@code
 *       nn.Linear}, y = W x + b
 *   <li>{@code activation}, {@code function} (identity, relu, tanh, sigmoid, softmax, leaky_relu)
 *       and for leaky_relu {@code slope}
 *   <li>{@code lstm}, {@code hidden} H: {@code weight_ih [4H, F]}, {@code weight_hh [4H, H]},
 *       {@code bias_ih [4H]}, {@code bias_hh [4H]} — gate blocks in PyTorch order i, f, g, o, both
 *       biases kept (DJL's {@code l_0_i2h_WEIGHT}, {@code l_0_h2h_WEIGHT}, {@code l_0_i2h_BIAS},
 *       {@code l_0_h2h_BIAS} map to these in this order)
 *   <li>{@code gru}, {@code hidden} H: same names with 3H rows, gate order r, z, n
 *   <li>{@code conv1d}, {@code outChannels}, {@code kernelSize}, {@code padding} (valid, same):
 *       {@code weight [outC, F, k]}, {@code bias [outC]} — stride 1, no dilation, one group
 *   <li>{@code max_pool1d} / {@code avg_pool1d}, {@code kernel}, {@code stride}
 *   <li>{@code flatten}, {@code order} (channel_major, time_major)
 *   <li>{@code last_step}
 * </ul>
 *
 * <h2>Weights ({@value #WEIGHTS_FILE})</h2>
 *
 * <p>The parameters' values, layer after layer and parameter after parameter in spec order, each
 * tensor in row-major order, as IEEE 754 float32 little-endian with no header: exactly {@code 4 ×
 * floats} bytes. NumPy's {@code np.concatenate([p.ravel() for p in params]).astype('<f4')
 * .tofile(...)} writes the same bytes.
 *
 * <p>On load every layer is rebuilt and checked: a saved shape that differs from what the layer's
 * hyper-parameters and input imply, a weights file shorter or longer than the spec says, an unknown
 * layer type or version, or a non-finite weight throws {@link KernelFormatException} naming the
 * layer, parameter and both values. The non-finite input policy is a host setting and is not saved
 * (loaded kernels reject non-finite input). Stateless and thread-safe.
 */
public final class KernelFiles {
    /** File name of the JSON spec inside a kernel directory. */
    public static final String SPEC_FILE = "kernel.json";

    /** File name of the float32 weights inside a kernel directory. */
    public static final String WEIGHTS_FILE = "kernel-weights.f32";

    /** The value of the spec's {@code format} field. */
    public static final String FORMAT = "maasfin-kernel";

    /** The spec version this class writes; it reads this version only. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KernelFiles() {}

    /**
     * Writes {@value #SPEC_FILE} and {@value #WEIGHTS_FILE} into a directory, creating it if
     * needed; both files are fully encoded in memory before anything is written.
     *
     * @param kernel the kernel
     * @param directory the target directory
     * @throws NullPointerException if an argument is null
     * @throws IOException if writing fails
     */
    public static void save(SequentialKernel kernel, Path directory) throws IOException {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(directory, "directory");
        ByteArrayOutputStream spec = new ByteArrayOutputStream();
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        write(kernel, spec, weights);
        Files.createDirectories(directory);
        Files.write(directory.resolve(WEIGHTS_FILE), weights.toByteArray());
        Files.write(directory.resolve(SPEC_FILE), spec.toByteArray());
    }

    /**
     * Reads a kernel saved by {@link #save}.
     *
     * @param directory the directory holding {@value #SPEC_FILE} and {@value #WEIGHTS_FILE}
     * @return the kernel
     * @throws NullPointerException if {@code directory} is null
     * @throws KernelFormatException if the spec or weights are malformed or do not fit
     * @throws IOException if a file cannot be read
     */
    public static SequentialKernel load(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        try (InputStream spec = Files.newInputStream(directory.resolve(SPEC_FILE));
                InputStream weights = Files.newInputStream(directory.resolve(WEIGHTS_FILE))) {
            return read(spec, weights);
        }
    }

    /**
     * Writes the spec and the weights to two streams (for embedding in a larger artifact); the
     * streams are not closed.
     *
     * @param kernel the kernel
     * @param spec receives the UTF-8 JSON spec
     * @param weights receives the little-endian float32 weights
     * @throws NullPointerException if an argument is null
     * @throws IOException if a stream fails
     */
    public static void write(SequentialKernel kernel, OutputStream spec, OutputStream weights)
            throws IOException {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode input = root.putObject("input");
        input.put("timeSteps", kernel.timeSteps());
        input.put("features", kernel.features());
        ObjectNode w = root.putObject("weights");
        w.put("dtype", "float32");
        w.put("byteOrder", "little-endian");
        ArrayNode layers = root.putArray("layers");
        long floats = 0;
        for (Layer layer : kernel.layers()) {
            floats += describe(layer, layers.addObject());
        }
        w.put("floats", floats);
        weights.write(encode(kernel, floats));
        JSON.writeValue(new NonClosing(spec), root);
    }

    private static long describe(Layer layer, ObjectNode node) {
        node.put("type", layer.type());
        layer.describe(node);
        long floats = 0;
        if (!layer.params().isEmpty()) {
            ArrayNode params = node.putArray("params");
            for (Param p : layer.params()) {
                ObjectNode pn = params.addObject();
                pn.put("name", p.name);
                ArrayNode shape = pn.putArray("shape");
                for (int d : p.shape) {
                    shape.add(d);
                }
                floats += p.data.length;
            }
        }
        return floats;
    }

    private static byte[] encode(SequentialKernel kernel, long floats) {
        ByteBuffer buf =
                ByteBuffer.allocate(Math.toIntExact(floats * Float.BYTES))
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (Layer layer : kernel.layers()) {
            for (Param p : layer.params()) {
                buf.asFloatBuffer().put(p.data);
                buf.position(buf.position() + p.data.length * Float.BYTES);
            }
        }
        return buf.array();
    }

    /**
     * Reads a kernel from a spec stream and a weights stream; the streams are not closed.
     *
     * @param spec the UTF-8 JSON spec
     * @param weights the little-endian float32 weights
     * @return the kernel
     * @throws NullPointerException if an argument is null
     * @throws KernelFormatException if the spec or weights are malformed or do not fit
     * @throws IOException if a stream fails
     */
    public static SequentialKernel read(InputStream spec, InputStream weights) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        JsonNode root;
        try {
            root = JSON.readTree(spec);
        } catch (IOException e) {
            throw new KernelFormatException("kernel spec is not valid JSON: " + e.getMessage(), e);
        }
        checkHeader(root);
        ByteBuffer data = checkedWeights(root, weights.readAllBytes());
        try {
            return SpecReader.build(root, data);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new KernelFormatException(e.getMessage(), e);
        }
    }

    /**
     * Reads a kernel from in-memory spec and weights bytes.
     *
     * @param spec the UTF-8 JSON spec
     * @param weights the little-endian float32 weights
     * @return the kernel
     * @throws NullPointerException if an argument is null
     * @throws KernelFormatException if the spec or weights are malformed or do not fit
     */
    public static SequentialKernel read(byte[] spec, byte[] weights) throws KernelFormatException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        try {
            return read(new ByteArrayInputStream(spec), new ByteArrayInputStream(weights));
        } catch (KernelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new KernelFormatException(e.getMessage(), e);
        }
    }

    private static void checkHeader(JsonNode root) throws KernelFormatException {
        if (root == null || !root.isObject()) {
            throw new KernelFormatException("kernel spec must be a JSON object");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new KernelFormatException(
                    "kernel spec field 'format' must be '" + FORMAT + "' but was '" + format + "'");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new KernelFormatException(
                    "kernel spec version "
                            + version
                            + " is not supported; supported versions: ["
                            + VERSION
                            + "]");
        }
        JsonNode w = root.path("weights");
        if (!"float32".equals(w.path("dtype").asText())
                || !"little-endian".equals(w.path("byteOrder").asText())) {
            throw new KernelFormatException(
                    "kernel spec weights must be dtype float32, byteOrder little-endian but were "
                            + w);
        }
    }

    private static ByteBuffer checkedWeights(JsonNode root, byte[] bytes)
            throws KernelFormatException {
        JsonNode floatsNode = root.path("weights").path("floats");
        if (!floatsNode.canConvertToLong() || floatsNode.longValue() < 0) {
            throw new KernelFormatException(
                    "kernel spec field weights.floats must be a count >= 0 but was " + floatsNode);
        }
        long expected = floatsNode.longValue() * Float.BYTES;
        if (bytes.length < expected) {
            throw new KernelFormatException(
                    String.format(
                            Locale.ROOT,
                            "kernel weights are truncated: the spec needs %d float32 values (%d"
                                    + " bytes) but the weights hold %d bytes",
                            floatsNode.longValue(),
                            expected,
                            bytes.length));
        }
        if (bytes.length > expected) {
            throw new KernelFormatException(
                    String.format(
                            Locale.ROOT,
                            "kernel weights hold %d bytes but the spec needs exactly %d (%d float32"
                                    + " values)",
                            bytes.length,
                            expected,
                            floatsNode.longValue()));
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Lets Jackson write to a caller's stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
