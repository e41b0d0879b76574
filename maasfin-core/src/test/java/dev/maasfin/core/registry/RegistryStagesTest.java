// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maasfin.api.registry.AuditEntry;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.core.artifact.TestDirs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Stage swaps under concurrent readers, the audit answer for every instant, and retention. */
class RegistryStagesTest {

    private static final String NAME = "vol-lstm";
    private static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");

    private static FileSystemModelRegistry registryWithVersions(
            String label, MutableClock clock, int count) throws Exception {
        Path work = TestDirs.fresh(label);
        Path src = Case19RegistryTest.caseSource(work);
        FileSystemModelRegistry reg =
                FileSystemModelRegistry.builder()
                        .setRoot(work.resolve("registry"))
                        .optClock(clock)
                        .build();
        for (int i = 0; i < count; i++) {
            reg.publish(NAME, src, Map.of(), "ci", "setup");
        }
        return reg;
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void readersPollingDuringSwaps_neverSeeZeroOrTwoProductionVersions() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("swaps", new MutableClock(T0), 3);
        reg.promote(NAME, 1, "production", "ci", "initial");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int r = 0; r < 3; r++) {
            pool.submit(() -> poll(reg, stop, reads, violations));
        }
        Future<?> writer =
                pool.submit(
                        () -> {
                            for (int i = 0; i < 150; i++) {
                                reg.promote(NAME, 1 + (i % 3), "Production", "ci", "swap " + i);
                            }
                            return null;
                        });
        writer.get(120, TimeUnit.SECONDS);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(List.of(), List.copyOf(violations));
        assertTrue(reads.get() > 100, "readers made only " + reads.get() + " reads");
    }

    private static Void poll(
            FileSystemModelRegistry reg,
            AtomicBoolean stop,
            AtomicLong reads,
            ConcurrentLinkedQueue<String> violations)
            throws Exception {
        while (!stop.get()) {
            long holders =
                    reg.list(NAME).stream().filter(v -> v.stages().contains("production")).count();
            if (holders != 1) {
                violations.add("list saw " + holders + " production versions");
            }
            if (reg.current(NAME, "production").isEmpty()) {
                violations.add("current saw no production version");
            }
            reads.incrementAndGet();
        }
        return null;
    }

    @Test
    void liveAt_answersEveryInstantBeforeAtAndBetweenChanges() throws Exception {
        MutableClock clock = new MutableClock(T0);
        FileSystemModelRegistry reg = registryWithVersions("audit", clock, 3);
        clock.set(at(10));
        reg.promote(NAME, 1, "staging", "ann", "candidate");
        clock.set(at(20));
        reg.promote(NAME, 1, "production", "ann", "go live");
        clock.set(at(30));
        reg.promote(NAME, 2, "staging", "ben", "candidate 2");
        clock.set(at(40));
        reg.promote(NAME, 2, "production", "ben", "go live 2");
        clock.set(at(50));
        assertEquals(1, reg.rollback(NAME, "production", "cat", "alerts on v2"));
        clock.set(at(60));
        reg.promote(NAME, 3, "PRODUCTION", "dan", "hotfix");

        // Expected holders worked by hand from the sequence above; a change at t is live at t.
        int[][] expected = {
            // minute, production (0 = none), staging (0 = none)
            {-1, 0, 0}, {0, 0, 0}, {10, 0, 1}, {15, 0, 1}, {20, 1, 1}, {25, 1, 1}, {30, 1, 2},
            {35, 1, 2}, {40, 2, 2}, {45, 2, 2}, {50, 1, 2}, {55, 1, 2}, {60, 3, 2}, {600, 3, 2}
        };
        for (int[] row : expected) {
            Instant t = at(row[0]);
            assertEquals(holder(row[1]), reg.liveAt(NAME, "production", t), "production at " + t);
            assertEquals(holder(row[2]), reg.liveAt(NAME, "Staging", t), "staging at " + t);
        }
        assertEquals(OptionalInt.empty(), reg.liveAt(NAME, "production", at(20).minusNanos(1)));
        List<String> who = reg.auditLog(NAME).stream().map(AuditEntry::who).toList();
        assertEquals(List.of("ci", "ci", "ci", "ann", "ann", "ben", "ben", "cat", "dan"), who);
    }

    private static OptionalInt holder(int v) {
        return v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    @Test
    void rollback_popsHoldersAndRefusesWhenNoPreviousHolderRemains() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("rollback", new MutableClock(T0), 3);
        reg.promote(NAME, 1, "production", "ci", "a");
        reg.promote(NAME, 2, "production", "ci", "b");
        reg.promote(NAME, 3, "production", "ci", "c");

        assertEquals(2, reg.rollback(NAME, "production", "ci", "undo c"));
        assertEquals(1, reg.rollback(NAME, "production", "ci", "undo b"));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> reg.rollback(NAME, "production", "ci", "undo a"));
        assertEquals(
                "stage production of vol-lstm has no previous holder to roll back to",
                e.getMessage());
        assertEquals(OptionalInt.of(1), reg.current(NAME, "production"));
        assertEquals(reg.load(NAME, 1), reg.loadCurrent(NAME, "Production"));
        IllegalStateException empty =
                assertThrows(IllegalStateException.class, () -> reg.loadCurrent(NAME, "staging"));
        assertEquals("stage staging of vol-lstm is empty", empty.getMessage());
    }

    @Test
    void promotingTheCurrentHolderAgain_changesNothingAndLogsNothing() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("idempotent", new MutableClock(T0), 1);
        reg.promote(NAME, 1, "production", "ci", "a");
        int entries = reg.auditLog(NAME).size();
        reg.promote(NAME, 1, "PRODUCTION", "ci", "again");
        assertEquals(entries, reg.auditLog(NAME).size());
    }

    @Test
    void retain_keepsNewestAndStageHoldersAndLogsDeletes() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("retain", new MutableClock(T0), 6);
        reg.promote(NAME, 2, "production", "ci", "a");
        reg.promote(NAME, 3, "production", "ci", "b");

        assertEquals(List.of(1, 2, 4), reg.retain(NAME, 2, "ops", "disk"));
        assertEquals(List.of(3, 5, 6), Case19RegistryTest.versionsOf(reg.list(NAME)));
        assertEquals(List.of(), Case19RegistryTest.leftovers(reg.root()));
        assertThrows(
                IllegalStateException.class, () -> reg.rollback(NAME, "production", "ci", "x"));
        long deletes = reg.auditLog(NAME).stream().filter(e -> e.action().equals("delete")).count();
        assertEquals(3, deletes);
        assertEquals(7, reg.publish(NAME, reg.load(NAME, 6), Map.of(), "ci", "next").version());
    }

    @Test
    void retain_whenKeepLastIsZero_isRefused() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("retain0", new MutableClock(T0), 1);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> reg.retain(NAME, 0, "ops", "x"));
        assertEquals("keepLast must be >= 1 but was 0", e.getMessage());
    }

    @Test
    void badInputs_areRefusedNamingTheParameterAndValue() throws Exception {
        FileSystemModelRegistry reg = registryWithVersions("inputs", new MutableClock(T0), 1);
        IllegalArgumentException stage =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> reg.promote(NAME, 1, "Archived", "ci", "x"));
        assertTrue(stage.getMessage().contains("'Archived'"), stage.getMessage());
        IllegalArgumentException version =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> reg.promote(NAME, 9, "production", "ci", "x"));
        assertEquals(
                "version 9 of vol-lstm does not exist; versions are [1]", version.getMessage());
        IllegalArgumentException name =
                assertThrows(IllegalArgumentException.class, () -> reg.list("../etc"));
        assertTrue(name.getMessage().startsWith("name must be"), name.getMessage());
        assertTrue(name.getMessage().endsWith("but was '../etc'"), name.getMessage());
        ModelVersion v1 = reg.find(NAME, 1).orElseThrow();
        assertEquals("ci", v1.publishedBy());
        assertEquals(T0, v1.publishedAt());
    }
}
