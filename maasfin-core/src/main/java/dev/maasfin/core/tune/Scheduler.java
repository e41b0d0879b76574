// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which (trial, rung) to evaluate next for one search. Used by the tuner's single
 * coordinating thread only; not thread-safe.
 */
abstract class Scheduler {
    /** One evaluation to run: a configuration (by trial id) at a rung. */
    record Job(int trialId, int rung) {}

    final Strategy strategy;
    final int trials;
    final Comparator<TrialRecord> ranking;

    private Scheduler(Strategy strategy, int trials, Direction direction) {
        this.strategy = strategy;
        this.trials = trials;
        this.ranking = ranking(direction);
    }

    static Scheduler of(Strategy strategy, int trials, Direction direction) {
        return switch (strategy.kind()) {
            case RANDOM_SEARCH -> new RandomSearch(strategy, trials, direction);
            case SUCCESSIVE_HALVING -> new Halving(strategy, trials, direction);
            case ASHA -> new Asha(strategy, trials, direction);
        };
    }

    /** Completed rows first, best metric first, then lower trial id; failed rows last. */
    static Comparator<TrialRecord> ranking(Direction direction) {
        return Comparator.comparing((TrialRecord r) -> r.status() != TrialStatus.COMPLETED)
                .thenComparingDouble(r -> direction.key(r.mean()))
                .thenComparingInt(TrialRecord::trialId);
    }

    /** Returns the job to start now, or null if none can start until a running job finishes. */
    abstract Job next();

    /** Records a finished job. */
    abstract void finished(TrialRecord record);

    /** Every trial once at rung 0, in trial order. */
    private static final class RandomSearch extends Scheduler {
        private int nextTrial;

        RandomSearch(Strategy strategy, int trials, Direction direction) {
            super(strategy, trials, direction);
        }

        @Override
        Job next() {
            return nextTrial < trials ? new Job(nextTrial++, 0) : null;
        }

        @Override
        void finished(TrialRecord record) {}
    }

    /** Synchronous successive halving: a rung starts after the previous one has finished. */
    private static final class Halving extends Scheduler {
        private final Deque<Integer> pending = new ArrayDeque<>();
        private final List<TrialRecord> rungResults = new ArrayList<>();
        private int rung;
        private int started;

        Halving(Strategy strategy, int trials, Direction direction) {
            super(strategy, trials, direction);
            for (int t = 0; t < trials; t++) {
                pending.add(t);
            }
        }

        @Override
        Job next() {
            if (pending.isEmpty() && rungResults.size() == started) {
                promote();
            }
            if (pending.isEmpty()) {
                return null;
            }
            started++;
            return new Job(pending.poll(), rung);
        }

        private void promote() {
            if (rung + 1 >= strategy.rungCount() || rungResults.isEmpty()) {
                return;
            }
            int keep = Math.max(1, rungResults.size() / strategy.eta());
            rungResults.stream()
                    .sorted(ranking)
                    .limit(keep)
                    .filter(r -> r.status() == TrialStatus.COMPLETED)
                    .map(TrialRecord::trialId)
                    .sorted()
                    .forEach(pending::add);
            rung++;
            started = 0;
            rungResults.clear();
        }

        @Override
        void finished(TrialRecord record) {
            rungResults.add(record);
        }
    }

    /** Asynchronous successive halving: promote whenever a top-1/eta result is waiting. */
    private static final class Asha extends Scheduler {
        private final List<List<TrialRecord>> results = new ArrayList<>();
        private final List<Set<Integer>> promoted = new ArrayList<>();
        private int nextTrial;

        Asha(Strategy strategy, int trials, Direction direction) {
            super(strategy, trials, direction);
            for (int k = 0; k < strategy.rungCount(); k++) {
                results.add(new ArrayList<>());
                promoted.add(new HashSet<>());
            }
        }

        @Override
        Job next() {
            for (int k = strategy.rungCount() - 2; k >= 0; k--) {
                Job job = promotable(k);
                if (job != null) {
                    return job;
                }
            }
            return nextTrial < trials ? new Job(nextTrial++, 0) : null;
        }

        private Job promotable(int k) {
            List<TrialRecord> done = results.get(k);
            int top = done.size() / strategy.eta();
            List<TrialRecord> best = done.stream().sorted(ranking).limit(top).toList();
            for (TrialRecord r : best) {
                if (r.status() == TrialStatus.COMPLETED && promoted.get(k).add(r.trialId())) {
                    return new Job(r.trialId(), k + 1);
                }
            }
            return null;
        }

        @Override
        void finished(TrialRecord record) {
            results.get(record.rung()).add(record);
        }
    }
}
