// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import dev.maasfin.api.split.Split;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Walk-forward folds, an instrumented data accessor, a fake clock and a synthetic objective. */
final class TuneFixtures {
    private TuneFixtures() {}

    /**
     * Expanding-window walk-forward folds over rows {@code [0, n - testSize)}: fold j trains on
     * {@code [0, firstTrain + j * validation)} and validates on the next {@code validation} rows;
     * every fold's test part is the last {@code testSize} rows.
     */
    static List<Split> walkForward(int n, int testSize, int folds, int firstTrain, int validation) {
        int[] test = range(n - testSize, n);
        List<Split> out = new ArrayList<>();
        for (int j = 0; j < folds; j++) {
            int end = firstTrain + j * validation;
            out.add(new Split(range(0, end), range(end, end + validation), test));
        }
        return out;
    }

    /** 300 rows: three folds validating on 120..159, 160..199, 200..239; test rows 240..299. */
    static List<Split> threeFolds() {
        return walkForward(300, 60, 3, 120, 40);
    }

    static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    /** A column of data that records every row index read, split by phase. */
    static final class RecordingData {
        private final double[] values;
        private final Set<Integer> searchReads = ConcurrentHashMap.newKeySet();
        private final Set<Integer> finalReads = ConcurrentHashMap.newKeySet();
        private volatile boolean finalPhase;

        RecordingData(int n) {
            Random rng = new Random(7);
            values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rng.nextGaussian();
            }
        }

        double read(int row) {
            (finalPhase ? finalReads : searchReads).add(row);
            return values[row];
        }

        double sum(int[] rows) {
            double s = 0;
            for (int r : rows) {
                s += read(r);
            }
            return s;
        }

        void startFinalPhase() {
            finalPhase = true;
        }

        Set<Integer> searchReads() {
            return searchReads;
        }

        Set<Integer> finalReads() {
            return finalReads;
        }
    }

    /** A clock that moves only when told to; thread-safe. */
    static final class FakeClock extends Clock {
        private final AtomicLong millis = new AtomicLong();

        void advance(long ms) {
            millis.addAndGet(ms);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** lr log-uniform on [1e-5, 1), units 8..64, optimiser adam/sgd. */
    static SearchSpace learningRateSpace() {
        return SearchSpace.builder()
                .optReal("lr", 1e-5, 1.0, Scale.LOG)
                .optInt("units", 8, 64)
                .optChoice("optimiser", "adam", "sgd")
                .build();
    }

    /**
     * Validation loss {@code (log10(lr) + 2.5)^2 + 0.1 [sgd] + 0.05 z + 1 / epochs}, z standard
     * normal from the trial seed and fold; its minimum is at lr = 10^-2.5, the middle of [1e-3,
     * 1e-2]. It also reads its rows through {@code data} so the reads can be audited.
     */
    static Objective syntheticLoss(RecordingData data) {
        return fold -> {
            data.sum(fold.train());
            data.sum(fold.evaluation());
            Configuration c = fold.configuration();
            double d = Math.log10(c.getDouble("lr")) + 2.5;
            double penalty = c.getString("optimiser").equals("sgd") ? 0.1 : 0.0;
            double z = new Random(fold.seed() * 31 + fold.fold()).nextGaussian();
            return d * d + penalty + 0.05 * z + 1.0 / fold.resource();
        };
    }
}
