// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import dev.maasfin.api.split.Split;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hyper-parameter search over a {@link SearchSpace} with time-series-aware validation and a single,
 * explicit evaluation on the held-out test part.
 *
 * <p>The folds are {@link Split}s, typically walk-forward or purged k-fold splits. During {@link
 * #search()} the {@link Objective} only ever receives a fold's training and validation indices. The
 * test part (the union of every fold's {@link Split#test()} indices) is kept back, and {@link
 * #build()} rejects folds whose training or validation rows overlap it. The test part is passed to
 * the objective exactly once, when the caller calls {@link #evaluateOnTest(Configuration)} with the
 * chosen configuration; a second call is refused.
 *
 * <p>All {@code maxTrials} configurations are fixed up front ({@link #configurations()}): the
 * caller's first configurations, if any (e.g. the current default), then ones sampled from the
 * seed; and trial {@code i} gets seed {@link #trialSeed(long, int) trialSeed(seed, i)}, so neither
 * depends on thread timing. Random search and synchronous successive halving give the same table
 * (apart from wall times) and the same best configuration for a seed at any thread count; ASHA does
 * so only with one thread (see {@link Strategy}).
 *
 * <p>Budgets: the number of sampled configurations ({@code maxTrials}) and, optionally, a wall time
 * measured with an injectable {@link Clock}: once it is used up no new evaluation starts, the
 * running ones finish and are recorded, and the result says {@link StopReason#WALL_TIME}. A trial
 * whose objective throws or returns NaN/infinity is recorded as {@link TrialStatus#FAILED} with the
 * message and the search goes on.
 *
 * <p>Thread safety: {@link #search()} may be called from any thread and runs the objective on its
 * own pool of {@code threads} daemon threads (or on the calling thread when {@code threads == 1});
 * concurrent {@code search()} calls on one tuner are allowed but share the objective. {@link
 * #evaluateOnTest(Configuration)} succeeds at most once per tuner (an atomic flag).
 */
public final class Tuner {
    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);

    final SearchSpace space;
    final Objective objective;
    final Direction direction;
    final Strategy strategy;
    final long seed;
    final int threads;
    final Duration maxWallTime;
    final Clock clock;
    final TrialListener listener;
    final List<Configuration> configurations;
    final int[][] trainRows;
    final int[][] validationRows;
    private final int[] testRows;
    private final int[] finalTrainRows;
    private final AtomicBoolean testUsed = new AtomicBoolean();

    private Tuner(Builder b) {
        this.space = b.space;
        this.objective = b.objective;
        this.direction = b.direction;
        this.strategy = b.strategy;
        this.seed = b.seed;
        this.threads = b.threads;
        this.maxWallTime = b.maxWallTime;
        this.clock = b.clock;
        this.listener = b.listener;
        this.configurations = configurations(b);
        int k = b.folds.size();
        this.trainRows = new int[k][];
        this.validationRows = new int[k][];
        for (int f = 0; f < k; f++) {
            trainRows[f] = b.folds.get(f).train();
            validationRows[f] = b.folds.get(f).validation();
        }
        this.testRows = testPart(b.folds);
        this.finalTrainRows = union(trainRows[k - 1], validationRows[k - 1]);
    }

    /** The given first configurations, then {@code maxTrials - first} sampled ones. */
    private static List<Configuration> configurations(Builder b) {
        List<Configuration> all = new ArrayList<>(b.firstConfigurations);
        int sampled = b.maxTrials - all.size();
        if (sampled > 0) {
            all.addAll(b.space.sample(sampled, b.seed));
        }
        return List.copyOf(all);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the seed of trial {@code trialId}: the SplitMix64 finaliser applied to {@code
     * tunerSeed + 0x9E3779B97F4A7C15 * (trialId + 1)}. The final test evaluation uses {@code
     * trialSeed(tunerSeed, -1)}.
     */
    public static long trialSeed(long tunerSeed, int trialId) {
        long z = tunerSeed + 0x9E3779B97F4A7C15L * (trialId + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the trials' configurations: the builder's first configurations, if any, then the
     * sampled ones; trial {@code i} evaluates element {@code i}.
     */
    public List<Configuration> configurations() {
        return configurations;
    }

    /** Returns the number of folds. */
    public int foldCount() {
        return trainRows.length;
    }

    /** Returns a copy of the test part: the sorted union of every fold's test indices. */
    public int[] testRows() {
        return testRows.clone();
    }

    /**
     * Runs the search and returns every trial's row and the best configuration.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting for trials;
     *     the pool is then shut down and running objectives are interrupted
     */
    public TuningResult search() throws InterruptedException {
        return new SearchRun(this).run();
    }

    /**
     * Retrains {@code configuration} on the last fold's training and validation rows together and
     * returns its metric on the test part; the one and only call that shows the objective test
     * rows.
     *
     * <p>The objective receives {@link TrialFold#isTest()} true, trial id, rung and fold -1, the
     * resource of the strategy's last rung and seed {@code trialSeed(seed, -1)}.
     *
     * @throws IllegalArgumentException if the configuration's parameter names differ from the
     *     search space's
     * @throws IllegalStateException if no fold has a test part, the test part was already used by
     *     an earlier call (even a failed one), or the objective fails or returns NaN/infinity
     */
    public double evaluateOnTest(Configuration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        checkSameNames(configuration);
        if (testRows.length == 0) {
            throw new IllegalStateException(
                    "no fold has a test part; give folds whose Split.test() holds the held-out"
                            + " rows");
        }
        if (!testUsed.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "the test part was already used; evaluateOnTest may be called once per tuner");
        }
        double metric = finalMetric(configuration);
        LOG.info("final evaluation on {} test rows: {}", testRows.length, metric);
        return metric;
    }

    private double finalMetric(Configuration configuration) {
        TrialFold fold =
                new TrialFold(
                        -1,
                        -1,
                        -1,
                        configuration,
                        trialSeed(seed, -1),
                        strategy.topResource(),
                        finalTrainRows,
                        testRows,
                        true);
        double metric;
        try {
            metric = objective.evaluate(fold);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "final evaluation on the test part failed: " + SearchRun.describe(e), e);
        }
        if (!Double.isFinite(metric)) {
            throw new IllegalStateException("final evaluation on the test part returned " + metric);
        }
        return metric;
    }

    private void checkSameNames(Configuration configuration) {
        if (!configuration.names().equals(space.names())) {
            throw new IllegalArgumentException(
                    "configuration parameters "
                            + configuration.names()
                            + " do not match the search space "
                            + space.names());
        }
    }

    private static int[] testPart(List<Split> folds) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (Split s : folds) {
            for (int i : s.test()) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] union(int[] a, int[] b) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (int i : a) {
            rows.add(i);
        }
        for (int i : b) {
            rows.add(i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Collects the search settings; {@code setX} values are required, {@code optX} optional. Not
     * thread-safe.
     */
    public static final class Builder {
        private SearchSpace space;
        private Objective objective;
        private List<Split> folds;
        private Direction direction;
        private int maxTrials;
        private Long seed;
        private Strategy strategy = Strategy.randomSearch(1);
        private int threads = 1;
        private Duration maxWallTime;
        private Clock clock = Clock.systemUTC();
        private TrialListener listener = TrialListener.logging();
        private List<Configuration> firstConfigurations = List.of();

        private Builder() {}

        /** Sets the hyper-parameters to search (required). */
        public Builder setSearchSpace(SearchSpace space) {
            this.space = Objects.requireNonNull(space, "space");
            return this;
        }

        /** Sets the function to optimise (required). */
        public Builder setObjective(Objective objective) {
            this.objective = Objects.requireNonNull(objective, "objective");
            return this;
        }

        /**
         * Sets the folds (required): each fold's train and validation parts are used in the search;
         * the union of their test parts is held out for {@link Tuner#evaluateOnTest}.
         *
         * @throws IllegalArgumentException if the list is empty or a fold has an empty training or
         *     validation part
         */
        public Builder setFolds(List<Split> folds) {
            Objects.requireNonNull(folds, "folds");
            if (folds.isEmpty()) {
                throw new IllegalArgumentException(
                        "folds must hold at least one split but was empty");
            }
            for (int f = 0; f < folds.size(); f++) {
                Split s = Objects.requireNonNull(folds.get(f), "fold " + f);
                if (s.train().length == 0 || s.validation().length == 0) {
                    throw new IllegalArgumentException(
                            "fold "
                                    + f
                                    + " needs non-empty train and validation parts but was "
                                    + s);
                }
            }
            this.folds = List.copyOf(folds);
            return this;
        }

        /** Sets whether smaller or larger metrics are better (required). */
        public Builder setDirection(Direction direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /**
         * Sets the number of configurations to sample (required); successive halving starts them
         * all at the first rung.
         *
         * @throws IllegalArgumentException if {@code maxTrials < 1}
         */
        public Builder setMaxTrials(int maxTrials) {
            if (maxTrials < 1) {
                throw new IllegalArgumentException("maxTrials must be >= 1 but was " + maxTrials);
            }
            this.maxTrials = maxTrials;
            return this;
        }

        /** Sets the seed of configuration sampling and of every trial seed (required). */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the strategy; default {@code Strategy.randomSearch(1)}. */
        public Builder optStrategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Sets how many trials run at once; default 1 (on the calling thread).
         *
         * @throws IllegalArgumentException if {@code threads < 1}
         */
        public Builder optThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets the wall-time budget; default none.
         *
         * @throws IllegalArgumentException if the duration is zero or negative
         */
        public Builder optMaxWallTime(Duration maxWallTime) {
            Objects.requireNonNull(maxWallTime, "maxWallTime");
            if (maxWallTime.isZero() || maxWallTime.isNegative()) {
                throw new IllegalArgumentException(
                        "maxWallTime must be > 0 but was " + maxWallTime);
            }
            this.maxWallTime = maxWallTime;
            return this;
        }

        /**
         * Sets configurations evaluated as trials 0, 1, ... before the sampled ones (default none),
         * e.g. a model's current default so that "better than the default" is measured in the same
         * search. They count against {@code maxTrials}: the tuner samples {@code maxTrials -
         * first.size()} further configurations from the seed, the same ones the same seed would
         * give first without them. Their values need not lie in the search space's ranges.
         *
         * @throws IllegalArgumentException if a configuration is null (naming its index)
         */
        public Builder optFirstConfigurations(List<Configuration> first) {
            Objects.requireNonNull(first, "first");
            for (int i = 0; i < first.size(); i++) {
                if (first.get(i) == null) {
                    throw new IllegalArgumentException("first configuration " + i + " is null");
                }
            }
            this.firstConfigurations = List.copyOf(first);
            return this;
        }

        /** Sets the clock for the wall-time budget and row timings; default UTC system clock. */
        public Builder optClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the per-trial listener; default {@link TrialListener#logging()}. */
        public Builder optListener(TrialListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Validates and returns the tuner, sampling its configurations.
         *
         * @throws IllegalArgumentException naming every missing required value, the first fold row
         *     that lies in the test part, a first configuration whose parameter names differ from
         *     the search space's, or more first configurations than {@code maxTrials}
         */
        public Tuner build() {
            List<String> missing = new ArrayList<>();
            addIfMissing(missing, space, "searchSpace");
            addIfMissing(missing, objective, "objective");
            addIfMissing(missing, folds, "folds");
            addIfMissing(missing, direction, "direction");
            addIfMissing(missing, maxTrials == 0 ? null : maxTrials, "maxTrials");
            addIfMissing(missing, seed, "seed");
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("tuner is missing required " + missing);
            }
            checkTestPartHeldOut(folds);
            checkFirstConfigurations();
            return new Tuner(this);
        }

        private void checkFirstConfigurations() {
            if (firstConfigurations.size() > maxTrials) {
                throw new IllegalArgumentException(
                        "maxTrials must be >= the "
                                + firstConfigurations.size()
                                + " first configurations but was "
                                + maxTrials);
            }
            for (int i = 0; i < firstConfigurations.size(); i++) {
                List<String> names = firstConfigurations.get(i).names();
                if (!names.equals(space.names())) {
                    throw new IllegalArgumentException(
                            "first configuration "
                                    + i
                                    + " has parameters "
                                    + names
                                    + " but the search space has "
                                    + space.names());
                }
            }
        }

        private static void addIfMissing(List<String> missing, Object value, String name) {
            if (value == null) {
                missing.add(name);
            }
        }

        private static void checkTestPartHeldOut(List<Split> folds) {
            int[] test = testPart(folds);
            for (int f = 0; f < folds.size(); f++) {
                checkOutside(test, folds.get(f).train(), "fold " + f + " train");
                checkOutside(test, folds.get(f).validation(), "fold " + f + " validation");
            }
        }

        private static void checkOutside(int[] test, int[] rows, String part) {
            for (int i : rows) {
                if (java.util.Arrays.binarySearch(test, i) >= 0) {
                    throw new IllegalArgumentException(
                            part
                                    + " row "
                                    + i
                                    + " is in the test part (the union of the folds' test"
                                    + " rows); the search must never see test rows");
                }
            }
        }
    }
}
