// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.core.artifact.RealDataDirectory;
import dev.maasfin.core.artifact.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publishes a real data directory and checks the manifest against its README's checksums. */
class RegistryRealDataTest {

    @Test
    void publishedGermanCreditFiles_haveTheSha256DigestsListedInTheDataReadme() throws Exception {
        Path source = RealDataDirectory.file("german-credit", "german.data").getParent();
        Path work = TestDirs.fresh("realdata");
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder().setRoot(work.resolve("registry")).build();

        int v =
                reg.publish("german-credit", source, Map.of("kind", "data"), "ci", "real")
                        .version();
        Map<String, String> digests =
                ArtifactManifest.verify(reg.load("german-credit", v)).digests();

        // Expected digests: the "Files" table of ../shared/data/german-credit/README.md.
        assertEquals(
                "b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871",
                digests.get("german.data"));
        assertEquals(
                "2752b044394958ab6dd193a0b56ca0f0b3a2d8bc7cb8c008e35a5e84bbec02f8",
                digests.get("german.data-numeric"));
        assertEquals(
                "69b92cb551111bc37098698288849c96f0fd87ce81a2e54451ff39aa1e53fe49",
                digests.get("german.doc"));
        assertEquals(
                "4c97db39ef2420f812e24d1355d9aaaaf1fe103031541debc6a85bedbe711258",
                digests.get("german_credit.csv"));
        assertEquals(
                "bedb7c60738e95868ec80b7484036898187000cf2883c6265348dd62e3406614",
                digests.get("german_numeric.csv"));
        assertEquals(79_793L, Files.size(reg.load("german-credit", v).resolve("german.data")));
    }
}
