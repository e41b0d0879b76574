// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV and JSON renderings of a {@link TuningResult}, and atomic file writing. Stateless. */
final class ResultFiles {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {}

    static String csv(TuningResult result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(csvHeader(result));
            for (TrialRecord r : result.rows()) {
                printer.printRecord(csvRow(result, r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static List<String> csvHeader(TuningResult result) {
        List<String> h =
                new ArrayList<>(List.of("trial", "rung", "resource", "status", "promoted", "seed"));
        h.addAll(result.parameterNames());
        for (int f = 0; f < result.folds(); f++) {
            h.add("fold_" + f);
        }
        h.addAll(List.of("mean", "sd", "wall_millis", "error"));
        return h;
    }

    private static List<Object> csvRow(TuningResult result, TrialRecord r) {
        List<Object> row = new ArrayList<>();
        row.add(r.trialId());
        row.add(r.rung());
        row.add(r.resource());
        row.add(r.status());
        row.add(result.wasPromoted(r));
        row.add(r.seed());
        for (String name : result.parameterNames()) {
            row.add(r.configuration().get(name));
        }
        for (double m : r.foldMetrics()) {
            row.add(cell(m));
        }
        row.add(cell(r.mean()));
        row.add(cell(r.sd()));
        row.add(r.wallMillis());
        row.add(r.error());
        return row;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String json(TuningResult result) {
        ObjectNode root = settings(result);
        root.put("stopReason", result.stopReason().name());
        root.put("elapsedMillis", result.elapsedMillis());
        root.put("totalResource", result.totalResource());
        root.set("best", result.best().map(ResultFiles::rowNode).orElse(null));
        ArrayNode trials = root.putArray("trials");
        for (TrialRecord r : result.rows()) {
            trials.add(rowNode(r).put("promoted", result.wasPromoted(r)));
        }
        return write(root);
    }

    static String bestJson(TuningResult result) {
        TrialRecord best =
                result.best().orElseThrow(() -> new IllegalStateException("no trial completed"));
        ObjectNode root = rowNode(best);
        root.setAll(settings(result));
        return write(root);
    }

    private static ObjectNode settings(TuningResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("strategy", result.strategy().toString());
        node.put("direction", result.direction().name());
        node.put("seed", result.seed());
        node.put("folds", result.folds());
        return node;
    }

    private static ObjectNode rowNode(TrialRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trial", r.trialId());
        node.put("rung", r.rung());
        node.put("resource", r.resource());
        node.put("status", r.status().name());
        node.put("seed", r.seed());
        node.set("configuration", JSON.valueToTree(r.configuration().asMap()));
        ArrayNode folds = node.putArray("foldMetrics");
        for (double m : r.foldMetrics()) {
            addNumber(folds, m);
        }
        putNumber(node, "mean", r.mean());
        putNumber(node, "sd", r.sd());
        node.put("wallMillis", r.wallMillis());
        node.put("error", r.error());
        return node;
    }

    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isNaN(v)) {
            node.putNull(name);
        } else {
            node.put(name, v);
        }
    }

    private static void addNumber(ArrayNode array, double v) {
        if (Double.isNaN(v)) {
            array.addNull();
        } else {
            array.add(v);
        }
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    /** Writes {@code text} as UTF-8 to a temporary file beside {@code file}, then moves it. */
    static void writeAtomically(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // a sibling name, not Files.createTempFile, so the file gets the usual umask permissions
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
