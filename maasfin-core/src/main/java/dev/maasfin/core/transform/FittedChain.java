// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.TransformState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fitted transforms applied in order; {@link #inverse} undoes them in reverse order.
 *
 * <p>{@link #states()} is the list of step states (save it with {@link
 * TransformStates#toJson(List)}). {@link #state()} packs the same list into one {@code "chain"}
 * state whose params {@code step.0, step.1, ...} hold each step's state as JSON text (exact
 * doubles), so a chain can itself be a step or be restored with {@link TransformStates#restore}.
 * Thread-safe: immutable.
 */
public final class FittedChain implements FittedTransform {
    /** Registered type name. */
    public static final String TYPE = "chain";

    private final List<FittedTransform> steps;

    /**
     * Creates a chain of fitted steps.
     *
     * @throws IllegalArgumentException if {@code steps} is empty
     */
    public FittedChain(List<FittedTransform> steps) {
        Objects.requireNonNull(steps, "steps");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a fitted chain needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    /**
     * Rebuilds a chain from its step states, restoring each through the registry.
     *
     * @throws IllegalArgumentException if a step's type is not registered or its state invalid
     */
    public static FittedChain fromStates(List<TransformState> states) {
        List<FittedTransform> steps = new ArrayList<>(states.size());
        for (TransformState s : states) {
            steps.add(TransformStates.restore(s));
        }
        return new FittedChain(steps);
    }

    /**
     * Rebuilds a chain from a {@code "chain"} state made by {@link #state()}.
     *
     * @throws IllegalArgumentException if the type is wrong or a step param is missing or invalid
     */
    public static FittedChain fromState(TransformState state) {
        if (!TYPE.equals(state.type())) {
            throw new IllegalArgumentException(
                    "state type must be '" + TYPE + "' but was '" + state.type() + "'");
        }
        String count = state.params().get("steps");
        if (count == null) {
            throw new IllegalArgumentException("chain state has no 'steps' param");
        }
        int n = Integer.parseInt(count);
        List<TransformState> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String json = state.params().get("step." + i);
            if (json == null) {
                throw new IllegalArgumentException("chain state has no param 'step." + i + "'");
            }
            states.add(TransformStates.fromJson(json));
        }
        return fromStates(states);
    }

    /** Returns the fitted steps in order. */
    public List<FittedTransform> steps() {
        return steps;
    }

    /** Returns each step's state, in order. */
    public List<TransformState> states() {
        List<TransformState> out = new ArrayList<>(steps.size());
        for (FittedTransform f : steps) {
            out.add(f.state());
        }
        return out;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a step rejects its input
     */
    @Override
    public Frame apply(Frame input) {
        Frame current = input;
        for (FittedTransform f : steps) {
            current = f.apply(current);
        }
        return current;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException if a step is not invertible
     */
    @Override
    public Frame inverse(Frame transformed) {
        Frame current = transformed;
        for (int i = steps.size() - 1; i >= 0; i--) {
            current = steps.get(i).inverse(current);
        }
        return current;
    }

    @Override
    public TransformState state() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("steps", Integer.toString(steps.size()));
        for (int i = 0; i < steps.size(); i++) {
            params.put("step." + i, TransformStates.toJson(steps.get(i).state()));
        }
        return new TransformState(TYPE, List.of(), params, Map.of());
    }

    @Override
    public String toString() {
        return "chain" + steps;
    }
}
