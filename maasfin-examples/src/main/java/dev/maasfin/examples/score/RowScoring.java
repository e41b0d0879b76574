// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.score;

import dev.maasfin.api.model.ModelKind;
import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.api.scoring.BatchPrediction;
import dev.maasfin.api.scoring.Prediction;
import dev.maasfin.djl.scoring.Scorer;
import dev.maasfin.djl.scoring.ScoringPath;
import dev.maasfin.examples.eval.TabularPipelines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code score --rows} path: reads a CSV of feature rows for a tabular pipeline, scores all
 * rows in one {@link Scorer#scoreBatch} call (windows of one row) and prints one line per row: its
 * number (from 1 after the header), then for an anomaly detector the reconstruction-error score and
 * whether it exceeds the model's threshold, for a classifier the most probable class and every
 * class probability (the legend line names the classes when the pipeline's provenance records them,
 * e.g. {@code 0=good,1=bad}), otherwise the model's outputs. Values are printed with {@code %.6e}.
 * Feature values are never printed (card and applicant data are personal).
 *
 * <p>Not thread-safe: one instance per command run.
 */
final class RowScoring {
    private final PrintWriter out;
    private final RegistryChoice choice;
    private final int repeat;

    RowScoring(PrintWriter out, RegistryChoice choice, int repeat) {
        this.out = out;
        this.choice = choice;
        this.repeat = repeat;
    }

    /**
     * Reads, scores and prints.
     *
     * @return the exit code, 0
     * @throws IllegalArgumentException if the file fails {@link FeatureRowsCsv#read}
     * @throws IOException if the file or the artifact cannot be read
     */
    int run(Path csv, ScoringPath path, String stage) throws IOException {
        FeatureRowsCsv.Rows in = FeatureRowsCsv.read(csv, choice.schema());
        try (Scorer scorer = choice.open(stage, path)) {
            printHeader(csv, in);
            ScoreCommand.printPath(out, scorer);
            double[][][] windows = TabularPipelines.windows(in.values());
            BatchPrediction all;
            try {
                all = scorer.scoreBatch(windows);
                for (int k = 1; k < repeat; k++) {
                    all = scorer.scoreBatch(windows);
                }
            } catch (IllegalArgumentException e) {
                throw FeatureRowsCsv.atRow(csv, in, e);
            }
            out.printf(
                    Locale.ROOT,
                    "mode         batch: %,d rows in one call%s%n",
                    all.rows(),
                    repeat == 1 ? "" : String.format(Locale.ROOT, ", %d times", repeat));
            out.println(legend(all.kind(), choice.classes()));
            for (int r = 0; r < all.rows(); r++) {
                out.println(line(r + 1, all.row(r)));
            }
            ScoreCommand.printStats(out, scorer.stats());
        }
        out.flush();
        return 0;
    }

    private void printHeader(Path csv, FeatureRowsCsv.Rows in) {
        ModelVersion v = choice.modelVersion();
        ScoreCommand.printModel(out, choice);
        out.printf(
                Locale.ROOT,
                "kind         %s, feature rows of %d columns (values never printed)%n",
                v.metadata().getOrDefault("kind", "?"),
                choice.schema().size());
        out.printf(
                Locale.ROOT,
                "data         %s: %,d rows%s%n",
                csv,
                in.values().length,
                in.ignored().isEmpty() ? "" : "; ignored columns " + in.ignored());
    }

    /** The legend line; a classifier's class names are added when its provenance records them. */
    static String legend(ModelKind kind, String classes) {
        switch (kind) {
            case ANOMALY_DETECTOR:
                return "row, reconstruction error, flagged if above the model's threshold";
            case CLASSIFIER:
                String names = classes.isEmpty() ? "" : " (classes " + classes + ")";
                return "row, most probable class, probability of each class" + names;
            default:
                return "row, model outputs";
        }
    }

    /** One printed line: {@code " row N ..."}. */
    static String line(int row, Prediction p) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  row %d", row));
        switch (p.kind()) {
            case ANOMALY_DETECTOR:
                b.append(String.format(Locale.ROOT, "  score %.6e", p.value()));
                b.append(p.flagged() ? "  flagged" : "  not flagged");
                break;
            case CLASSIFIER:
                b.append(String.format(Locale.ROOT, "  class %d  p", p.argMax()));
                appendValues(b, p.values());
                break;
            default:
                b.append("  value");
                appendValues(b, p.values());
        }
        return b.toString();
    }

    private static void appendValues(StringBuilder b, float[] values) {
        for (float v : values) {
            b.append(String.format(Locale.ROOT, " %.6e", v));
        }
    }
}
