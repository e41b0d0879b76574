// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.scoring.ScorerStats;
import dev.maasfin.core.registry.FileSystemModelRegistry;
import dev.maasfin.djl.engine.Engines;
import dev.maasfin.djl.pipeline.Pipeline;
import dev.maasfin.djl.pipeline.PipelineFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Registry round trip and hot swap under load. Each version's model outputs its own version number
 * for any input (weights 0, bias = version), so every result names the version that produced it.
 */
class HotSwapTest {

    private static final String NAME = "const";

    static ModelRegistry registry() throws Exception {
        Path root = PipelineFixtures.freshDir("registry");
        return FileSystemModelRegistry.builder().setRoot(root).build();
    }

    static int publish(ModelRegistry r, float value) throws Exception {
        try (Pipeline p = PipelineFixtures.constant(value)) {
            return p.publish(
                            r, NAME, PipelineFixtures.freshDir("stage"), "test", "version " + value)
                    .version();
        }
    }

    @Test
    void fromRegistry_scoresTheProductionVersion_andSwapsOnPromotionAndRequest() throws Exception {
        ModelRegistry r = registry();
        publish(r, 1f);
        publish(r, 2f);
        r.promote(NAME, 1, "production", "test", "first");

        try (Scorer s = Scorer.fromRegistry(r, NAME, "production")) {
            Prediction p1 = s.score(new double[][] {{3.0}});
            assertEquals(1, p1.version());
            assertEquals(1f, p1.value());

            r.promote(NAME, 2, "production", "test", "second");
            assertTrue(s.refresh());
            assertEquals(2f, s.score(new double[][] {{3.0}}).value());
            assertEquals(2, s.version());

            s.swapTo(1);
            Prediction back = s.score(new double[][] {{3.0}});
            assertEquals(1, back.version());
            assertEquals(1f, back.value());
            assertEquals(1, s.stats().liveModels());
        }
    }

    @Test
    void followingScorer_swapsWhenTheStageMoves() throws Exception {
        ModelRegistry r = registry();
        publish(r, 1f);
        publish(r, 2f);
        r.promote(NAME, 1, "production", "test", "first");
        try (Scorer s =
                Scorer.builder()
                        .setRegistry(r)
                        .setName(NAME)
                        .setStage("production")
                        .optFollowEvery(Duration.ofMillis(10))
                        .build()) {
            r.promote(NAME, 2, "production", "test", "second");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (s.version() != 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2f, s.score(new double[][] {{0.0}}).value());
        }
    }

    @Test
    void sixteenThreads_whileFiveVersionsArePublishedAndSwapped_neverFailAndMatchTheirVersion()
            throws Exception {
        Engines.ensureLoaded();
        BaseNDManager system = systemManager();
        int arraysBefore = system.getManagedArrays().size();
        ModelRegistry r = registry();
        publish(r, 1f);
        r.promote(NAME, 1, "production", "test", "first");
        Scorer s = Scorer.fromRegistry(r, NAME, "production");
        int arraysServing = system.getManagedArrays().size();
        assertTrue(arraysServing > arraysBefore, "the count must see a loaded network's arrays");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        List<Throwable> errors = new ArrayList<>();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(16);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread th =
                    new Thread(
                            () -> {
                                started.countDown();
                                double[][] in = {{42.0}};
                                while (!stop.get()) {
                                    try {
                                        Prediction p = s.score(in);
                                        if (p.value() != (float) p.version()) {
                                            throw new AssertionError(
                                                    "version "
                                                            + p.version()
                                                            + " gave "
                                                            + p.value());
                                        }
                                        seen.add(p.version());
                                        calls.incrementAndGet();
                                    } catch (Throwable e) {
                                        synchronized (errors) {
                                            errors.add(e);
                                        }
                                        return;
                                    }
                                }
                            });
            threads.add(th);
            th.start();
        }
        started.await();
        for (int v = 2; v <= 6; v++) {
            Thread.sleep(60);
            assertEquals(v, publish(r, v));
            r.promote(NAME, v, "production", "test", "next");
            assertTrue(s.refresh());
        }
        Thread.sleep(60);
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        ScorerStats st = s.stats();
        s.close();

        assertEquals(List.of(), errors);
        assertEquals(0, st.failures());
        assertEquals(5, st.swaps());
        assertEquals(6, st.version());
        assertEquals(1, st.liveModels(), "only version 6 may still be loaded");
        assertEquals(calls.get(), st.calls());
        assertTrue(seen.contains(1) && seen.contains(6), "versions seen " + seen);
        assertEquals(0, s.stats().liveModels(), "close releases the last network");
        assertEquals(
                arraysBefore,
                system.getManagedArrays().size(),
                "native arrays left after closing all six versions");
    }

    private static BaseNDManager systemManager() {
        try (NDManager m = Engine.getEngine(Engines.ENGINE_NAME).newBaseManager()) {
            return (BaseNDManager) m.getParentManager();
        }
    }
}
