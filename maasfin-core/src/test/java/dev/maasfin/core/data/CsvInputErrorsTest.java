// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad encoding and broken CSV syntax fail in both loaders, naming the file. */
class CsvInputErrorsTest {
    private static final String BARS =
            "date,open,high,low,close,volume\n"
                    + "2020-01-02,10,12,9,11,100\n"
                    + "2020-01-03,11,13,10,12,200\n"
                    + "2020-01-06,11,13,10,12,200\n"
                    + "2020-01-07,11,13,10,12,200\n";

    private static Path write(byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "test-tmp", "input-errors"));
        return Files.write(dir.resolve(UUID.randomUUID() + ".csv"), bytes);
    }

    private static DataFormatException barFail(Path file) {
        return assertThrows(DataFormatException.class, () -> BarCsvLoader.defaults().load(file));
    }

    private static DataFormatException tableFail(Path file) {
        return assertThrows(DataFormatException.class, () -> TableCsvLoader.defaults().load(file));
    }

    @Test
    void load_whenFileStartsWithUtf16ByteOrderMark_saysNotUtf8AndNamesFile() throws IOException {
        // ff fe is the UTF-16 LE byte-order mark; 0xff never occurs in UTF-8 (RFC 3629, 3).
        Path file = write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 'a', '\n'});

        for (DataFormatException e : new DataFormatException[] {barFail(file), tableFail(file)}) {
            assertEquals(
                    file
                            + " is not valid UTF-8 text: a byte sequence cannot be decoded;"
                            + " save the file as UTF-8",
                    e.getMessage());
        }
    }

    @Test
    void load_whenLatin1AccentAfterFirstLines_saysNotUtf8AndNamesFile() throws IOException {
        // Latin-1 0xe9 (e acute) followed by ',' is a truncated UTF-8 lead byte (RFC 3629, 3).
        byte[] head = BARS.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 6];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(
                new byte[] {'c', 'a', 'f', (byte) 0xe9, ',', '\n'}, 0, bytes, head.length, 6);
        Path file = write(bytes);

        String bar = barFail(file).getMessage();
        String table = tableFail(file).getMessage();

        assertTrue(bar.startsWith(file + " is not valid UTF-8 text"), bar);
        assertTrue(table.startsWith(file + " is not valid UTF-8 text"), table);
        assertTrue(bar.endsWith("save the file as UTF-8"), bar);
    }

    @Test
    void load_whenQuotedFieldNeverCloses_namesFileAndStartLine() throws IOException {
        // The record opening the quote is the 6th line of the file (header + 4 rows before it).
        Path file =
                write((BARS + "2020-01-08,\"11,13,10,12,200\n").getBytes(StandardCharsets.UTF_8));

        for (DataFormatException e : new DataFormatException[] {barFail(file), tableFail(file)}) {
            assertEquals(
                    file
                            + ": line 6 has an unterminated quoted field: its quote is never"
                            + " closed before the end",
                    e.getMessage());
            assertEquals(6, e.line());
        }
    }
}
