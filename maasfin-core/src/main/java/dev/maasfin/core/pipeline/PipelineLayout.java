// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.core.artifact.ArtifactManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a pipeline artifact directory and the check that it is complete and unaltered.
 *
 * <p>Layout (format {@value #FORMAT_VERSION}):
 *
 * <pre>
 * pipeline.json    format version, model kind, window length, feature stage type, columns,
 *                  and the output decoder (OutputDecoder.toJson) unless it is the identity
 * features.json    the feature stage definition (FeatureStage.toJson)
 * transforms.json  the fitted transform states (TransformStates list JSON)
 * schema.json      the input schema (InputSchema.toJson)
 * metadata.json    provenance (PipelineMetadata.toJson)
 * model/           the network: block.params, model.json, model/MANIFEST.json (ModelArtifacts)
 * MANIFEST.json    SHA-256 and size of every file above (ArtifactManifest)
 * </pre>
 *
 * Thread-safe: stateless.
 */
public final class PipelineLayout {

    /** The pipeline format version written and read. */
    public static final int FORMAT_VERSION = 1;

    /** Top-level description file. */
    public static final String PIPELINE_JSON = "pipeline.json";

    /** Feature stage file. */
    public static final String FEATURES_JSON = "features.json";

    /** Fitted transforms file. */
    public static final String TRANSFORMS_JSON = "transforms.json";

    /** Input schema file. */
    public static final String SCHEMA_JSON = "schema.json";

    /** Provenance file. */
    public static final String METADATA_JSON = "metadata.json";

    /** Directory of the network artifact. */
    public static final String MODEL_DIR = "model";

    /** The files every pipeline artifact must list in its manifest. */
    public static final List<String> REQUIRED =
            List.of(PIPELINE_JSON, FEATURES_JSON, TRANSFORMS_JSON, SCHEMA_JSON, METADATA_JSON);

    private PipelineLayout() {}

    /**
     * Verifies a pipeline directory against its manifest and checks that the required files are
     * listed.
     *
     * @param dir the artifact directory
     * @return the verified manifest
     * @throws ArtifactException naming the missing, altered or extra file, or a required file the
     *     manifest does not list
     */
    public static ArtifactManifest verify(Path dir) throws ArtifactException {
        ArtifactManifest m = ArtifactManifest.verify(dir);
        for (String required : REQUIRED) {
            if (!m.files().containsKey(required)) {
                throw new ArtifactException(
                        "pipeline artifact "
                                + dir
                                + " is partial: its manifest does not list "
                                + required);
            }
        }
        return m;
    }
}
