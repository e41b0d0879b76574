// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.model.AutoencoderDetector;
import dev.maasfin.djl.model.DenseAutoencoderSpec;
import dev.maasfin.djl.model.MlpClassifierSpec;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.testutil.Synthetic;
import dev.maasfin.djl.train.ModelTrainer;
import dev.maasfin.djl.train.OptimizerKind;
import dev.maasfin.djl.train.TrainerConfig;
import dev.maasfin.djl.train.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelArtifactsTest {

    private static final int WIDTH = 8;

    private static Path freshDir() {
        return Paths.get("target", "artifacts-test", UUID.randomUUID().toString());
    }

    private static NeuralModel trainedAutoencoder() {
        TrainerConfig cfg =
                TrainerConfig.builder()
                        .setOptimizer(OptimizerKind.ADAMW)
                        .setLearningRate(0.01)
                        .setBatchSize(16)
                        .setMaxEpochs(3)
                        .setSeed(3)
                        .build();
        DenseAutoencoderSpec spec =
                DenseAutoencoderSpec.builder()
                        .setInputWidth(WIDTH)
                        .optHiddenWidths(4, 2, 4)
                        .build();
        TrainingData d = TrainingData.autoencoding(Synthetic.lowRankRows(64, WIDTH, 1), WIDTH);
        return new ModelTrainer(cfg).train(spec, d, null, null).model();
    }

    @Test
    void saveThenLoad_givesBitIdenticalPredictionsAndKeepsState() throws Exception {
        Path dir = freshDir();
        float[] rows = Synthetic.lowRankRows(20, WIDTH, 2);
        try (NeuralModel m = trainedAutoencoder()) {
            double t = new AutoencoderDetector(m).calibrateByFalsePositiveRate(rows, 20, 0.1);
            float[] before = m.predict(rows, 20);
            ModelArtifacts.save(m, dir);

            try (NeuralModel loaded = ModelArtifacts.load(dir, DeviceSpec.cpu())) {
                float[] after = loaded.predict(rows, 20);
                for (int k = 0; k < before.length; k++) {
                    assertEquals(Float.floatToIntBits(before[k]), Float.floatToIntBits(after[k]));
                }
                assertEquals(t, new AutoencoderDetector(loaded).threshold());
                assertEquals(m.spec().hyperParameters(), loaded.spec().hyperParameters());
            }
            try (NeuralModel onRecordedDevice = ModelArtifacts.load(dir)) {
                float[] again = onRecordedDevice.predict(rows, 20);
                for (int k = 0; k < before.length; k++) {
                    assertEquals(Float.floatToIntBits(before[k]), Float.floatToIntBits(again[k]));
                }
            }
        }
    }

    @Test
    void save_writesProvenanceAndManifestOfEveryFile() throws Exception {
        Path dir = freshDir();
        try (NeuralModel m = trainedAutoencoder()) {
            ModelArtifacts.save(m, dir);
        }

        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals(2, json.get("formatVersion").asInt());
        assertEquals("dense-autoencoder", json.at("/architecture/type").asText());
        assertEquals("0.36.0", json.at("/provenance/djlVersion").asText());
        assertEquals("2.7.1", json.at("/provenance/engineVersion").asText());
        assertEquals("0.1.0-SNAPSHOT", json.at("/provenance/maasfinVersion").asText());
        assertEquals(System.getProperty("os.arch"), json.at("/provenance/osArch").asText());
        assertEquals("cpu", json.get("device").asText());
        assertEquals(3, json.get("seed").asInt());
        assertEquals("ADAMW", json.at("/training/trainer/optimizer").asText());
        // one manifest format in maasfin: ArtifactManifest's MANIFEST.json lists every file,
        // including the pure-Java kernel written for supported (here dense) architectures
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("MANIFEST.json").toFile());
        assertEquals("SHA-256", manifest.get("algorithm").asText());
        assertEquals(
                List.of("block.params", "kernel-weights.f32", "kernel.json", "model.json"),
                fieldNames(manifest.get("files")));
        assertEquals(
                Files.size(dir.resolve("block.params")),
                manifest.at("/files/block.params/size").asLong());
        assertFalse(Files.exists(dir.resolve("MANIFEST.sha256")));
        try (var files = Files.list(dir.getParent())) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp-")));
        }
    }

    @Test
    void load_ofAlteredParameters_namesFileAndBothDigests() throws Exception {
        Path dir = freshDir();
        try (NeuralModel m = trainedAutoencoder()) {
            ModelArtifacts.save(m, dir);
        }
        Path params = dir.resolve("block.params");
        String expected = ModelArtifacts.sha256(params);
        byte[] b = Files.readAllBytes(params);
        b[b.length - 3] ^= 0x01;
        Files.write(params, b);
        String actual = ModelArtifacts.sha256(params);

        ArtifactException e =
                assertThrows(
                        ArtifactException.class, () -> ModelArtifacts.load(dir, DeviceSpec.cpu()));
        long size = Files.size(params);
        assertEquals(
                "artifact file block.params was altered: expected sha256 "
                        + expected
                        + " ("
                        + size
                        + " bytes) but actual sha256 "
                        + actual
                        + " ("
                        + size
                        + " bytes); either the file or its entry in MANIFEST.json was changed"
                        + " (artifact "
                        + dir
                        + ")",
                e.getMessage());
    }

    @Test
    void load_ofTruncatedParameters_isRefusedByTheManifest() throws Exception {
        Path dir = freshDir();
        try (NeuralModel m = trainedAutoencoder()) {
            ModelArtifacts.save(m, dir);
        }
        Path params = dir.resolve("block.params");
        byte[] b = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(b, b.length / 2));

        ArtifactException e =
                assertThrows(
                        ArtifactException.class, () -> ModelArtifacts.load(dir, DeviceSpec.cpu()));
        assertTrue(
                e.getMessage().startsWith("artifact file block.params was altered"),
                e.getMessage());
    }

    @Test
    void load_ofUnknownFormatVersion_listsSupportedVersions() throws Exception {
        Path dir = freshDir();
        try (NeuralModel m = trainedAutoencoder()) {
            ModelArtifacts.save(m, dir);
        }
        Path json = dir.resolve("model.json");
        Files.writeString(
                json,
                Files.readString(json).replace("\"formatVersion\" : 2", "\"formatVersion\" : 7"));
        rewriteManifest(dir);

        ArtifactException e =
                assertThrows(
                        ArtifactException.class, () -> ModelArtifacts.load(dir, DeviceSpec.cpu()));
        assertEquals(
                "model.json in " + dir + " has format version 7; supported versions: [1, 2]",
                e.getMessage());
    }

    @Test
    void save_intoExistingDirectory_isRefused() throws Exception {
        Path dir = freshDir();
        Files.createDirectories(dir);
        MlpClassifierSpec spec =
                MlpClassifierSpec.builder().setInputWidth(2).setNumClasses(2).build();
        try (NeuralModel m = NeuralModel.create(spec, DeviceSpec.cpu(), 1)) {
            ArtifactException e =
                    assertThrows(ArtifactException.class, () -> ModelArtifacts.save(m, dir));
            assertEquals("artifact directory already exists: " + dir, e.getMessage());
        }
    }

    private static void rewriteManifest(Path dir) throws Exception {
        ArtifactManifest.write(dir);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
