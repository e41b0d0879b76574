// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.forecast;

import dev.maasfin.core.tune.Configuration;
import dev.maasfin.core.tune.Scale;
import dev.maasfin.core.tune.SearchSpace;
import dev.maasfin.djl.model.RecurrentForecasterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters the {@code tune} command searches for the LSTM volatility forecaster, the
 * {@code forecast} command's defaults as one configuration, and the single place where a
 * configuration becomes {@link LstmVolatility.Settings}.
 *
 * <p>Searched: learning rate (log-uniform on [1e-4, 3e-3)), hidden units (choice), layers {1, 2},
 * dropout between layers (uniform on [0, 0.3); used only with 2 layers, since with one layer there
 * is nothing between layers to drop, and then set to 0), batch size (choice). Fixed: the protocol's
 * 60-day window, the {@code forecast} defaults' target (ln(sd / rv20)), feature scale (log),
 * PyTorch-style initialisation and QLIKE loss on the log scale. A new categorical dimension is one
 * {@code optChoice} in {@link #space} and one read in {@link #settings}. Stateless.
 */
final class VolatilityTuneSpace {
    /** The protocol's LSTM window in days. */
    static final int WINDOW = 60;

    /** Parameter names, in declaration order. */
    static final String LR = "lr";

    static final String HIDDEN = "hidden";
    static final String LAYERS = "layers";
    static final String DROPOUT = "dropout";
    static final String BATCH = "batch";

    /** The {@code forecast} command's defaults (its option default values). */
    static final double DEFAULT_LR = 3e-4;

    static final int DEFAULT_HIDDEN = 64;
    static final int DEFAULT_LAYERS = 1;
    static final double DEFAULT_DROPOUT = 0.0;
    static final int DEFAULT_BATCH = 64;
    static final int DEFAULT_EPOCHS = 30;
    static final int DEFAULT_PATIENCE = 6;

    private VolatilityTuneSpace() {}

    /**
     * Returns the search space with the given hidden-size and batch-size choices.
     *
     * @throws IllegalArgumentException if a choice list is empty, repeats a value or holds a value
     *     below 1
     */
    static SearchSpace space(int[] hiddenChoices, int[] batchChoices) {
        return SearchSpace.builder()
                .optReal(LR, 1e-4, 3e-3, Scale.LOG)
                .optChoice(HIDDEN, positive("hidden sizes", hiddenChoices))
                .optChoice(LAYERS, 1, 2)
                .optReal(DROPOUT, 0.0, 0.3, Scale.LINEAR)
                .optChoice(BATCH, positive("batch sizes", batchChoices))
                .build();
    }

    private static Object[] positive(String what, int[] values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(
                        what + " must all be >= 1 but were " + Arrays.toString(values));
            }
        }
        return Arrays.stream(values).boxed().toArray();
    }

    /** Returns the {@code forecast} command's default configuration, in the space's order. */
    static Configuration defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LR, DEFAULT_LR);
        m.put(HIDDEN, DEFAULT_HIDDEN);
        m.put(LAYERS, DEFAULT_LAYERS);
        m.put(DROPOUT, DEFAULT_DROPOUT);
        m.put(BATCH, DEFAULT_BATCH);
        return Configuration.of(m);
    }

    /**
     * Builds the LSTM settings of a configuration: the only place the tuner creates {@link
     * LstmVolatility.Settings}.
     *
     * @param c a configuration of {@link #space}
     * @param epochs maximum epochs (the tuner's resource)
     * @param patience early-stopping patience in epochs
     * @throws IllegalArgumentException if a parameter is missing or has the wrong type
     */
    static LstmVolatility.Settings settings(Configuration c, int epochs, int patience) {
        int layers = c.getInt(LAYERS);
        float dropout = layers > 1 ? (float) c.getDouble(DROPOUT) : 0f;
        return new LstmVolatility.Settings(
                WINDOW,
                c.getInt(HIDDEN),
                layers,
                dropout,
                epochs,
                c.getInt(BATCH),
                c.getDouble(LR),
                patience,
                LstmVolatility.TargetScale.LOG_RATIO,
                VolatilityWindows.FeatureScale.LOG,
                RecurrentForecasterSpec.Initialization.PYTORCH,
                RecurrentForecasterSpec.ForecastLoss.QLIKE_LOG);
    }
}
