// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import dev.maasfin.api.registry.ModelVersion;
import dev.maasfin.djl.train.TrainingResult;
import dev.maasfin.examples.report.Plots;
import dev.maasfin.examples.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the CNN's test predictions against the majority-class baseline and writes the demo's
 * report ({@code report.md}, {@code report.json}) and charts ({@code loss.png}, {@code
 * accuracy.png}, {@code examples.png}).
 *
 * <p>Significance: one-sided exact binomial test of the CNN's hits against the baseline's test
 * accuracy as the per-window hit rate. It assumes independent windows; windows whose label periods
 * overlap are not, so the test is repeated on a subset with non-overlapping label periods and the
 * verdict uses that one (skill only if the CNN beats the baseline there with p < 0.05).
 * Thread-safe: stateless.
 */
final class PatternsReport {
    private static final double ALPHA = 0.05;

    private PatternsReport() {}

    /** Everything a report needs from one run. */
    record Inputs(
            PatternsCommand options,
            PatternsCommand.Prepared prepared,
            TrainingResult training,
            float[] probabilities,
            ModelVersion version,
            boolean rescoreIdentical,
            double seconds) {}

    /** The test-part figures of the CNN and the baseline. */
    private record Scores(
            int majority,
            int[] truth,
            ClassScores cnn,
            ClassScores baseline,
            double pAll,
            int[] subset,
            ClassScores cnnSubset,
            ClassScores baselineSubset,
            double pSubset,
            int hindsight,
            double hindsightAccuracy,
            double pHindsight) {

        /** Skill: beats the training majority and the best constant class in hindsight. */
        boolean skill() {
            return cnnSubset.accuracy() > baselineSubset.accuracy()
                    && pSubset < ALPHA
                    && pHindsight < ALPHA;
        }
    }

    /** Scores, writes the files under {@code dir} and prints a short summary to {@code out}. */
    static void write(PrintWriter out, Path dir, Inputs in) {
        Scores s = score(in);
        Report r = new Report("patterns: 2-D CNN on price-window images vs the majority class");
        figures(r, in, s);
        markdown(r, in, s);
        r.write(dir);
        plots(dir, in, s);
        summary(out, dir, in, s);
    }

    private static Scores score(Inputs in) {
        PatternsCommand.Prepared p = in.prepared();
        int k = p.buckets().classes();
        int[] test = p.samples().positionsOf(PatternSamples.TEST);
        int[] truth = PatternsCommand.select(p.classes(), test);
        int[] predicted = argmax(in.probabilities(), k);
        int majority =
                majority(
                        PatternsCommand.select(
                                p.classes(), p.samples().positionsOf(PatternSamples.TRAIN)),
                        k);
        int[] always = new int[test.length];
        Arrays.fill(always, majority);
        ClassScores cnn = ClassScores.of(truth, predicted, k);
        ClassScores base = ClassScores.of(truth, always, k);
        int[] subset = indicesIn(test, p.samples().nonOverlapping(test));
        ClassScores cnnSub = ClassScores.of(pick(truth, subset), pick(predicted, subset), k);
        ClassScores baseSub = ClassScores.of(pick(truth, subset), pick(always, subset), k);
        int hindsight = majority(pick(truth, subset), k);
        double hindsightRate = share(pick(truth, subset), hindsight);
        return new Scores(
                majority,
                truth,
                cnn,
                base,
                ClassScores.binomialPValue(cnn.correct(), cnn.count(), base.accuracy()),
                subset,
                cnnSub,
                baseSub,
                ClassScores.binomialPValue(cnnSub.correct(), cnnSub.count(), baseSub.accuracy()),
                hindsight,
                hindsightRate,
                ClassScores.binomialPValue(cnnSub.correct(), cnnSub.count(), hindsightRate));
    }

