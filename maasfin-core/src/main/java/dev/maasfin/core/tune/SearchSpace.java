// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The hyper-parameters to tune and the range each is sampled from.
 *
 * <p>Three kinds: an integer uniform on {@code [lo, hi]} (both ends included), a real uniform on
 * {@code [lo, hi)} in linear or log scale ({@link Scale}), and a categorical choice uniform over
 * its listed values. Sampling is seeded: {@link #sample(int, long)} draws configurations one after
 * the other from one {@link SplittableRandom}, so the same seed and count give the same list on any
 * machine and thread count. Thread-safe: immutable.
 */
public final class SearchSpace {
    private final List<Parameter> parameters;

    private SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the parameter names in declaration order. */
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /**
     * Draws {@code count} configurations from {@code new SplittableRandom(seed)}, in order.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public List<Configuration> sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1 but was " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Configuration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(rng));
        }
        return out;
    }

    /** Draws one configuration, one random number per parameter in declaration order. */
    public Configuration sample(SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), p.sample(rng));
        }
        return Configuration.of(values);
    }

    /** Describes the space, e.g. {@code [lr real LOG [1.0E-5, 1.0), units int [8, 64]]}. */
    @Override
    public String toString() {
        return parameters.toString();
    }

    private interface Parameter {
        String name();

        Object sample(SplittableRandom rng);
    }

    private record IntParameter(String name, int lo, int hi) implements Parameter {
        @Override
        public Object sample(SplittableRandom rng) {
            return (int) (lo + rng.nextLong((long) hi - lo + 1));
        }

        @Override
        public String toString() {
            return name + " int [" + lo + ", " + hi + "]";
        }
    }

    private record RealParameter(String name, double lo, double hi, Scale scale)
            implements Parameter {
        @Override
        public Object sample(SplittableRandom rng) {
            double u = rng.nextDouble();
            double x =
                    scale == Scale.LINEAR
                            ? lo + u * (hi - lo)
                            : Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
            // Rounding in exp/log or lo + u(hi - lo) can land on hi or just outside; keep [lo, hi).
            return x < lo ? lo : (x >= hi ? Math.nextDown(hi) : x);
        }

        @Override
        public String toString() {
            return name + " real " + scale + " [" + lo + ", " + hi + ")";
        }
    }

    private record ChoiceParameter(String name, List<Object> values) implements Parameter {
        @Override
        public Object sample(SplittableRandom rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public String toString() {
            return name + " choice " + values;
        }
    }

    /**
     * Declares parameters in order; {@code build()} rejects an empty space. Not thread-safe.
     *
     * <p>Every {@code opt*} method validates its arguments at once and throws {@link
     * IllegalArgumentException} naming the parameter, the bad value and the rule.
     */
    public static final class Builder {
        private final List<Parameter> parameters = new ArrayList<>();

        private Builder() {}

        /**
         * Adds an integer parameter uniform on {@code [lo, hi]}, both ends included.
         *
         * @throws IllegalArgumentException if the name is blank or already used, or {@code lo > hi}
         */
        public Builder optInt(String name, int lo, int hi) {
            checkNewName(name);
            if (lo > hi) {
                throw new IllegalArgumentException(
                        "lo must be <= hi for int '" + name + "' but was " + lo + " > " + hi);
            }
            parameters.add(new IntParameter(name, lo, hi));
            return this;
        }

        /**
         * Adds a real parameter on {@code [lo, hi)}, uniform in the given scale.
         *
         * @throws IllegalArgumentException if the name is blank or already used, a bound is not
         *     finite, {@code lo >= hi}, or the scale is LOG and {@code lo <= 0}
         */
        public Builder optReal(String name, double lo, double hi, Scale scale) {
            checkNewName(name);
            Objects.requireNonNull(scale, "scale");
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException(
                        "bounds must be finite for real '" + name + "' but were " + lo + ", " + hi);
            }
            if (!(lo < hi)) {
                throw new IllegalArgumentException(
                        "lo must be < hi for real '" + name + "' but was " + lo + " >= " + hi);
            }
            if (scale == Scale.LOG && !(lo > 0)) {
                throw new IllegalArgumentException(
                        "log scale needs lo > 0 for '" + name + "' but was " + lo);
            }
            parameters.add(new RealParameter(name, lo, hi, scale));
            return this;
        }

        /**
         * Adds a categorical parameter uniform over {@code values} (Integer, Double, String or
         * Boolean; distinct).
         *
         * @throws IllegalArgumentException if the name is blank or already used, no value is given,
         *     a value has another type or is null, or a value repeats
         */
        public Builder optChoice(String name, Object... values) {
            checkNewName(name);
            Objects.requireNonNull(values, "values");
            if (values.length == 0) {
                throw new IllegalArgumentException(
                        "choice '" + name + "' needs at least one value but had none");
            }
            List<Object> list = new ArrayList<>();
            for (Object v : values) {
                Object checked = Configuration.checkedValue(name, v);
                if (list.contains(checked)) {
                    throw new IllegalArgumentException(
                            "choice '" + name + "' lists value " + v + " more than once");
                }
                list.add(checked);
            }
            parameters.add(new ChoiceParameter(name, List.copyOf(list)));
            return this;
        }

        /**
         * Returns the space.
         *
         * @throws IllegalArgumentException if no parameter was declared
         */
        public SearchSpace build() {
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException(
                        "search space needs at least one parameter but had none");
            }
            return new SearchSpace(parameters);
        }

        private void checkNewName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        "parameter name must not be blank but was " + name);
            }
            for (Parameter p : parameters) {
                if (p.name().equals(name)) {
                    throw new IllegalArgumentException(
                            "parameter '" + name + "' is declared more than once");
                }
            }
        }
    }
}
