// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the child JVMs that {@link RegistryMultiProcessTest} starts.
 *
 * <p>Arguments: registry root, model name, publish count, mode ({@code publish} prints each version
 * number on its own line; {@code crash} halts the JVM after the first file is copied).
 */
public final class RegistryChildProcess {

    private RegistryChildProcess() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        boolean crash = args[3].equals("crash");
        FileSystemModelRegistry.Builder b = FileSystemModelRegistry.builder().setRoot(root);
        if (crash) {
            b.faultHook(rel -> Runtime.getRuntime().halt(3));
        }
        FileSystemModelRegistry reg = b.build();
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < count; i++) {
            Path src = Files.createTempDirectory(root.getParent(), "child-src-");
            Files.write(
                    src.resolve("weights.bin"),
                    ("pid " + pid + " publish " + i).getBytes(StandardCharsets.UTF_8));
            Files.write(src.resolve("meta.json"), "{}".getBytes(StandardCharsets.UTF_8));
            int v = reg.publish(name, src, Map.of("pid", "" + pid), "child", "mp").version();
            System.out.println(v);
        }
    }
}
