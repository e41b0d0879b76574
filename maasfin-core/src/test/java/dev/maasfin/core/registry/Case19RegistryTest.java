// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.AuditEntry;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.artifact.ArtifactManifest;
import dev.maasfin.core.artifact.TestDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reference Case 19 (registry: concurrent publish, crash mid-publish, stage transitions, audit),
 * steps 1-7 in order on one registry. Expected values are those of the reference-cases file.
 */
class Case19RegistryTest {

    static final String NAME = "vol-lstm";

    /** Case 19: sha256 of bytes 0x00..0x0f. */
    static final String WEIGHTS_SHA =
            "be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991";

    /** Case 19: sha256 of {"name":"vol-lstm","version":3}. */
    static final String META_SHA =
            "1b0995f7d6bb203c421b3748109e464e4fbc47726bdaf898852c6a525c66d0c7";

    /** Case 19: sha256 of the weights after flipping (xor 1) byte 5. */
    static final String TAMPERED_SHA =
            "7076d4b6fe177bfe858190646fe1e23382dc546b6e5c31023889e5de969b835e";

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-05T10:05:00Z");
    static final Instant T3 = Instant.parse("2026-01-05T10:30:00Z");

    static byte[] weights() {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static Path caseSource(Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        TestDirs.write(src, "weights.bin", weights());
        TestDirs.write(
                src,
                "meta.json",
                "{\"name\":\"vol-lstm\",\"version\":3}".getBytes(StandardCharsets.UTF_8));
        return src;
    }

    @Test
    void case19_stepsOneToSeven_behaveAsTheReferenceCaseSays() throws Exception {
        Path work = TestDirs.fresh("case19");
        Path root = work.resolve("registry");
        Path src = caseSource(work);
        MutableClock clock = new MutableClock(T0);
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder().setRoot(root).optClock(clock).build();

        step1_publishesV1AndV2(reg, src);
        step2_crashAfterWeightsLeavesListingOneTwo(root, clock, src);
        assertEquals(3, reg.publish(NAME, src, Map.of(), "ci", "step 3").version());
        step4_eightThreadsTimesFivePublishGetFortyDistinctNumbers(reg, work);
        step5_stagesAndAudit(reg, clock);
        step6_tamperedWeightsAreRefused(reg, root);
        step7_missingSourceIsRefusedAtPublish(reg, work);
    }

    private static void step1_publishesV1AndV2(FileSystemModelRegistry reg, Path src)
            throws Exception {
        assertEquals(1, reg.publish(NAME, src, Map.of("step", "1"), "alice", "first").version());
        assertEquals(2, reg.publish(NAME, src, Map.of("step", "1"), "alice", "second").version());
        ModelVersion v1 = reg.list(NAME).get(0);
        assertEquals(Map.of("step", "1"), v1.metadata());
        assertEquals("alice", v1.publishedBy());
        assertEquals("first", v1.reason());
        assertEquals(T0, v1.publishedAt());
        Map<String, String> digests = ArtifactManifest.verify(reg.load(NAME, 2)).digests();
        assertEquals(Map.of("weights.bin", WEIGHTS_SHA, "meta.json", META_SHA), digests);
    }

    private static void step2_crashAfterWeightsLeavesListingOneTwo(
            Path root, MutableClock clock, Path src) throws Exception {
        List<String> copied = new ArrayList<>();
        FileSystemModelRegistry failing =
                FileSystemModelRegistry.builder()
                        .setRoot(root)
                        .optClock(clock)
                        .faultHook(
                                rel -> {
                                    copied.add(rel);
                                    if (rel.equals("weights.bin")) {
                                        throw new IOException("injected fault after weights.bin");
                                    }
                                })
                        .build();
        assertThrows(IOException.class, () -> failing.publish(NAME, src, Map.of(), "ci", "v3"));
        assertEquals(List.of("weights.bin"), copied, "fault sits before meta.json is written");

        FileSystemModelRegistry reopened =
                FileSystemModelRegistry.builder().setRoot(root).optClock(clock).build();
        assertEquals(List.of(1, 2), versionsOf(reopened.list(NAME)));
        assertEquals(OptionalInt.of(2), reopened.latest(NAME));
        assertEquals(List.of(), leftovers(root), "no partial directory may remain");
        assertFalse(Files.exists(root.resolve(NAME).resolve("v3")));
    }

    private static void step4_eightThreadsTimesFivePublishGetFortyDistinctNumbers(
            FileSystemModelRegistry reg, Path work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<Integer, String>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Callable<Map<Integer, String>> task =
                    () -> {
                        start.await();
                        return publishFive(reg, work, thread);
                    };
            futures.add(pool.submit(task));
        }
        start.countDown();
        Map<Integer, String> published = new HashMap<>();
        for (Future<Map<Integer, String>> f : futures) {
            for (Map.Entry<Integer, String> e : f.get().entrySet()) {
                assertEquals(null, published.put(e.getKey(), e.getValue()), "duplicate " + e);
            }
        }
        pool.shutdown();

        Set<Integer> expected = IntStream.rangeClosed(4, 43).boxed().collect(Collectors.toSet());
        assertEquals(expected, published.keySet());
        assertEquals(IntStream.rangeClosed(1, 43).boxed().toList(), versionsOf(reg.list(NAME)));
        for (Map.Entry<Integer, String> e : published.entrySet()) {
            Path loaded = reg.load(NAME, e.getKey());
            assertEquals(e.getValue(), ArtifactManifest.read(loaded).digests().get("weights.bin"));
        }
    }

