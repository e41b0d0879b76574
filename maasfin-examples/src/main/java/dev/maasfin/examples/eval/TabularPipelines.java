// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.eval;

import dev.maasfin.api.data.Frame;
import dev.maasfin.api.pipeline.ColumnSpec;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.transform.FittedTransform;
import dev.maasfin.core.pipeline.DataFingerprint;
import dev.maasfin.core.pipeline.FeatureStages;
import dev.maasfin.core.pipeline.InputSchema;
import dev.maasfin.core.transform.ZScoreTransform;
import dev.maasfin.djl.io.ModelArtifacts;
import dev.maasfin.djl.model.NeuralModel;
import dev.maasfin.djl.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles the scoring {@link Pipeline} of a demo trained on feature rows (card transactions,
 * credit applicants): a {@link FeatureStages#featureRows feature-rows} stage, the demo's z-scoring
 * as a fitted {@link ZScoreTransform}, an input schema over the same columns in the same order, a
 * copy of the trained network and provenance.
 *
 * <p>The z-score is fitted on the same rows, in the same order, as the demo's {@link Standardiser}
 * (mean, then population sd from squared deviations, both in double), so for columns that are not
 * constant its centres and scales equal the demo's means and sds bit for bit and the pipeline feeds
 * the network the same floats. A constant column differs in form only: the demo keeps its mean with
 * sd 1, the transform its first value with scale 1 (the same number unless summing rounds).
 *
 * <p>Schema: every column is marked personal (each row describes one cardholder's transaction or
 * one applicant, so no value may appear in a message). Scaled columns accept every finite value (an
 * anomaly detector must see values outside the training range rather than refuse them); the other
 * columns are the demo's 0/1 indicators (one-hot levels) and accept {@code [0, 1]}. The levels of
 * one categorical column may be declared a {@linkplain InputSchema#withOneHotGroup one-hot group}
 * (the credit demo does; the fraud demo has none), so a row must set exactly one of them to 1 and
 * the rest to 0.
 *
 * <p>Thread-safe: stateless.
 */
public final class TabularPipelines {

    private TabularPipelines() {}

    /**
     * Builds the pipeline without one-hot groups: as {@link #build(NeuralModel, List, double[][],
     * int[], List, Map, Map, Map, Path)} with no group.
     *
     * @throws IllegalArgumentException as the full form
     * @throws ArtifactException if the network copy cannot be saved or loaded
     */
    public static Pipeline build(
            NeuralModel network,
            List<String> columns,
            double[][] x,
            int[] fitRows,
            List<String> scaled,
            Map<String, String> hyperParameters,
            Map<String, Double> validationMetrics,
            Path scratch)
            throws ArtifactException {
        return build(
                network,
                columns,
                x,
                fitRows,
                scaled,
                Map.of(),
                ScaledRange.OPEN,
                hyperParameters,
                validationMetrics,
                scratch);
    }

    /** What the schema accepts in a scaled (z-scored) column. */
    public enum ScaledRange {
        /**
         * Every finite value: for an anomaly detector, which must see values far outside the
         * training range rather than refuse them.
         */
        OPEN,
        /**
         * The training range widened by its own width on each side (a constant column by {@code
         * max(1, |value|)}), and never below 0 for a column that was never negative in training:
         * for a scoring model, which must not give a confident answer on an amount, age or duration
         * it could not have learnt (e.g. a negative age or a credit amount of 1e37).
         */
        TRAINING
    }

    /**
     * Builds the pipeline around a copy of {@code network} (saved to {@code scratch} and loaded
     * back, so the caller keeps and closes its own network; the pipeline owns the copy).
     *
     * @param network the trained network, input shape {@code [columns.size()]}; its state (e.g. an
     *     anomaly threshold) travels with the copy
     * @param columns the network's input columns, in order
     * @param x raw (unscaled) rows over {@code columns}
     * @param fitRows the rows of {@code x} the demo fitted its scaler on, in the demo's order
     * @param scaled the columns the demo z-scored; the others are 0/1 indicators
     * @param oneHotGroups group name (the categorical column) to its 0/1 level columns, each group
     *     declared on the schema in map order; empty for none
     * @param range what the schema accepts in the scaled columns (from the fit rows)
     * @param hyperParameters training settings, recorded as provenance
     * @param validationMetrics metric name to value, recorded as provenance
     * @param scratch a directory for the network copy; must not exist
     * @throws IllegalArgumentException if {@code scaled} names a column outside {@code columns}, a
     *     row's length differs from the column count, {@code fitRows} is empty, or a group breaks a
     *     rule of {@link InputSchema#withOneHotGroup} (unknown or shared column, fewer than two
     *     members, blank name)
     * @throws ArtifactException if the network copy cannot be saved or loaded
     */
    public static Pipeline build(
            NeuralModel network,
            List<String> columns,
            double[][] x,
            int[] fitRows,
            List<String> scaled,
            Map<String, List<String>> oneHotGroups,
            ScaledRange range,
            Map<String, String> hyperParameters,
            Map<String, Double> validationMetrics,
            Path scratch)
            throws ArtifactException {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(range, "range");
        Frame train = frame(columns, x, fitRows);
        InputSchema schema = schema(columns, scaled, oneHotGroups, range, train);
        for (String s : scaled) {
            if (!columns.contains(s)) {
                throw new IllegalArgumentException(
                        "scaled column '" + s + "' must be one of the columns " + columns);
            }
        }
        FittedTransform z = ZScoreTransform.of(scaled.toArray(String[]::new)).fit(train);
        ModelArtifacts.save(network, scratch);
        NeuralModel copy = ModelArtifacts.load(scratch);
        try {
            return Pipeline.builder()
                    .setFeatures(FeatureStages.featureRows(columns.toArray(String[]::new)))
                    .optTransform(z)
                    .setSchema(schema)
                    .setModel(copy)
                    .setMetadata(
                            Pipeline.provenance(
                                    copy,
                                    DataFingerprint.of(train),
                                    hyperParameters,
                                    validationMetrics))
                    .build();
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The fit rows as a frame, columns in order, rows in the order given. */
    static Frame frame(List<String> columns, double[][] x, int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("fitRows must hold at least one row");
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] row = x[rows[i]];
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException(
                            "row "
                                    + rows[i]
                                    + " must have "
                                    + columns.size()
                                    + " values but had "
                                    + row.length);
                }
                v[i] = row[c];
            }
            m.put(columns.get(c), v);
        }
        return Frame.of(m);
    }

    private static InputSchema schema(
            List<String> columns,
            List<String> scaled,
            Map<String, List<String>> oneHotGroups,
            ScaledRange range,
            Frame train) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (String c : columns) {
            if (!scaled.contains(c)) {
                specs.add(new ColumnSpec(c, 0, 1, true));
            } else if (range == ScaledRange.OPEN) {
                specs.add(
                        new ColumnSpec(
                                c, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true));
            } else {
                specs.add(trainingRange(c, train.column(c)));
            }
        }
        InputSchema schema = InputSchema.of(specs);
        for (Map.Entry<String, List<String>> g : oneHotGroups.entrySet()) {
            schema = schema.withOneHotGroup(g.getKey(), g.getValue());
        }
        return schema;
    }

    /** The {@link ScaledRange#TRAINING} rule for one column's training values. */
    private static ColumnSpec trainingRange(String name, double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double pad = max > min ? max - min : Math.max(1, Math.abs(max));
        double lo = min >= 0 ? Math.max(0, min - pad) : min - pad;
        return new ColumnSpec(name, lo, max + pad, true);
    }

    /**
     * Wraps rows as windows of one row each, the shape {@link Pipeline#scoreBatch} takes for a
     * model over single rows (not copied).
     */
    public static double[][][] windows(double[][] rows) {
        double[][][] w = new double[rows.length][][];
        for (int i = 0; i < rows.length; i++) {
            w[i] = new double[][] {rows[i]};
        }
        return w;
    }
}
