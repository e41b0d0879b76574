// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.ModelRegistry;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.api.scoring.ScorerStats;
import dev.maasfin.djl.engine.DeviceSpec;
import dev.maasfin.djl.pipeline.Pipeline;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe in-process scoring handle over a {@link Pipeline}, with hot swap to another
 * registry version, counters and latency percentiles.
 *
 * <p>Inputs: one window of feature rows ({@code double[window][columns]}, before transforms, in
 * schema order), a batch of such windows, a feature {@link Frame}, or raw {@link BarSeries} (the
 * pipeline computes the features). Predictions carry the pipeline's decoded outputs (see {@link
 * Pipeline#decoder()}). Each input is checked against the pipeline's schema; a bad one gets an
 * {@link IllegalArgumentException} naming column, row and value (personal values withheld) and
 * counts as a failure.
 *
 * <p>Native resources: the scorer holds one loaded network per serving version and calls its block
 * directly; each call opens a child {@code NDManager} scope that closes before returning, so no
 * predictor or native array is created per call beyond the call's own input, intermediate and
 * output tensors. As a DJL {@code Predictor} kept per thread would, each calling thread reuses its
 * parameter store and one direct input buffer across calls (see {@link
 * dev.maasfin.djl.model.NeuralModel}), and PyTorch's autograd recording is off during the call on
 * every thread. Windows given as arrays are checked, scaled and flattened into the model input in
 * one pass when the transforms are affine scalers (see {@link Pipeline}). PyTorch thread counts are
 * set process-wide by {@link ScoringThreads} before the engine loads.
 *
 * <p>Hot swap: the serving pipeline sits in an {@link AtomicReference} to an immutable holder with
 * a reference count. A call takes a reference (a CAS loop that never blocks) and returns it when
 * done; {@link #swapTo} loads the new version fully, publishes it with one atomic set and drops the
 * old holder's base reference, so the old network closes when its last in-flight call finishes.
 * In-flight calls neither fail nor wait; each {@link Prediction#version()} names the version that
 * produced it. With {@link Builder#optFollowEvery} a daemon thread polls the registry stage and
 * swaps when it moves (including a rollback).
 *
 * <p>Forward path: each loaded version is scored either through DJL's network or through a
 * pure-Java kernel exported from it ({@link ScoringPath}). Under {@link ScoringPath#AUTO} (the
 * default) the kernel serves when the architecture has one ({@link
 * dev.maasfin.djl.export.KernelExporter#isSupported}) and the network sits on the CPU; GPU hosts
 * and other architectures stay on DJL. A host can force either path with {@link Builder#optPath} or
 * {@link #of(Pipeline, ScoringPath)}. The choice is made again for every version loaded (hot swaps
 * included), logged once at INFO, and reported by {@link #path()}. The kernel and DJL paths agree
 * to 1e-5 relative; on the kernel path a window gives the same bits alone, in a batch or bar by
 * bar.
 *
 * <p>Metrics: {@link #stats()} gives call, window and failure counts from {@link LongAdder}s and
 * latency percentiles from a lock-free log-linear histogram (at most 6.25 % bucket width);
 * recording allocates nothing. Thread-safe: all methods may be called from any thread; the scorer
 * owns every pipeline it serves and closes it when replaced or on {@link #close()}.
 */
public final class Scorer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scorer.class);

    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Object swapLock = new Object();
    private final ModelRegistry registry;
    private final String name;
    private final String stage;
    private final DeviceSpec device;
    private final ScoringPath requestedPath;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder calls = new LongAdder();
    private final LongAdder windows = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder swaps = new LongAdder();
    private final AtomicInteger live = new AtomicInteger();
    private final ScheduledExecutorService follower;
    private volatile boolean closed;

    private Scorer(Pipeline first, Builder b) {
        this.registry = b.registry;
        this.name = b.name;
        this.stage = b.stage;
        this.device = b.device;
        this.requestedPath = b.path;
        Pipeline serving = choosePath(first);
        live.incrementAndGet();
        current.set(new Loaded(serving));
        LOG.info(
                "scorer {} serves version {} on the {} path",
                describe(),
                serving.version(),
                pathOf(serving));
        this.follower = b.followEvery == null ? null : startFollowing(b.followEvery);
    }

    /** The serving pipeline and the number of references to it (base reference plus calls). */
    private final class Loaded {
        final Pipeline pipeline;
        final String featureJson;
        final AtomicInteger refs = new AtomicInteger(1);

        Loaded(Pipeline pipeline) {
            this.pipeline = pipeline;
            this.featureJson = pipeline.features().type() + ":" + pipeline.features().toJson();
        }

        boolean retain() {
            for (int r = refs.get(); r > 0; r = refs.get()) {
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
            return false;
        }

        void release() {
            if (refs.decrementAndGet() == 0) {
                pipeline.close();
                live.decrementAndGet();
            }
        }
    }

    /**
     * Returns a scorer serving an in-memory pipeline (no registry: {@link #swapTo} and {@link
     * #refresh} are unavailable, {@link #swap} is). The scorer takes ownership of the pipeline.
     */
    public static Scorer of(Pipeline pipeline) {
        return of(pipeline, ScoringPath.AUTO);
    }

    /**
     * Returns a scorer serving an in-memory pipeline on the given path (see {@link #of(Pipeline)}).
     * The scorer takes ownership of the pipeline; if the path is refused the pipeline is closed.
     *
     * @throws IllegalArgumentException if {@code path} is {@link ScoringPath#KERNEL} and the
     *     pipeline's architecture has no kernel (naming it)
     */
    public static Scorer of(Pipeline pipeline, ScoringPath path) {
        Objects.requireNonNull(pipeline, "pipeline");
        Builder b = new Builder();
        b.path = Objects.requireNonNull(path, "path");
        return new Scorer(pipeline, b);
    }

    /**
     * Returns the pipeline to serve for {@code loaded} on the requested path: {@code loaded} itself
     * for DJL, its kernel view for the kernel. Closes {@code loaded} if it is refused.
     */
    private Pipeline choosePath(Pipeline loaded) {
        try {
            return switch (requestedPath) {
                case DJL -> loaded;
                case KERNEL -> forcedKernel(loaded);
                case AUTO ->
                        loaded.kernelSupported() && !onGpu(loaded) ? loaded.withKernel() : loaded;
            };
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private Pipeline forcedKernel(Pipeline loaded) {
        try {
            return loaded.withKernel();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(
                    "scoring path KERNEL was forced but version "
                            + loaded.version()
                            + " of "
                            + describe()
                            + " has no kernel: "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean onGpu(Pipeline p) {
        return p.model().device().isGpu();
    }

    private static ScoringPath pathOf(Pipeline p) {
        return p.usesKernel() ? ScoringPath.KERNEL : ScoringPath.DJL;
    }

    /**
     * Returns a scorer serving the version currently in {@code stage} of {@code name}.
     *
     * @throws ArtifactException if the artifact cannot be loaded or fails verification
     * @throws IllegalStateException if the stage is empty
     */
    public static Scorer fromRegistry(ModelRegistry registry, String name, String stage)
            throws ArtifactException {
        return builder().setRegistry(registry).setName(name).setStage(stage).build();
    }

    /** Returns a builder for a registry-backed scorer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores one window of feature rows.
     *
     * @param rows {@code window} rows of the schema's columns, oldest first
     * @throws IllegalArgumentException if the input fails the schema (see {@link Pipeline#score})
     * @throws IllegalStateException if the scorer is closed
     */
    public Prediction score(double[][] rows) {
        long t0 = System.nanoTime();
        Loaded h = acquire();
        try {
            Prediction p = h.pipeline.score(rows);
            windows.increment();
            return p;
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        } finally {
            finish(h, t0);
        }
    }

    /**
     * Scores a batch of windows in one model call.
     *
     * @throws IllegalArgumentException if a window fails the checks ({@code window i: ...})
     * @throws IllegalStateException if the scorer is closed
     */
    public BatchPrediction scoreBatch(double[][][] batch) {
        long t0 = System.nanoTime();
        Loaded h = acquire();
        try {
            BatchPrediction p = h.pipeline.scoreBatch(batch);
            windows.add(p.rows());
            return p;
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        } finally {
            finish(h, t0);
        }
    }

    /**
     * Scores the window ending at the last row of a feature frame.
     *
     * @throws IllegalArgumentException as {@link Pipeline#score(Frame)}
     * @throws IllegalStateException if the scorer is closed
     */
    public Prediction score(Frame featureRows) {
        return call(p -> p.score(featureRows));
    }

    /**
     * Computes features over bars and scores the window ending at the last bar.
     *
     * @throws IllegalArgumentException as {@link Pipeline#score(BarSeries)}
     * @throws IllegalStateException if the scorer is closed
     */
    public Prediction score(BarSeries bars) {
        return call(p -> p.score(bars));
    }

    /**
     * Computes features over bars and scores every complete window (see {@link Pipeline#scoreAll}).
     *
     * @throws IllegalArgumentException as {@link Pipeline#scoreAll}
     * @throws IllegalStateException if the scorer is closed
     */
    public BatchPrediction scoreAll(BarSeries bars) {
        return call(p -> p.scoreAll(bars));
    }

    private <T> T call(Function<Pipeline, T> f) {
        long t0 = System.nanoTime();
        Loaded h = acquire();
        try {
            T r = f.apply(h.pipeline);
            windows.add(r instanceof BatchPrediction b ? b.rows() : 1);
            return r;
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        } finally {
            finish(h, t0);
        }
    }

    /** Scores a streaming window after checking the serving version computes the same features. */
    Prediction scoreStreaming(double[][] rows, String featureKey, int window) {
        long t0 = System.nanoTime();
        Loaded h = acquire();
        try {
            if (!h.featureJson.equals(featureKey) || h.pipeline.window() != window) {
                throw new IllegalStateException(
                        "version "
                                + h.pipeline.version()
                                + " computes other features or another window ("
                                + h.pipeline.window()
                                + ") than this streaming scorer was built for; create a new one");
            }
            Prediction p = h.pipeline.score(rows);
            windows.increment();
            return p;
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        } finally {
            finish(h, t0);
        }
    }

    private Loaded acquire() {
        while (true) {
            if (closed) {
                throw new IllegalStateException("scorer " + describe() + " is closed");
            }
            Loaded h = current.get();
            if (h.retain()) {
                return h;
            }
        }
    }

    private void finish(Loaded h, long t0) {
        h.release();
        calls.increment();
        latency.record(System.nanoTime() - t0);
    }

    /**
     * Returns a bar-by-bar scorer for one instrument using the serving version's feature stage.
     *
     * @param zone the zone calendar features use
     * @throws IllegalStateException if the scorer is closed
     */
    public StreamingScorer streaming(ZoneId zone) {
        Loaded h = acquire();
        try {
            return new StreamingScorer(this, h.pipeline, h.featureJson, zone);
        } finally {
            h.release();
        }
    }

    /**
     * Returns the forward path of the version now serving: {@link ScoringPath#KERNEL} or {@link
     * ScoringPath#DJL}, never {@code AUTO}.
     */
    public ScoringPath path() {
        return pathOf(current.get().pipeline);
    }

    /** Returns the path requested at construction ({@link ScoringPath#AUTO} unless forced). */
    public ScoringPath requestedPath() {
        return requestedPath;
    }

    /** Returns the version now serving (0 for a pipeline not from a registry). */
    public int version() {
        return current.get().pipeline.version();
    }

    /**
     * Loads {@code version} from the registry and swaps it in without blocking or failing calls in
     * flight; the old network closes after its last call. A no-op if it is already serving.
     *
     * @throws ArtifactException if the version cannot be loaded (the old one keeps serving)
     * @throws IllegalArgumentException if the path is forced to the kernel and the version's
     *     architecture has none (the old one keeps serving)
     * @throws IllegalStateException if the scorer has no registry or is closed
     */
    public void swapTo(int version) throws ArtifactException {
        requireRegistry();
        synchronized (swapLock) {
            if (version() == version) {
                return;
            }
            install(Pipeline.fromRegistry(registry, name, version, device));
        }
    }

    /**
     * Swaps in a pipeline given by the caller (taking ownership of it), on the path chosen as for a
     * loaded version.
     *
     * @throws IllegalArgumentException if the path is forced to the kernel and the pipeline's
     *     architecture has none (the pipeline is closed then; the old one keeps serving)
     * @throws IllegalStateException if the scorer is closed (the pipeline is closed then)
     */
    public void swap(Pipeline next) {
        Objects.requireNonNull(next, "next");
        synchronized (swapLock) {
            install(next);
        }
    }

    private void install(Pipeline loaded) {
        if (closed) {
            loaded.close();
            throw new IllegalStateException("scorer " + describe() + " is closed");
        }
        Pipeline next = choosePath(loaded);
        live.incrementAndGet();
        Loaded old = current.getAndSet(new Loaded(next));
        swaps.increment();
        old.release();
        LOG.info(
                "scorer {} now serves version {} on the {} path",
                describe(),
                next.version(),
                pathOf(next));
    }

    /**
     * Swaps to the version currently in the followed stage if it differs from the serving one.
     *
     * @return whether a swap happened
     * @throws ArtifactException if the registry cannot be read or the version loaded
     * @throws IllegalStateException if the scorer has no registry or is closed
     */
    public boolean refresh() throws ArtifactException {
        requireRegistry();
        OptionalInt v = registry.current(name, stage);
        if (v.isEmpty() || v.getAsInt() == version()) {
            return false;
        }
        swapTo(v.getAsInt());
        return true;
    }

    private void requireRegistry() {
        if (registry == null) {
            throw new IllegalStateException(
                    "scorer serves an in-memory pipeline; swapTo and refresh need a registry");
        }
    }

    private ScheduledExecutorService startFollowing(Duration every) {
        ScheduledExecutorService s =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "maasfin-scorer-follow-" + name);
                            t.setDaemon(true);
                            return t;
                        });
        long ms = every.toMillis();
        s.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return s;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Exception e) {
            LOG.warn("scorer {} could not follow stage {}: {}", describe(), stage, e.toString());
        }
    }

    /** Returns a snapshot of the counters and latency percentiles. */
    public ScorerStats stats() {
        return new ScorerStats(
                calls.sum(),
                windows.sum(),
                failures.sum(),
                swaps.sum(),
                version(),
                live.get(),
                latency.percentile(0.50),
                latency.percentile(0.90),
                latency.percentile(0.99),
                latency.percentile(0.999),
                latency.percentile(1.0));
    }

    private String describe() {
        return name == null ? "(in-memory)" : name + "/" + stage;
    }

    /**
     * Stops following the stage and releases the serving pipeline once calls in flight finish;
     * later calls fail with IllegalStateException. Idempotent.
     */
    @Override
    public void close() {
        synchronized (swapLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (follower != null) {
                follower.shutdownNow();
            }
            current.get().release();
        }
    }

    /**
     * Builds a registry-backed {@link Scorer}: registry, name and stage are required; version,
     * device, forward path and stage following are optional. Not thread-safe.
     */
    public static final class Builder {
        private ModelRegistry registry;
        private String name;
        private String stage;
        private DeviceSpec device;
        private Duration followEvery;
        private ScoringPath path = ScoringPath.AUTO;
        private Integer version;

        private Builder() {}

        /** Sets the registry (required). */
        public Builder setRegistry(ModelRegistry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        /** Sets the model name in the registry (required). */
        public Builder setName(String n) {
            this.name = Objects.requireNonNull(n, "name");
            return this;
        }

        /** Sets the stage to serve, e.g. {@code production} (required). */
        public Builder setStage(String s) {
            this.stage = Objects.requireNonNull(s, "stage");
            return this;
        }

        /** Loads networks on this device instead of the one recorded in each artifact. */
        public Builder optDevice(DeviceSpec d) {
            this.device = Objects.requireNonNull(d, "device");
            return this;
        }

        /**
         * Chooses the forward path (default {@link ScoringPath#AUTO}: the kernel when the
         * architecture has one and the network is on the CPU, else DJL).
         */
        public Builder optPath(ScoringPath p) {
            this.path = Objects.requireNonNull(p, "path");
            return this;
        }

        /**
         * Serves this version at start instead of the stage's current one (following the stage, if
         * enabled, moves to the stage's holder at the first poll).
         *
         * @throws IllegalArgumentException if {@code v < 1}
         */
        public Builder optVersion(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("version must be >= 1 but was " + v);
            }
            this.version = v;
            return this;
        }

        /**
         * Polls the stage at this interval and swaps when it points to another version.
         *
         * @throws IllegalArgumentException if the interval is shorter than 1 ms
         */
        public Builder optFollowEvery(Duration every) {
            Objects.requireNonNull(every, "every");
            if (every.toMillis() < 1) {
                throw new IllegalArgumentException(
                        "follow interval must be >= 1 ms but was " + every);
            }
            this.followEvery = every;
            return this;
        }

        /**
         * Loads the stage's current version (or the one given to {@link #optVersion}) and returns
         * the scorer.
         *
         * @throws IllegalArgumentException naming every missing required value, or if the path is
         *     forced to the kernel and the version's architecture has none (naming it)
         * @throws IllegalStateException if the stage is empty and no version was given
         * @throws ArtifactException if the artifact cannot be loaded or fails verification
         */
        public Scorer build() throws ArtifactException {
            List<String> missing = new ArrayList<>();
            if (registry == null) {
                missing.add("registry");
            }
            if (name == null) {
                missing.add("name");
            }
            if (stage == null) {
                missing.add("stage");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("scorer builder is missing " + missing);
            }
            int v =
                    version != null
                            ? version
                            : registry.current(name, stage)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            "stage "
                                                                    + stage
                                                                    + " of "
                                                                    + name
                                                                    + " is empty"));
            return new Scorer(Pipeline.fromRegistry(registry, name, v, device), this);
        }
    }
}