    static int[] argmax(float[] probabilities, int k) {
        int[] out = new int[probabilities.length / k];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The most frequent class (the lowest on ties). */
    static int majority(int[] classes, int k) {
        int[] counts = new int[k];
        for (int c : classes) {
            counts[c]++;
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double share(int[] classes, int c) {
        return (double) Arrays.stream(classes).filter(x -> x == c).count() / classes.length;
    }

    private static int[] indicesIn(int[] sortedPositions, int[] chosen) {
        return Arrays.stream(chosen).map(s -> Arrays.binarySearch(sortedPositions, s)).toArray();
    }

    private static int[] pick(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }

    private static void figures(Report r, Inputs in, Scores s) {
        PatternsCommand o = in.options();
        PatternsCommand.Prepared p = in.prepared();
        String[] names = p.buckets().names();
        r.put("data.file", p.csv().getFileName().toString());
        r.put("data.bars", p.bars().size());
        r.put("data.column", o.column);
        r.put("split.rule", p.splitRule());
        r.put("split.purgeBars", o.horizon);
        r.put("windows.train", p.samples().positionsOf(PatternSamples.TRAIN).length);
        r.put("windows.validation", p.samples().positionsOf(PatternSamples.VALIDATION).length);
        r.put("windows.test", s.cnn().count());
        r.put("windows.stride", o.stride);
        r.put("image.encoding", o.encoding);
        r.put("image.window", o.window);
        r.put("image.size", PatternsCommand.IMAGE_SIZE);
        r.put("label.horizon", o.horizon);
        r.put("label.classes", Arrays.asList(names));
        r.put("label.edges", p.buckets().edges());
        r.put("training.epochs", in.training().epochs());
        r.put("training.bestEpoch", in.training().bestEpoch());
        r.put("training.trainLoss", in.training().trainLoss());
        r.put("training.validationLoss", in.training().validationMetric());
        r.put("training.seconds", in.training().millis() / 1000.0);
        r.put("test.count", s.cnn().count());
        r.put("test.accuracy", s.cnn().accuracy());
        r.put("test.balancedAccuracy", s.cnn().balancedAccuracy());
        r.put("test.recall", byName(names, s.cnn().recall()));
        r.put("test.confusion", s.cnn().confusion());
        r.put("baseline.majorityClass", names[s.majority()]);
        r.put("baseline.accuracy", s.baseline().accuracy());
        r.put("baseline.balancedAccuracy", s.baseline().balancedAccuracy());
        r.put("significance.pValueAllWindows", s.pAll());
        r.put("significance.nonOverlapping.count", s.cnnSubset().count());
        r.put("significance.nonOverlapping.accuracy", s.cnnSubset().accuracy());
        r.put("significance.nonOverlapping.baselineAccuracy", s.baselineSubset().accuracy());
        r.put("significance.nonOverlapping.pValue", s.pSubset());
        r.put("significance.nonOverlapping.hindsightClass", names[s.hindsight()]);
        r.put("significance.nonOverlapping.hindsightAccuracy", s.hindsightAccuracy());
        r.put("significance.nonOverlapping.pValueVsHindsight", s.pHindsight());
        r.put("verdict.skill", s.skill());
        r.put("registry.name", in.version().name());
        r.put("registry.version", in.version().version());
        r.put("registry.stages", List.copyOf(in.version().stages()));
        r.put("registry.rescoreBitIdentical", in.rescoreIdentical());
        r.put("run.seed", o.seed);
        r.put("run.wallSeconds", in.seconds());
    }

    private static Map<String, Double> byName(String[] names, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            m.put(names[c], values[c]);
        }
        return m;
    }

    private static void markdown(Report r, Inputs in, Scores s) {
        PatternsCommand o = in.options();
        PatternsCommand.Prepared p = in.prepared();
        r.line(
                String.format(
                        Locale.ROOT,
                        "Data: `%s` (%d bars, column `%s`). Split %s; a window belongs to the part"
                            + " of its last bar and is kept only if its %d-bar label lies in the"
                            + " same part (purge). Windows of %d prices, stride %d, encoded as %s"
                            + " %dx%d images from the window alone (per-window scaling: no"
                            + " leakage); pixels standardised with training-part statistics only.",
                        p.csv().getFileName(),
                        p.bars().size(),
                        o.column,
                        p.splitRule(),
                        o.horizon,
                        o.window,
                        o.stride,
                        o.encoding,
                        PatternsCommand.IMAGE_SIZE,
                        PatternsCommand.IMAGE_SIZE));
        r.line("");
        r.line(
                String.format(
                        Locale.ROOT,
                        "Label: bucket of the next %d-bar log return, edges %s (from training"
                            + " labels only); class weights n/(k n_c) from training frequencies.",
                        o.horizon,
                        Arrays.toString(round(p.buckets().edges()))));
        r.line("");
        r.table(
                List.of(
                        "test part",
                        "CNN",
                        "majority class (" + p.buckets().names()[s.majority()] + ")"),
                rows(p.buckets().names(), s));
        r.line(confusionText(p.buckets().names(), s.cnn().confusion()));
        r.line("");
        r.line(verdictText(s, p.buckets().names()));
        r.line("");
        r.line(
                String.format(
                        Locale.ROOT,
                        "Model `%s` version %d published to the registry, stages %s; reloaded from"
                            + " the registry it scores the test part %s. Training: %d epochs (best"
                            + " %d), %.1f s; whole run %.1f s.",
                        in.version().name(),
                        in.version().version(),
                        in.version().stages(),
                        in.rescoreIdentical()
                                ? "bit-identically"
                                : "DIFFERENTLY (check the artifact)",
                        in.training().epochs(),
                        in.training().bestEpoch(),
                        in.training().millis() / 1000.0,
                        in.seconds()));
        r.line("");
        r.line(
                "Charts: `loss.png` (loss per epoch), `accuracy.png` (CNN vs majority class),"
                        + " `examples.png` (one test image per true class, first channel).");
    }

    private static List<List<String>> rows(String[] names, Scores s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("windows", s.cnn().count(), s.baseline().count()));
        rows.add(row("accuracy", s.cnn().accuracy(), s.baseline().accuracy()));
        rows.add(
                row(
                        "balanced accuracy",
                        s.cnn().balancedAccuracy(),
                        s.baseline().balancedAccuracy()));
        for (int c = 0; c < names.length; c++) {
            rows.add(row("recall " + names[c], s.cnn().recall()[c], s.baseline().recall()[c]));
        }
        rows.add(row("non-overlapping windows", s.cnnSubset().count(), s.baselineSubset().count()));
        rows.add(
                row(
                        "accuracy, non-overlapping",
                        s.cnnSubset().accuracy(),
                        s.baselineSubset().accuracy()));
        return rows;
    }

    private static List<String> row(String name, double a, double b) {
        return List.of(name, fmt(a), fmt(b));
    }

    private static List<String> row(String name, int a, int b) {
        return List.of(name, Integer.toString(a), Integer.toString(b));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1e5) / 1e5).toArray();
    }

    private static String confusionText(String[] names, int[][] m) {
        StringBuilder b = new StringBuilder("Confusion matrix (rows true, columns predicted: ");
        b.append(String.join(", ", names)).append("): ");
        for (int i = 0; i < m.length; i++) {
            b.append(i == 0 ? "" : "; ").append(Arrays.toString(m[i]));
        }
        return b.append('.').toString();
    }

    private static String verdictText(Scores s, String[] names) {
        String test =
                String.format(
                        Locale.ROOT,
                        "One-sided exact binomial test against the majority rate: p = %.3f on all"
                            + " %d test windows (optimistic: overlapping labels), p = %.3f on %d"
                            + " windows with non-overlapping labels (CNN %.3f vs majority %.3f).",
                        s.pAll(),
                        s.cnn().count(),
                        s.pSubset(),
                        s.cnnSubset().count(),
                        s.cnnSubset().accuracy(),
                        s.baselineSubset().accuracy());
        if (s.skill()) {
            return test
                    + " **The CNN beats the majority class at the 5 % level.** Return buckets"
                    + " are close to unpredictable, so check for leakage before believing it.";
        }
        String who = "";
        if (s.cnn().accuracy() < s.baseline().accuracy()) {
            who = " The majority-class baseline has the higher accuracy.";
        } else if (s.cnnSubset().accuracy() < s.hindsightAccuracy()) {
            who = " Always predicting '" + names[s.hindsight()] + "' would have scored higher.";
        }
        return test
                + " **The CNN shows no skill**: it does not beat always predicting the"
                + " majority class, or the best constant class in hindsight, significantly."
                + who;
    }

    private static void plots(Path dir, Inputs in, Scores s) {
        double[] train = in.training().trainLoss();
        double[] val = in.training().validationMetric();
        double[] epochs = new double[train.length];
        Arrays.setAll(epochs, i -> i + 1);
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("training loss", new double[][] {epochs, train});
        series.put("validation loss", new double[][] {epochs, val});
        Plots.lines(
                dir.resolve("loss.png"),
                "Class-weighted cross-entropy per epoch",
                "epoch",
                "loss",
                series);
        barChart(dir, in, s);
        examples(dir, in, s);
    }

    private static void barChart(Path dir, Inputs in, Scores s) {
        String[] names = in.prepared().buckets().names();
        List<String> categories = new ArrayList<>(List.of("accuracy", "balanced accuracy"));
        double[] cnn = new double[2 + names.length];
        double[] base = new double[2 + names.length];
        cnn[0] = s.cnn().accuracy();
        base[0] = s.baseline().accuracy();
        cnn[1] = s.cnn().balancedAccuracy();
        base[1] = s.baseline().balancedAccuracy();
        for (int c = 0; c < names.length; c++) {
            categories.add("recall " + names[c]);
            cnn[2 + c] = s.cnn().recall()[c];
            base[2 + c] = s.baseline().recall()[c];
        }
        PatternPlots.bars(
                dir.resolve("accuracy.png"),
                "Test part: CNN vs majority class",
                categories,
                cnn,
                base);
    }

    private static void examples(Path dir, Inputs in, Scores s) {
        int[] test = in.prepared().samples().positionsOf(PatternSamples.TEST);
        List<float[]> images = new ArrayList<>();
        for (int c = 0; c < in.prepared().buckets().classes(); c++) {
            for (int i = 0; i < s.truth().length; i++) {
                if (s.truth()[i] == c) {
                    images.add(in.prepared().images().plane(test[i], 0));
                    break;
                }
            }
        }
        PatternPlots.imageStrip(dir.resolve("examples.png"), images, PatternsCommand.IMAGE_SIZE);
    }

    private static String verdictLine(Scores s, String[] names) {
        String vs =
                String.format(
                        Locale.ROOT,
                        " (best constant class in hindsight '%s' %.3f, p = %.3f)",
                        names[s.hindsight()],
                        s.hindsightAccuracy(),
                        s.pHindsight());
        return s.skill()
                ? "CNN beats the training-majority class and the best constant class (p < 0.05):"
                        + " check for leakage"
                        + vs
                : "no skill: the CNN does not significantly beat both the training-majority class"
                        + " and the best constant class"
                        + vs;
    }

    private static void summary(PrintWriter out, Path dir, Inputs in, Scores s) {
        out.printf(
                Locale.ROOT,
                "  test: CNN accuracy %.3f, balanced %.3f; majority class (%s) accuracy %.3f,"
                        + " balanced %.3f; p = %.3f (non-overlapping, n = %d)%n  %s%n"
                        + "  registry: %s v%d %s, reloaded rescore %s%n  report: %s (%.1f s)%n",
                s.cnn().accuracy(),
                s.cnn().balancedAccuracy(),
                in.prepared().buckets().names()[s.majority()],
                s.baseline().accuracy(),
                s.baseline().balancedAccuracy(),
                s.pSubset(),
                s.cnnSubset().count(),
                verdictLine(s, in.prepared().buckets().names()),
                in.version().name(),
                in.version().version(),
                in.version().stages(),
                in.rescoreIdentical() ? "bit-identical" : "DIFFERENT",
                dir.resolve("report.md"),
                in.seconds());
        out.flush();
    }
}
