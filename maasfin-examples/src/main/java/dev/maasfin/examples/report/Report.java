// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A demo's report: named figures (kept as numbers for JSON) and Markdown lines, written as {@code
 * report.md} and {@code report.json} into a run directory.
 *
 * <p>Files are written to a temporary file and then moved into place, so a reader never sees a
 * half-written report. Not thread-safe: one demo fills one report.
 */
public final class Report {
    private final String title;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> markdown = new ArrayList<>();

    /** Creates an empty report with a title. */
    public Report(String title) {
        this.title = title;
    }

    /** Records a figure under a dotted key (e.g. {@code "test.rmse"}) for the JSON file. */
    public Report put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** Returns the figures recorded so far, in insertion order (unmodifiable view). */
    public Map<String, Object> figures() {
        return java.util.Collections.unmodifiableMap(figures);
    }

    /** Appends one Markdown line (or block) to the report body. */
    public Report line(String text) {
        markdown.add(text);
        return this;
    }

    /** Appends a Markdown table with a header row. */
    public Report table(List<String> header, List<List<String>> rows) {
        markdown.add("| " + String.join(" | ", header) + " |");
        markdown.add("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            markdown.add("| " + String.join(" | ", row) + " |");
        }
        markdown.add("");
        return this;
    }

    /**
     * Writes {@code report.md} and {@code report.json} into {@code dir}, creating it.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
            markdown.forEach(l -> md.append(l).append('\n'));
            atomicWrite(dir.resolve("report.md"), md.toString().getBytes(StandardCharsets.UTF_8));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("title", title);
            json.put("figures", figures);
            byte[] bytes =
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsBytes(json);
            atomicWrite(dir.resolve("report.json"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }

    static void atomicWrite(Path target, byte[] bytes) throws IOException {
        // a sibling name, not Files.createTempFile, so the report gets the usual umask
        // permissions (createTempFile makes files readable by the owner only)
        Path tmp = target.resolveSibling(".tmp-" + UUID.randomUUID() + "-" + target.getFileName());
        try {
            Files.write(tmp, bytes);
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
