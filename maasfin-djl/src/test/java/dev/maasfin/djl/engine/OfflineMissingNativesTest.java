// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reference case 12, negative control: without the native jar, offline, with an empty DJL cache,
 * loading fails within seconds with a message naming what is missing, and tries no connection.
 */
class OfflineMissingNativesTest {

    @Test
    void engineLoad_withoutNativeJarOffline_failsFastNamingTheNativeArtifact() throws Exception {
        Path cache = Paths.get("target", "empty-djl-cache-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(cache);

        Map<String, String> out =
                ChildJvm.run(
                        "engine-failure",
                        cp ->
                                cp.stream()
                                        .filter(e -> !e.contains("pytorch-native-cpu"))
                                        .collect(Collectors.toList()),
                        List.of(
                                "-Dai.djl.offline=true",
                                "-DDJL_CACHE_DIR=" + cache,
                                "-DENGINE_CACHE_DIR=" + cache));

        assertEquals("0", out.get("exit"), out.get("stdout") + out.get("stderr"));
        assertTrue(
                out.get("failure").startsWith("DJL could not load the PyTorch engine"),
                out.get("failure"));
        assertTrue(out.get("failure").contains("pytorch-native-cpu"), out.get("failure"));
        assertTrue(Long.parseLong(out.get("millis")) < 30_000, out.get("millis") + " ms");
        assertEquals("[]", out.get("urlHandlerSeen"));
        assertEquals("[]", out.get("socketSeen"));
    }
}
