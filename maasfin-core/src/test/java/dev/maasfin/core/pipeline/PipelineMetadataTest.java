// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineMetadataTest {

    static PipelineMetadata sample(String fingerprint) {
        return new PipelineMetadata(
                Instant.parse("2026-12-03T10:15:30.123Z"),
                "0.1.0",
                "0.36.0",
                "PyTorch",
                "2.7.1",
                "17.0.9",
                "Linux",
                "amd64",
                "cpu",
                fingerprint,
                42,
                Map.of("lr", "0.01", "epochs", "3"),
                Map.of("rmse", 0.0123));
    }

    @Test
    void json_roundTripsEveryComponent() {
        PipelineMetadata m = sample("ab".repeat(32));
        assertEquals(m, PipelineMetadata.fromJson(m.toJson()));
    }

    @Test
    void constructor_withAShortFingerprint_namesTheRule() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> sample("abc"));
        assertEquals(
                "dataFingerprint must be 64 lower-case hex characters (SHA-256) but was 'abc'",
                e.getMessage());
    }

    @Test
    void fromJson_withoutASeed_namesIt() {
        String json = sample("ab".repeat(32)).toJson().replaceAll("\"seed\" : 42,", "");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PipelineMetadata.fromJson(json));
        assertEquals("metadata JSON is invalid: seed", e.getMessage());
    }
}
