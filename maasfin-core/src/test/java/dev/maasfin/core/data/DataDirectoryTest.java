// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    /** A fresh directory under target/, where tests may write. */
    private static Path newDir() throws IOException {
        return Files.createDirectories(Path.of("target", "test-tmp", UUID.randomUUID().toString()));
    }

    @Test
    void resolve_withExplicitPath_returnsItAbsolute() throws IOException {
        Path dir = newDir();
        assertEquals(dir.toAbsolutePath().normalize(), DataDirectory.resolve(dir));
    }

    @Test
    void resolve_withoutExplicitPath_usesEnvPropertyOrDefault() {
        // Surefire sets -Dmaasfin.data; unless MAASFIN_DATA is set, the property wins.
        String env = System.getenv(DataDirectory.ENV);
        String prop = System.getProperty(DataDirectory.PROPERTY);
        String expected =
                env != null && !env.isBlank()
                        ? env
                        : prop != null && !prop.isBlank() ? prop : DataDirectory.DEFAULT;
        assertEquals(Path.of(expected).toAbsolutePath().normalize(), DataDirectory.resolve());
    }

    @Test
    void require_whenFileMissing_failsNamingFullPathAndSetting() throws IOException {
        Path dir = newDir();
        MissingDataException e =
                assertThrows(
                        MissingDataException.class,
                        () -> DataDirectory.require(dir, "spx-daily/spx.csv"));

        Path expected = dir.resolve("spx-daily/spx.csv").toAbsolutePath().normalize();
        assertTrue(e.getMessage().contains(expected.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the explicit path"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "message must be one line");
        assertEquals(expected, e.file());
    }

    @Test
    void require_whenFileExists_returnsItsPath() throws IOException {
        Path dir = newDir();
        Path f = Files.writeString(dir.resolve("a.csv"), "x\n1\n");

        assertEquals(f.toAbsolutePath().normalize(), DataDirectory.require(dir, "a.csv"));
    }

    @Test
    void require_underResolvedDirectory_namesTheSettingThatChoseIt() {
        String env = System.getenv(DataDirectory.ENV);
        String expected =
                env != null && !env.isBlank()
                        ? "env MAASFIN_DATA"
                        : System.getProperty(DataDirectory.PROPERTY) != null
                                ? "system property maasfin.data"
                                : "the default ../shared/data";

        MissingDataException e =
                assertThrows(
                        MissingDataException.class,
                        () -> DataDirectory.require(DataDirectory.resolve(), "no-such-set/x.csv"));

        assertTrue(e.getMessage().contains("chosen by " + expected), e.getMessage());
    }
}
