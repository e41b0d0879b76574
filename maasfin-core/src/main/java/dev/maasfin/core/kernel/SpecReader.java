// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Rebuilds a kernel from a parsed spec and its weights, layer by layer through the builder so that
 * loaded kernels pass exactly the checks of built ones. Problems are reported as {@link
 * IllegalArgumentException} naming the layer and field; {@link KernelFiles} rewraps them.
 */
final class SpecReader {
    private final ByteBuffer data;
    private final SequentialKernel.Builder builder;

    private SpecReader(SequentialKernel.Builder builder, ByteBuffer data) {
        this.builder = builder;
        this.data = data;
    }

    static SequentialKernel build(JsonNode root, ByteBuffer data) {
        JsonNode input = root.path("input");
        SequentialKernel.Builder builder =
                SequentialKernel.builder(
                        intField(input, "timeSteps", "input"),
                        intField(input, "features", "input"));
        SpecReader reader = new SpecReader(builder, data);
        JsonNode layers = root.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new IllegalArgumentException(
                    "kernel spec field 'layers' must be a non-empty array");
        }
        for (int i = 0; i < layers.size(); i++) {
            reader.addLayer(i, layers.get(i));
        }
        if (data.hasRemaining()) {
            throw new IllegalArgumentException(
                    "kernel spec parameters use "
                            + data.position() / Float.BYTES
                            + " float32 values but weights.floats declares "
                            + data.limit() / Float.BYTES);
        }
        return builder.build();
    }

    private void addLayer(int index, JsonNode node) {
        String type = node.path("type").asText("");
        String label = Layer.label(index, type);
        switch (type) {
            case DenseLayer.TYPE:
                builder.addDense(
                        intField(node, "outFeatures", label),
                        param(node, 0, "weight", label),
                        param(node, 1, "bias", label));
                break;
            case ActivationLayer.TYPE:
                builder.addActivation(activation(node, label));
                break;
            case LstmLayer.TYPE:
                builder.addLstm(intField(node, "hidden", label), recurrent(node, label));
                break;
            case GruLayer.TYPE:
                builder.addGru(intField(node, "hidden", label), recurrent(node, label));
                break;
            case Conv1dLayer.TYPE:
                builder.addConv1d(
                        intField(node, "outChannels", label),
                        intField(node, "kernelSize", label),
                        Padding.valueOf(enumField(node, "padding", label, "valid", "same")),
                        param(node, 0, "weight", label),
                        param(node, 1, "bias", label));
                break;
            default:
                addShapeLayer(node, type, label);
        }
    }

    private void addShapeLayer(JsonNode node, String type, String label) {
        switch (type) {
            case Pool1dLayer.MAX:
                builder.addMaxPool1d(
                        intField(node, "kernel", label), intField(node, "stride", label));
                break;
            case Pool1dLayer.AVG:
                builder.addAvgPool1d(
                        intField(node, "kernel", label), intField(node, "stride", label));
                break;
            case FlattenLayer.TYPE:
                String order = enumField(node, "order", label, "channel_major", "time_major");
                builder.addFlatten(FlattenOrder.valueOf(order));
                break;
            case LastStepLayer.TYPE:
                builder.addLastStep();
                break;
            default:
                throw new IllegalArgumentException(
                        label
                                + ": unknown layer type '"
                                + type
                                + "'; known types: dense, activation, lstm, gru, conv1d,"
                                + " max_pool1d, avg_pool1d, flatten, last_step");
        }
    }

    private static Activation activation(JsonNode node, String label) {
        String name = node.path("function").asText("");
        JsonNode slope = node.path("slope");
        if ("leaky_relu".equals(name) && !slope.isNumber()) {
            throw new IllegalArgumentException(
                    label + ": leaky_relu needs a numeric field 'slope'");
        }
        return Activation.of(name, slope.asDouble(0));
    }

    private Param[] recurrent(JsonNode node, String label) {
        return new Param[] {
            param(node, 0, "weight_ih", label),
            param(node, 1, "weight_hh", label),
            param(node, 2, "bias_ih", label),
            param(node, 3, "bias_hh", label)
        };
    }

    /** Reads the {@code position}-th parameter's shape and takes its values from the weights. */
    private Param param(JsonNode node, int position, String name, String label) {
        JsonNode p = node.path("params").path(position);
        String saved = p.path("name").asText("");
        if (!name.equals(saved)) {
            throw new IllegalArgumentException(
                    label
                            + " parameter "
                            + position
                            + " must be '"
                            + name
                            + "' but was '"
                            + saved
                            + "'");
        }
        int[] shape = shape(p.path("shape"), label + " parameter " + name);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count * Float.BYTES > data.remaining()) {
            throw new IllegalArgumentException(
                    label
                            + " parameter "
                            + name
                            + " of shape "
                            + Param.format(shape)
                            + " runs past the end of the weights ("
                            + data.remaining() / Float.BYTES
                            + " float32 values left)");
        }
        float[] values = new float[(int) count];
        data.asFloatBuffer().get(values);
        data.position(data.position() + values.length * Float.BYTES);
        return Param.shaped(name, shape, values);
    }

    private static int[] shape(JsonNode node, String what) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(what + " needs a non-empty integer array 'shape'");
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isInt() || d.intValue() < 1) {
                throw new IllegalArgumentException(
                        what + " shape entries must be integers >= 1 but entry " + i + " is " + d);
            }
            shape[i] = d.intValue();
        }
        return shape;
    }

    private static int intField(JsonNode node, String field, String label) {
        JsonNode v = node.path(field);
        if (!v.isInt()) {
            throw new IllegalArgumentException(
                    label + ": field '" + field + "' must be an integer but was " + v);
        }
        return v.intValue();
    }

    private static String enumField(JsonNode node, String field, String label, String... allowed) {
        String v = node.path(field).asText("");
        for (String a : allowed) {
            if (a.equals(v)) {
                return v.toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(
                label
                        + ": field '"
                        + field
                        + "' must be one of "
                        + String.join(", ", allowed)
                        + " but was '"
                        + v
                        + "'");
    }
}
