// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a header and then data records with Commons CSV, skipping a UTF-8 byte-order mark and blank
 * lines, and keeps the 1-based file line at which each record starts. Bytes that are not valid
 * UTF-8 and CSV syntax errors (such as an unterminated quoted field) become {@link
 * DataFormatException}s naming the source. Not thread-safe: one reader per load.
 */
final class CsvRows implements Closeable {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String[] header;
    private long headerLine;
    private CSVRecord current;
    private long line;

    private CsvRows(String source, Reader reader) throws IOException {
        this.source = source;
        this.parser = CSVParser.parse(skipBom(source, reader), FORMAT);
        this.records = parser.iterator();
        this.header = readHeader();
    }

    /** Opens a UTF-8 file; the source name used in messages is the path as given. */
    static CsvRows open(Path file) throws IOException {
        return open(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads from {@code reader}; {@code source} names it in messages. */
    static CsvRows open(Reader reader, String source) throws IOException {
        try {
            return new CsvRows(source, reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static Reader skipBom(String source, Reader reader) throws IOException {
        BufferedReader buffered =
                reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        buffered.mark(1);
        try {
            if (buffered.read() != '\uFEFF') {
                buffered.reset();
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(source, 0, e);
        }
        return buffered;
    }

    /**
     * The decoder reads ahead by a buffer, so the line of a bad byte is not known exactly; the
     * message gives the last line fully parsed before it.
     */
    private static DataFormatException notUtf8(String source, long after, Exception cause) {
        String where = after > 0 ? " after line " + after : "";
        DataFormatException e =
                new DataFormatException(
                        source,
                        0,
                        null,
                        null,
                        "is not valid UTF-8 text: a byte sequence"
                                + where
                                + " cannot be decoded; save the file as UTF-8");
        e.initCause(cause);
        return e;
    }

    private String[] readHeader() {
        while (advance()) {
            if (!isBlank(current)) {
                headerLine = line;
                return current.values();
            }
        }
        throw new DataFormatException(source, 0, null, null, "is empty: no header line");
    }

    private boolean advance() {
        long before = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(before, e.getCause());
        }
        line = before + 1;
        return true;
    }

    /** Turns a failure of the record iterator into a data error naming source and line. */
    private RuntimeException unreadable(long before, IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return notUtf8(source, before, cause);
        }
        if (!(cause instanceof CSVException)) {
            return new UncheckedIOException(source + ": " + cause.getMessage(), cause);
        }
        String text = String.valueOf(cause.getMessage());
        String rule =
                text.contains("EOF reached before encapsulated token finished")
                        ? "has an unterminated quoted field: its quote is never closed before the"
                                + " end"
                        : "is not valid CSV near line " + (before + 1) + ": " + text;
        DataFormatException e = new DataFormatException(source, before + 1, null, null, rule);
        e.initCause(cause);
        return e;
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isEmpty();
    }

    /** Returns the source name used in messages. */
    String source() {
        return source;
    }

    /** Returns the header fields, trimmed. */
    String[] header() {
        return header.clone();
    }

    /** Returns the 1-based file line of the header (1 unless blank lines precede it). */
    long headerLine() {
        return headerLine;
    }

    /** Moves to the next non-blank record; returns {@code false} at the end. */
    boolean next() {
        while (advance()) {
            if (!isBlank(current)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the current record. */
    CSVRecord record() {
        return current;
    }

    /** Returns the 1-based file line at which the current record starts. */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
