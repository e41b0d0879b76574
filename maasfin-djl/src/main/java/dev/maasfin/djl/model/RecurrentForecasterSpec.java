// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.maasfin.api.model.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A stacked LSTM or GRU forecaster: input {@code [N, window, features]} (batch first, time, then
 * feature), the last time step's hidden state of the top layer, then a dense head with one output
 * per horizon (or, with quantiles, {@code horizons * quantiles} outputs, horizon-major).
 *
 * <p>Every call starts from a zero hidden and cell state (DJL's recurrent block resets its begin
 * state per forward), so predictions are stateless. Dropout acts between stacked layers only, as in
 * PyTorch's {@code nn.LSTM}. Loss: mean squared error, or pinball loss averaged over quantiles when
 * quantiles are set, or (point forecasts) {@link ForecastLoss#QLIKE_LOG}. Initial parameters: DJL's
 * defaults, or PyTorch's scheme ({@link Initialization}). On the PyTorch engine DJL passes the
 * parameters to {@code torch.lstm} unchanged, so gate rows are in PyTorch's order i, f, g, o (GRU:
 * r, z, n); the parameter names map as {@code l_K_i2h_WEIGHT = weight_ih_lK}, {@code l_K_h2h_WEIGHT
 * = weight_hh_lK}, {@code l_K_i2h_BIAS = bias_ih_lK}, {@code l_K_h2h_BIAS = bias_hh_lK}, and the
 * head's {@code weight}, {@code bias} = {@code nn.Linear}'s. Thread-safe: immutable.
 */
public final class RecurrentForecasterSpec implements NetworkSpec {

    /** Architecture name in {@code model.json}. */
    public static final String TYPE = "recurrent-forecaster";

    /** Recurrent cell type. */
    public enum Cell {
        /** Long short-term memory. */
        LSTM,
        /** Gated recurrent unit. */
        GRU
    }

    /**
     * How the parameters are initialised; saved in {@code model.json} as {@code initialization}
     * (absent in artifacts written before the option existed, read as {@link #DJL_DEFAULT}).
     */
    public enum Initialization {
        /**
         * DJL 0.36's per-parameter defaults, drawn from the engine's global generator after it is
         * seeded: weights normal with sd sqrt(2 / fan_in) (Xavier, Gaussian, fan-in, magnitude 2),
         * biases zero. With few input features this makes the LSTM's input weights large (4
         * features: sd 0.71) and saturates the gates at the start.
         */
        DJL_DEFAULT,
        /**
         * PyTorch's defaults for {@code nn.LSTM}/{@code nn.GRU} and {@code nn.Linear}: every
         * recurrent weight and bias uniform on [-1/sqrt(hidden), 1/sqrt(hidden)], the head's weight
         * and bias uniform on [-1/sqrt(fan_in), 1/sqrt(fan_in)] (fan_in = hidden). Values come from
         * a {@link java.util.Random} seeded by the model's seed (mixed with a fixed constant so the
         * stream differs from the trainer's shuffling stream), filled parameter by parameter in the
         * block's order, row-major; they do not depend on the engine's generator. Not bit-equal to
         * the values PyTorch would draw for the same seed.
         */
        PYTORCH
    }

    /**
     * The point-forecast training loss; saved in {@code model.json} as {@code loss} (absent in
     * artifacts written before the option existed, read as {@link #MSE}). Ignored (pinball) when
     * quantiles are set.
     */
    public enum ForecastLoss {
        /** Mean squared error of output against label. */
        MSE,
        /**
         * Patton's (2011) QLIKE for a label t = ln(y / a) and an output o = ln(f / a) on the log
         * scale of a positive target y and forecast f (a = any positive anchor): with e = t - o,
         * y²/f² = exp(2e), so QLIKE = y²/f² - ln(y²/f²) - 1 = exp(2e) - 2e - 1, averaged over
         * samples and horizons. Its expected value is smallest at o = 0.5 ln E[exp(2t)], i.e. f² =
         * E[y²]: the network learns the log of the root mean square target (a mean-variance
         * forecast), not its mean or median. Large positive errors grow exponentially; clip
         * gradients when training with it.
         */
        QLIKE_LOG
    }

