// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.transform;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several transforms fitted and applied in order: step {@code k} is fitted on the training frame as
 * transformed by steps {@code 0..k-1}, so every step sees only (transformed) training data.
 * Thread-safe: immutable.
 */
public final class TransformChain implements Transform {
    private final List<Transform> steps;

    private TransformChain(List<Transform> steps) {
        this.steps = steps;
    }

    /**
     * Returns a chain of the given steps.
     *
     * @throws IllegalArgumentException if no step is given
     */
    public static TransformChain of(Transform... steps) {
        List<Transform> list = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            list.add(Objects.requireNonNull(steps[i], "step " + i));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a transform chain needs at least one step");
        }
        return new TransformChain(List.copyOf(list));
    }

    /** Returns the steps in order. */
    public List<Transform> steps() {
        return steps;
    }

    /**
     * Fits each step on the training frame transformed by the steps before it.
     *
     * @throws IllegalArgumentException if any step cannot fit (its message says why)
     */
    @Override
    public FittedChain fit(Frame train) {
        List<FittedTransform> fitted = new ArrayList<>(steps.size());
        Frame current = train;
        for (int i = 0; i < steps.size(); i++) {
            FittedTransform f = steps.get(i).fit(current);
            fitted.add(f);
            if (i + 1 < steps.size()) {
                current = f.apply(current);
            }
        }
        return new FittedChain(fitted);
    }
}
