// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import dev.maasfin.api.model.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one progress line per {@code every} epochs (and the first) to the command's output: model
 * label, epoch, training loss, validation loss and epoch time.
 *
 * <p>Not thread-safe: one training run uses one printer.
 */
public final class ProgressPrinter implements TrainingListener {
    private final PrintWriter out;
    private final String label;
    private final int every;

    /**
     * Creates a printer.
     *
     * @param out where lines go
     * @param label the model and seed, e.g. {@code "autoencoder seed 1"}
     * @param every print every this many epochs
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public ProgressPrinter(PrintWriter out, String label, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 but was " + every);
        }
        this.out = out;
        this.label = label;
        this.every = every;
    }

    @Override
    public void onEpoch(int epoch, double trainLoss, double validationMetric, long millis) {
        if (epoch == 1 || epoch % every == 0) {
            out.printf(
                    Locale.ROOT,
                    "  %s: epoch %d train loss %.5f validation loss %.5f (%d ms)%n",
                    label,
                    epoch,
                    trainLoss,
                    validationMetric,
                    millis);
            out.flush();
        }
    }
}
