// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.core.artifact.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Registry behaviour with several JVMs sharing one root, and with a JVM killed mid-publish. */
class RegistryMultiProcessTest {

    private static Process startChild(Path root, int count, String mode, Path out)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RegistryChildProcess.class.getName(),
                        root.toString(),
                        "vol-lstm",
                        "" + count,
                        mode)
                .redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile())
                .start();
    }

    private static int await(Process p) throws InterruptedException {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish in 120 s");
        return p.exitValue();
    }

    @Test
    void twoProcessesPublishingFiveEach_getTenDistinctContiguousNumbers() throws Exception {
        Path work = TestDirs.fresh("multiprocess");
        Path root = work.resolve("registry");
        FileSystemModelRegistry.builder().setRoot(root).build();

        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(startChild(root, 5, "publish", work.resolve("child" + c + ".out")));
        }
        List<Integer> numbers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            assertEquals(0, await(children.get(c)), "child " + c + " exit code");
            for (String line : Files.readAllLines(work.resolve("child" + c + ".out"))) {
                numbers.add(Integer.parseInt(line.trim()));
            }
        }

        assertEquals(10, numbers.size());
        assertEquals(
                IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toSet()),
                new TreeSet<>(numbers));
        FileSystemModelRegistry reg = FileSystemModelRegistry.builder().setRoot(root).build();
        for (int v = 1; v <= 10; v++) {
            reg.load("vol-lstm", v);
        }
    }

    @Test
    void processKilledMidPublish_leavesOnlyATempDirThatTheNextOpenRemoves() throws Exception {
        Path work = TestDirs.fresh("crash");
        Path root = work.resolve("registry");
        Path src = Case19RegistryTest.caseSource(work);
        FileSystemModelRegistry first = FileSystemModelRegistry.builder().setRoot(root).build();
        first.publish("vol-lstm", src, Map.of(), "ci", "v1");
        first.publish("vol-lstm", src, Map.of(), "ci", "v2");

        assertEquals(3, await(startChild(root, 1, "crash", work.resolve("crash.out"))));

        assertFalse(Case19RegistryTest.leftovers(root).isEmpty(), "the crash left a temp dir");
        assertEquals(List.of(1, 2), Case19RegistryTest.versionsOf(first.list("vol-lstm")));
        FileSystemModelRegistry reopened = FileSystemModelRegistry.builder().setRoot(root).build();
        assertEquals(List.of(), Case19RegistryTest.leftovers(root));
        assertEquals(3, reopened.publish("vol-lstm", src, Map.of(), "ci", "v3").version());
    }

    @Test
    void openingTheRootAgainDuringAPublish_leavesThatPublishAlone() throws Exception {
        Path work = TestDirs.fresh("reopen");
        Path root = work.resolve("registry");
        Path src = Case19RegistryTest.caseSource(work);
        CountDownLatch copying = new CountDownLatch(1);
        CountDownLatch reopened = new CountDownLatch(1);
        FileSystemModelRegistry slow =
                FileSystemModelRegistry.builder()
                        .setRoot(root)
                        .faultHook(
                                rel -> {
                                    copying.countDown();
                                    try {
                                        reopened.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                })
                        .build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> publish =
                pool.submit(() -> slow.publish("vol-lstm", src, Map.of(), "ci", "slow").version());
        assertTrue(copying.await(60, TimeUnit.SECONDS));

        FileSystemModelRegistry.builder().setRoot(root).build();
        assertFalse(Case19RegistryTest.leftovers(root).isEmpty(), "the live temp dir must stay");
        reopened.countDown();

        assertEquals(1, publish.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(List.of(), Case19RegistryTest.leftovers(root));
    }
}
