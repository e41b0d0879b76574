// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One execution of {@link Tuner#search()}: a coordinating loop on the calling thread that asks the
 * {@link Scheduler} for jobs, keeps up to {@code threads} of them running, and records each
 * finished row. Used by one thread; not thread-safe.
 */
final class SearchRun {
    private final Tuner tuner;
    private final List<TrialRecord> rows = new ArrayList<>();
    private long start;

    SearchRun(Tuner tuner) {
        this.tuner = tuner;
    }

    TuningResult run() throws InterruptedException {
        start = tuner.clock.millis();
        ExecutorService pool = tuner.threads > 1 ? newPool(tuner.threads) : null;
        Executor executor = pool != null ? pool : Runnable::run;
        boolean timedOut;
        try {
            timedOut = loop(new ExecutorCompletionService<>(executor));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new TuningResult(
                tuner.strategy,
                tuner.direction,
                tuner.seed,
                tuner.foldCount(),
                tuner.space.names(),
                rows,
                timedOut ? StopReason.WALL_TIME : StopReason.FINISHED,
                tuner.clock.millis() - start);
    }

    /** Runs jobs until the scheduler has none left; returns true if the wall time cut it short. */
    private boolean loop(CompletionService<TrialRecord> completion) throws InterruptedException {
        Scheduler scheduler =
                Scheduler.of(tuner.strategy, tuner.configurations.size(), tuner.direction);
        int running = 0;
        boolean timedOut = false;
        while (true) {
            while (!timedOut && running < tuner.threads) {
                Scheduler.Job job = scheduler.next();
                if (job == null) {
                    break;
                }
                if (timeUp()) {
                    timedOut = true;
                    break;
                }
                completion.submit(() -> evaluate(job));
                running++;
            }
            if (running == 0) {
                return timedOut;
            }
            TrialRecord record = take(completion);
            running--;
            rows.add(record);
            scheduler.finished(record);
            tuner.listener.trialFinished(record);
        }
    }

    private boolean timeUp() {
        return tuner.maxWallTime != null
                && tuner.clock.millis() - start >= tuner.maxWallTime.toMillis();
    }

    private static TrialRecord take(CompletionService<TrialRecord> completion)
            throws InterruptedException {
        try {
            return completion.take().get();
        } catch (ExecutionException e) {
            // evaluate() catches every Exception, so only an Error can arrive here.
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("trial evaluation failed unexpectedly", e.getCause());
        }
    }

    /** Evaluates one configuration at one rung on every fold, stopping at the first failure. */
    private TrialRecord evaluate(Scheduler.Job job) {
        int id = job.trialId();
        Configuration configuration = tuner.configurations.get(id);
        long seed = Tuner.trialSeed(tuner.seed, id);
        int resource = tuner.strategy.resource(job.rung());
        double[] metrics = new double[tuner.foldCount()];
        Arrays.fill(metrics, Double.NaN);
        String error = null;
        int run = 0;
        long t0 = tuner.clock.millis();
        for (int f = 0; f < metrics.length && error == null; f++) {
            run++;
            TrialFold fold =
                    new TrialFold(
                            id,
                            job.rung(),
                            f,
                            configuration,
                            seed,
                            resource,
                            tuner.trainRows[f],
                            tuner.validationRows[f],
                            false);
            error = evaluateFold(fold, metrics);
        }
        long wall = tuner.clock.millis() - t0;
        return new TrialRecord(
                id, job.rung(), resource, configuration, seed, metrics, run, wall, error);
    }

    /** Stores the fold's metric, or returns the failure text. */
    private String evaluateFold(TrialFold fold, double[] metrics) {
        try {
            double m = tuner.objective.evaluate(fold);
            if (!Double.isFinite(m)) {
                return "fold " + fold.fold() + ": objective returned " + m;
            }
            metrics[fold.fold()] = m;
            return null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "fold " + fold.fold() + ": " + describe(e);
        }
    }

    static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory =
                r -> {
                    Thread t = new Thread(r, "maasfin-tune-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
        return Executors.newFixedThreadPool(threads, factory);
    }
}