    private final int window;
    private final int features;
    private final Cell cell;
    private final int hidden;
    private final int layers;
    private final float dropout;
    private final int horizons;
    private final float[] quantiles;
    private final Initialization initialization;
    private final ForecastLoss loss;

    private RecurrentForecasterSpec(Builder b) {
        this.window = b.window;
        this.features = b.features;
        this.cell = b.cell;
        this.hidden = b.hidden;
        this.layers = b.layers;
        this.dropout = b.dropout;
        this.horizons = b.horizons;
        this.quantiles = b.quantiles.clone();
        this.initialization = b.initialization;
        this.loss = b.loss;
    }

    /** Returns a builder; {@code setWindow} and {@code setFeatures} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.FORECASTER;
    }

    @Override
    public int[] inputShape() {
        return new int[] {window, features};
    }

    @Override
    public int outputWidth() {
        return horizons * Math.max(1, quantiles.length);
    }

    @Override
    public int labelWidth() {
        return horizons;
    }

    /** Returns the quantile levels (empty for point forecasts). */
    public float[] quantiles() {
        return quantiles.clone();
    }

    /** Returns how the parameters are initialised. */
    public Initialization initialization() {
        return initialization;
    }

    /** Returns the point-forecast loss (pinball is used instead when quantiles are set). */
    public ForecastLoss loss() {
        return loss;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("features", features);
        m.put("cell", cell.name());
        m.put("hidden", hidden);
        m.put("layers", layers);
        m.put("dropout", (double) dropout);
        m.put("horizons", horizons);
        List<Double> q = new ArrayList<>();
        for (float v : quantiles) {
            q.add((double) v);
        }
        m.put("quantiles", q);
        m.put("initialization", initialization.name());
        m.put("loss", loss.name());
        return m;
    }

    static RecurrentForecasterSpec fromJson(Map<String, ?> m) {
        return builder()
                .setWindow(JsonValues.intValue(m, "window"))
                .setFeatures(JsonValues.intValue(m, "features"))
                .optCell(Cell.valueOf(JsonValues.string(m, "cell")))
                .optHidden(JsonValues.intValue(m, "hidden"))
                .optLayers(JsonValues.intValue(m, "layers"))
                .optDropout((float) JsonValues.doubleValue(m, "dropout"))
                .optHorizons(JsonValues.intValue(m, "horizons"))
                .optQuantiles(JsonValues.floatArray(m, "quantiles"))
                .optInitialization(
                        JsonValues.enumOrDefault(
                                m,
                                "initialization",
                                Initialization.class,
                                Initialization.DJL_DEFAULT))
                .optLoss(JsonValues.enumOrDefault(m, "loss", ForecastLoss.class, ForecastLoss.MSE))
                .build();
    }

    /**
     * The shapes of the zero initial states the recurrent layer creates when it is given only its
     * input: hidden and cell state for an LSTM, hidden state for a GRU, each {@code [layers, batch,
     * hidden]} (DJL 0.36 {@code LSTM}/{@code GRU} forward with batch-first input). A caller that
     * passes zeros of these shapes after the input gets the same result without the layer
     * allocating them.
     */
    Shape[] zeroStateShapes(int batch) {
        Shape shape = new Shape(layers, batch, hidden);
        return cell == Cell.LSTM ? new Shape[] {shape, shape} : new Shape[] {shape};
    }

    @Override
    public Block newBlock() {
        Block rnn =
                cell == Cell.LSTM
                        ? LSTM.builder()
                                .setStateSize(hidden)
                                .setNumLayers(layers)
                                .optDropRate(dropout)
                                .optBatchFirst(true)
                                .optReturnState(false)
                                .build()
                        : GRU.builder()
                                .setStateSize(hidden)
                                .setNumLayers(layers)
                                .optDropRate(dropout)
                                .optBatchFirst(true)
                                .optReturnState(false)
                                .build();
        return new SequentialBlock()
                .add(rnn)
                .add(new LambdaBlock(x -> new NDList(x.head().get(":, -1, :")), "lastStep"))
                .add(Linear.builder().setUnits(outputWidth()).build());
    }

