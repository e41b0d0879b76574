// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs {@link NetworkGuardMain} in a fresh JVM with this test's class path (optionally filtered),
 * without {@code OPT_OUT_TRACKING} or {@code DJL_OFFLINE} in its environment, and returns its
 * {@code key=value} output lines plus {@code stdout}, {@code stderr}, {@code exit} and {@code
 * millis}.
 */
final class ChildJvm {

    private ChildJvm() {}

    static Map<String, String> run(
            String scenario, UnaryOperator<List<String>> classPath, List<String> jvmArgs)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(scenario, classPath, jvmArgs));
        pb.environment().remove("OPT_OUT_TRACKING");
        pb.environment().remove("DJL_OFFLINE");
        Path stderr = Paths.get("target", "child-jvm-" + scenario + ".err");
        pb.redirectError(stderr.toFile());
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM " + scenario + " timed out");
        }
        Map<String, String> out = parse(stdout);
        out.put("stdout", stdout);
        out.put("stderr", Files.readString(stderr));
        out.put("exit", String.valueOf(p.exitValue()));
        out.put("millis", String.valueOf(System.currentTimeMillis() - t0));
        return out;
    }

    private static List<String> command(
            String scenario, UnaryOperator<List<String>> classPath, List<String> jvmArgs) {
        String cp = System.getProperty("surefire.test.class.path", "");
        if (cp.isEmpty()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = classPath.apply(List.of(cp.split(File.pathSeparator)));
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED");
        cmd.add("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED");
        cmd.add("-Djava.security.manager=allow");
        cmd.addAll(jvmArgs);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-DDJL_CACHE_DIR="))) {
            String cache = Paths.get("target", "djl-cache").toAbsolutePath().toString();
            cmd.add("-DDJL_CACHE_DIR=" + cache);
            cmd.add("-DENGINE_CACHE_DIR=" + cache);
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, entries));
        cmd.add(NetworkGuardMain.class.getName());
        cmd.add(scenario);
        return cmd;
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> out = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
