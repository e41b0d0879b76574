// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maasfin.api.registry.ArtifactException;
import dev.maasfin.api.registry.AuditEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's append-only audit log: one JSON object per line, UTF-8, fsynced after each append.
 *
 * <p>Appends happen only under the {@link RegistryLock}. A line without its final {@code \n} was
 * cut short by a crash and never committed: readers ignore it and the next append truncates it
 * first. Reading needs no lock. Thread-safe under that discipline.
 */
final class AuditLog {

    static final String FILE = "audit.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AuditLog(Path modelDir) {
        this.file = modelDir.resolve(FILE);
    }

    /** Appends one entry durably; the caller holds the registry lock. */
    void append(AuditEntry e) throws IOException {
        byte[] line = (JSON.writeValueAsString(toJson(e)) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        try (FileChannel ch =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            ch.truncate(committedLength(ch));
            ch.position(ch.size());
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Reads every committed entry, oldest first; an absent log is empty. */
    List<AuditEntry> readAll() throws ArtifactException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ArtifactException("cannot read audit log " + file, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<AuditEntry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.substring(0, end + 1).split("\n")) {
            lineNo++;
            if (!line.isBlank()) {
                out.add(parse(line, lineNo));
            }
        }
        return out;
    }

    private AuditEntry parse(String line, int lineNo) throws ArtifactException {
        try {
            JsonNode n = JSON.readTree(line);
            return new AuditEntry(
                    Instant.parse(n.get("time").asText()),
                    n.get("action").asText(),
                    n.get("name").asText(),
                    n.get("version").asInt(),
                    n.get("stage").asText(),
                    n.get("who").asText(),
                    n.get("reason").asText());
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException(
                    "audit log " + file + " line " + lineNo + " is malformed", e);
        }
    }

    private static ObjectNode toJson(AuditEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", e.time().toString());
        n.put("action", e.action());
        n.put("name", e.name());
        n.put("version", e.version());
        n.put("stage", e.stage());
        n.put("who", e.who());
        n.put("reason", e.reason());
        return n;
    }

    /** Length up to and including the last newline: what earlier appends committed. */
    private static long committedLength(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long pos = size - 1; pos >= 0; pos--) {
            one.clear();
            ch.read(one, pos);
            if (one.get(0) == '\n') {
                return pos + 1;
            }
        }
        return 0;
    }
}
