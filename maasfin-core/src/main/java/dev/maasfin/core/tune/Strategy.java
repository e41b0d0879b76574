// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link Tuner} spends its trial budget: plain random search, synchronous successive
 * halving, or asynchronous successive halving (ASHA).
 *
 * <p>Successive halving (Jamieson and Talwalkar 2016, the inner loop of Hyperband, Li et al. 2018)
 * evaluates all {@code n} sampled configurations at the smallest resource {@code r0 = minResource},
 * keeps the best {@code max(1, floor(n_k / eta))} of rung {@code k} and re-evaluates them at
 * resource {@code r0 * eta^(k+1)}, for as long as that resource does not exceed {@code
 * maxResource}. With {@code eta = 3}, 27 configurations and resources 1..27 the rungs hold 27, 9, 3
 * and 1 configurations at resources 1, 3, 9 and 27. A rung starts only when the previous one has
 * finished, so the result does not depend on thread timing.
 *
 * <p>ASHA (Li et al. 2020, "A System for Massively Parallel Hyperparameter Tuning") uses the same
 * rungs but never waits: whenever a thread is free it promotes a configuration that lies in the top
 * {@code floor(c_k / eta)} of the {@code c_k} results finished so far at some rung {@code k} and
 * has not been promoted yet (highest rung first), and otherwise starts the next new configuration
 * at rung 0. With one thread the order of events, and so the result, is fixed by the seed; with
 * more threads the set of sampled configurations and every per-trial seed are still fixed, but
 * which configurations get promoted depends on the order in which trials finish, so the chosen
 * configuration can vary between runs.
 *
 * <p>A promoted configuration is trained again from scratch at the larger resource (the objective
 * may resume from its own cache, keyed by trial id). Thread-safe: immutable.
 */
public final class Strategy {
    /** The kind of strategy. */
    public enum Kind {
        /** Every trial evaluated once at a fixed resource. */
        RANDOM_SEARCH,
        /** Synchronous successive halving. */
        SUCCESSIVE_HALVING,
        /** Asynchronous successive halving. */
        ASHA
    }

    private final Kind kind;
    private final int eta;
    private final int[] rungResources;

    private Strategy(Kind kind, int eta, int[] rungResources) {
        this.kind = kind;
        this.eta = eta;
        this.rungResources = rungResources;
    }

    /**
     * Random search: every sampled configuration is evaluated once at {@code resource}.
     *
     * @throws IllegalArgumentException if {@code resource < 1}
     */
    public static Strategy randomSearch(int resource) {
        checkAtLeast("resource", resource, 1);
        return new Strategy(Kind.RANDOM_SEARCH, 0, new int[] {resource});
    }

    /**
     * Synchronous successive halving with reduction factor {@code eta}.
     *
     * @throws IllegalArgumentException if {@code eta < 2}, {@code minResource < 1} or {@code
     *     maxResource < minResource}
     */
    public static Strategy successiveHalving(int eta, int minResource, int maxResource) {
        return new Strategy(Kind.SUCCESSIVE_HALVING, eta, rungs(eta, minResource, maxResource));
    }

    /**
     * Asynchronous successive halving (ASHA) with reduction factor {@code eta}.
     *
     * @throws IllegalArgumentException if {@code eta < 2}, {@code minResource < 1} or {@code
     *     maxResource < minResource}
     */
    public static Strategy asha(int eta, int minResource, int maxResource) {
        return new Strategy(Kind.ASHA, eta, rungs(eta, minResource, maxResource));
    }

    private static int[] rungs(int eta, int minResource, int maxResource) {
        checkAtLeast("eta", eta, 2);
        checkAtLeast("minResource", minResource, 1);
        if (maxResource < minResource) {
            throw new IllegalArgumentException(
                    "maxResource must be >= minResource ("
                            + minResource
                            + ") but was "
                            + maxResource);
        }
        List<Integer> out = new ArrayList<>();
        for (long r = minResource; r <= maxResource; r *= eta) {
            out.add((int) r);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " but was " + value);
        }
    }

    /** Returns the kind. */
    public Kind kind() {
        return kind;
    }

    /** Returns the reduction factor, or 0 for random search. */
    public int eta() {
        return eta;
    }

    /**
     * Returns the resource of each rung: {@code minResource * eta^k} up to {@code maxResource}
     * (which is not itself a rung unless it is of that form); a single entry for random search.
     */
    public int[] rungResources() {
        return rungResources.clone();
    }

    int rungCount() {
        return rungResources.length;
    }

    int resource(int rung) {
        return rungResources[rung];
    }

    /** Returns the resource of the last rung, used for the final evaluation on the test part. */
    public int topResource() {
        return rungResources[rungResources.length - 1];
    }

    /** Describes the strategy, e.g. {@code SUCCESSIVE_HALVING eta 3 resources [1, 3, 9, 27]}. */
    @Override
    public String toString() {
        return kind
                + (eta > 0 ? " eta " + eta : "")
                + " resources "
                + java.util.Arrays.toString(rungResources);
    }
}