    @Override
    public Loss newLoss() {
        if (quantiles.length > 0) {
            return Losses.pinball(quantiles, horizons);
        }
        return loss == ForecastLoss.QLIKE_LOG
                ? Losses.qlikeOnLogScale()
                : Losses.meanSquaredError();
    }

    @Override
    public void initializeParameters(Block block, int seed) {
        if (initialization != Initialization.PYTORCH) {
            return;
        }
        // The head's fan_in is the top layer's hidden size, so one bound serves every parameter.
        double bound = 1.0 / Math.sqrt(hidden);
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        for (Pair<String, Parameter> p : block.getParameters()) {
            var array = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(array.getShape().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
            }
            array.set(values);
        }
    }

    /** Builder: {@code setX} required, {@code optX} optional. Not thread-safe. */
    public static final class Builder {
        private int window;
        private int features;
        private Cell cell = Cell.LSTM;
        private int hidden = 32;
        private int layers = 1;
        private float dropout;
        private int horizons = 1;
        private float[] quantiles = {};
        private Initialization initialization = Initialization.DJL_DEFAULT;
        private ForecastLoss loss = ForecastLoss.MSE;

        private Builder() {}

        /** Sets the number of time steps per sample (required, >= 1). */
        public Builder setWindow(int window) {
            this.window = window;
            return this;
        }

        /** Sets the number of features per time step (required, >= 1). */
        public Builder setFeatures(int features) {
            this.features = features;
            return this;
        }

        /** Sets the cell type (default LSTM). */
        public Builder optCell(Cell cell) {
            this.cell = cell;
            return this;
        }

        /** Sets the hidden state size (default 32). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Sets the number of stacked layers (default 1). */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Sets the dropout between stacked layers (default 0). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Sets the number of forecast horizons (default 1). */
        public Builder optHorizons(int horizons) {
            this.horizons = horizons;
            return this;
        }

        /** Sets quantile levels in (0, 1), strictly increasing (default none: point forecast). */
        public Builder optQuantiles(float... quantiles) {
            this.quantiles = quantiles.clone();
            return this;
        }

        /** Sets how the parameters are initialised (default {@link Initialization#DJL_DEFAULT}). */
        public Builder optInitialization(Initialization initialization) {
            this.initialization = initialization;
            return this;
        }

        /**
         * Sets the point-forecast loss (default {@link ForecastLoss#MSE}); {@link
         * ForecastLoss#QLIKE_LOG} cannot be combined with quantiles.
         */
        public Builder optLoss(ForecastLoss loss) {
            this.loss = loss;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming each bad value
         */
        public RecurrentForecasterSpec build() {
            List<String> errors = new ArrayList<>();
            Checks.positive(errors, "window", window);
            Checks.positive(errors, "features", features);
            Checks.positive(errors, "hidden", hidden);
            Checks.positive(errors, "layers", layers);
            Checks.positive(errors, "horizons", horizons);
            Checks.fraction(errors, "dropout", dropout);
            if (cell == null) {
                errors.add("cell is missing");
            }
            if (initialization == null) {
                errors.add("initialization is missing");
            }
            if (loss == null) {
                errors.add("loss is missing");
            } else if (loss != ForecastLoss.MSE && quantiles.length > 0) {
                errors.add(
                        "loss "
                                + loss
                                + " gives point forecasts but quantiles were set to "
                                + java.util.Arrays.toString(quantiles));
            }
            for (int k = 0; k < quantiles.length; k++) {
                boolean inRange = quantiles[k] > 0 && quantiles[k] < 1;
                if (!inRange || (k > 0 && quantiles[k] <= quantiles[k - 1])) {
                    errors.add(
                            "quantiles must be strictly increasing in (0, 1) but were "
                                    + java.util.Arrays.toString(quantiles));
                    break;
                }
            }
            Checks.throwIfAny("recurrent forecaster spec", errors);
            return new RecurrentForecasterSpec(this);
        }
    }
}
