// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import java.util.List;
import java.util.Map;

/**
 * Rebuilds a {@link NetworkSpec} from the type name and hyper-parameters saved in {@code
 * model.json}. Thread-safe: stateless.
 */
public final class NetworkSpecs {

    private NetworkSpecs() {}

    /** Returns the architecture names {@link #fromJson} understands. */
    public static List<String> types() {
        return List.of(
                DenseAutoencoderSpec.TYPE,
                MlpClassifierSpec.TYPE,
                DenseRegressorSpec.TYPE,
                RecurrentForecasterSpec.TYPE,
                TemporalCnnSpec.TYPE,
                ImageCnnSpec.TYPE);
    }

    /**
     * Rebuilds a spec.
     *
     * @throws IllegalArgumentException if the type is unknown (the message lists the known types),
     *     a hyper-parameter is missing, or the values fail the spec's validation
     */
    public static NetworkSpec fromJson(String type, Map<String, ?> hyperParameters) {
        switch (type) {
            case DenseAutoencoderSpec.TYPE:
                return DenseAutoencoderSpec.fromJson(hyperParameters);
            case MlpClassifierSpec.TYPE:
                return MlpClassifierSpec.fromJson(hyperParameters);
            case DenseRegressorSpec.TYPE:
                return DenseRegressorSpec.fromJson(hyperParameters);
            case RecurrentForecasterSpec.TYPE:
                return RecurrentForecasterSpec.fromJson(hyperParameters);
            case TemporalCnnSpec.TYPE:
                return TemporalCnnSpec.fromJson(hyperParameters);
            case ImageCnnSpec.TYPE:
                return ImageCnnSpec.fromJson(hyperParameters);
            default:
                throw new IllegalArgumentException(
                        "architecture type must be one of " + types() + " but was '" + type + "'");
        }
    }
}