    /** Publishes five distinct artifacts; returns version → sha256 of the weights it sent. */
    private static Map<Integer, String> publishFive(
            FileSystemModelRegistry reg, Path work, int thread) throws Exception {
        Map<Integer, String> out = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Path src = Files.createDirectories(work.resolve("t" + thread + "-" + i));
            byte[] w = ("thread " + thread + " publish " + i).getBytes(StandardCharsets.UTF_8);
            TestDirs.write(src, "weights.bin", w);
            TestDirs.write(src, "meta.json", "{}".getBytes(StandardCharsets.UTF_8));
            int v =
                    reg.publish(NAME, src, Map.of("thread", "" + thread), "t" + thread, "load")
                            .version();
            out.put(v, ArtifactManifest.sha256Hex(src.resolve("weights.bin")));
        }
        return out;
    }

    private static void step5_stagesAndAudit(FileSystemModelRegistry reg, MutableClock clock)
            throws Exception {
        clock.set(T1);
        reg.promote(NAME, 2, "Production", "alice", "first release");
        assertProduction(reg, 2, Set.of());

        clock.set(T2);
        reg.promote(NAME, 3, "production", "bob", "retrained");
        assertProduction(reg, 3, Set.of(2));

        clock.set(T3);
        assertEquals(2, reg.rollback(NAME, "PRODUCTION", "carol", "v3 drifted"));
        assertProduction(reg, 2, Set.of(3));

        assertEquals(OptionalInt.empty(), reg.liveAt(NAME, "production", T1.minusMillis(1)));
        assertEquals(OptionalInt.of(2), reg.liveAt(NAME, "production", T1));
        assertEquals(OptionalInt.of(2), reg.liveAt(NAME, "production", T2.minusMillis(1)));
        assertEquals(OptionalInt.of(3), reg.liveAt(NAME, "production", T2));
        assertEquals(OptionalInt.of(3), reg.liveAt(NAME, "production", T3.minusMillis(1)));
        assertEquals(OptionalInt.of(2), reg.liveAt(NAME, "Production", T3));
        assertEquals(OptionalInt.of(2), reg.liveAt(NAME, "production", T3.plusSeconds(86_400)));

        List<AuditEntry> stageEntries =
                reg.auditLog(NAME).stream().filter(e -> !e.stage().isEmpty()).toList();
        assertEquals(
                List.of(
                        new AuditEntry(
                                T1, "promote", NAME, 2, "production", "alice", "first release"),
                        new AuditEntry(T2, "promote", NAME, 3, "production", "bob", "retrained"),
                        new AuditEntry(
                                T3, "rollback", NAME, 2, "production", "carol", "v3 drifted")),
                stageEntries);
    }

    private static void assertProduction(
            FileSystemModelRegistry reg, int holder, Set<Integer> archived) throws Exception {
        List<ModelVersion> all = reg.list(NAME);
        List<Integer> inProduction =
                all.stream()
                        .filter(v -> v.stages().contains("production"))
                        .map(ModelVersion::version)
                        .toList();
        assertEquals(List.of(holder), inProduction);
        assertEquals(OptionalInt.of(holder), reg.current(NAME, "PRODUCTION"));
        Set<Integer> actualArchived =
                all.stream()
                        .filter(ModelVersion::archived)
                        .map(ModelVersion::version)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(archived, actualArchived);
    }

    private static void step6_tamperedWeightsAreRefused(FileSystemModelRegistry reg, Path root)
            throws Exception {
        Path w = root.resolve(NAME).resolve("v2").resolve("artifact").resolve("weights.bin");
        byte[] bytes = Files.readAllBytes(w);
        bytes[5] ^= 0x01;
        Files.write(w, bytes);

        ArtifactException e = assertThrows(ArtifactException.class, () -> reg.load(NAME, 2));
        assertTrue(e.getMessage().contains("weights.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("expected sha256 " + WEIGHTS_SHA), e.getMessage());
        assertTrue(e.getMessage().contains("actual sha256 " + TAMPERED_SHA), e.getMessage());
    }

    private static void step7_missingSourceIsRefusedAtPublish(
            FileSystemModelRegistry reg, Path work) {
        Path missing = work.resolve("no-such-artifact");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> reg.publish(NAME, missing, Map.of(), "ci", "bad path"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    static List<Integer> versionsOf(List<ModelVersion> versions) {
        return versions.stream().map(ModelVersion::version).toList();
    }

    static List<String> leftovers(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith(".tmp-") || f.startsWith(".trash-"))
                    .toList();
        }
    }
}
