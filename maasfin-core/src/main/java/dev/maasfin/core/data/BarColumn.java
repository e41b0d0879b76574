// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.util.List;
import java.util.Locale;

/**
 * The columns a bar file can hold, with the header names recognised for each.
 *
 * <p>Header matching ignores case and every character that is not a letter or digit, so {@code "Adj
 * Close"}, {@code "adj_close"} and {@code "ADJCLOSE"} all name {@link #ADJ_CLOSE}. A loader option
 * can map a column to any other header. Thread-safe: an enum.
 */
public enum BarColumn {
    /** Bar time; required. Recognised: date, time, timestamp, datetime. */
    TIME(true, "date", "time", "timestamp", "datetime"),
    /** Opening price; required. */
    OPEN(true, "open"),
    /** Highest price; required. */
    HIGH(true, "high"),
    /** Lowest price; required. */
    LOW(true, "low"),
    /** Closing price; required. */
    CLOSE(true, "close"),
    /** Adjusted close; optional. Recognised: adj close, adjusted close. */
    ADJ_CLOSE(false, "adjclose", "adjustedclose"),
    /** Traded volume; optional (absent means "not reported" on every bar). */
    VOLUME(false, "volume");

    private final boolean required;
    private final List<String> aliases;

    BarColumn(boolean required, String... aliases) {
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** Returns whether a bar file must have this column. */
    public boolean isRequired() {
        return required;
    }

    /** Returns the normalised header names recognised for this column. */
    public List<String> aliases() {
        return aliases;
    }

    /** Lower-cases {@code header} and drops every character that is not a letter or a digit. */
    static String normalise(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
