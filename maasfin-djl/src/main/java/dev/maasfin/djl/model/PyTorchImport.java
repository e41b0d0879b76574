// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies weights exported from a PyTorch {@code nn.LSTM}/{@code nn.GRU} + {@code nn.Linear}
 * forecaster into a {@link RecurrentForecasterSpec} model.
 *
 * <p>Name mapping (DJL 0.36 on the PyTorch engine passes these arrays to {@code torch.lstm}/{@code
 * torch.gru} unchanged, so gate row blocks keep PyTorch's order, i, f, g, o for LSTM and r, z, n
 * for GRU; nothing is reordered): for layer K, {@code weight_ih_lK -> l_K_i2h_WEIGHT}, {@code
 * weight_hh_lK -> l_K_h2h_WEIGHT}, {@code bias_ih_lK -> l_K_i2h_BIAS}, {@code bias_hh_lK ->
 * l_K_h2h_BIAS}; the head's {@code head.weight -> weight} and {@code head.bias -> bias}. Values are
 * row-major as {@code tensor.flatten()} gives them. Both bias vectors are kept (PyTorch adds them).
 * The model must be built with {@code batch_first=True} semantics, which is what maasfin's
 * forecaster uses; a model trained time-major in PyTorch takes the same weights. Thread-safe:
 * stateless; the target model must not be predicting meanwhile.
 */
public final class PyTorchImport {

    private PyTorchImport() {}

    /**
     * Returns the mapping from PyTorch state-dict names to this model's parameter names.
     *
     * @throws IllegalArgumentException if the model is not a recurrent forecaster
     */
    public static Map<String, String> recurrentNames(NeuralModel model) {
        if (!(model.spec() instanceof RecurrentForecasterSpec)) {
            throw new IllegalArgumentException(
                    "model must be a "
                            + RecurrentForecasterSpec.TYPE
                            + " but was "
                            + model.spec().type());
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String djl : model.parameterShapes().keySet()) {
            names.put(pytorchName(djl), djl);
        }
        return names;
    }

    private static String pytorchName(String djl) {
        String local = djl.substring(djl.indexOf('_') + 1);
        if (local.equals("weight") || local.equals("bias")) {
            return "head." + local;
        }
        String[] p = local.split("_");
        String layer = p[1];
        String kind = p[3].equals("WEIGHT") ? "weight" : "bias";
        String from = p[2].equals("i2h") ? "ih" : "hh";
        return kind + "_" + from + "_l" + layer;
    }

    /**
     * Copies every entry of a PyTorch state dict into the model.
     *
     * @param stateDict PyTorch names ({@code weight_ih_l0}, ..., {@code head.weight}, {@code
     *     head.bias}) to flattened values
     * @throws IllegalArgumentException if a name is unknown, a parameter is missing from the dict,
     *     or a length does not match (naming the parameter and shape)
     */
    public static void importRecurrent(NeuralModel model, Map<String, float[]> stateDict) {
        Map<String, String> names = recurrentNames(model);
        for (String key : stateDict.keySet()) {
            if (!names.containsKey(key)) {
                throw new IllegalArgumentException(
                        "unknown PyTorch parameter " + key + "; expected " + names.keySet());
            }
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            float[] values = stateDict.get(e.getKey());
            if (values == null) {
                throw new IllegalArgumentException(
                        "PyTorch parameter " + e.getKey() + " is missing from the state dict");
            }
            model.setParameter(e.getValue(), values);
        }
    }
}
