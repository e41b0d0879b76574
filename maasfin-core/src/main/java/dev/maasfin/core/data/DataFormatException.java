// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

/**
 * Thrown when a data file breaks a rule; names the file, the 1-based line, the column and the
 * offending value.
 *
 * <p>The message reads {@code "<file>: line <n>, column '<name>': value '<text>' <rule>"}; parts
 * that do not apply (a file-level problem has no column or value) are left out. Lines are counted
 * from 1 at the first line of the file, the header being line 1. Thread-safe: immutable.
 */
public final class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String value;
    private final String rule;

    /**
     * Creates the exception and its message.
     *
     * @param file the file (or source) name
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param column the column name, or {@code null}
     * @param value the offending text, or {@code null}
     * @param rule what is wrong, e.g. "is not a number"
     */
    public DataFormatException(String file, long line, String column, String value, String rule) {
        super(format(file, line, column, value, rule));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.rule = rule;
    }

    private static String format(String file, long line, String column, String value, String rule) {
        StringBuilder b = new StringBuilder(file);
        String sep = ": ";
        if (line > 0) {
            b.append(sep).append("line ").append(line);
            sep = ", ";
        }
        if (column != null) {
            b.append(sep).append("column '").append(column).append('\'');
            sep = ", ";
        }
        if (value != null) {
            b.append(sep).append("value '").append(value).append('\'');
        }
        return b.append(' ').append(rule).toString();
    }

    /** Returns the file or source name. */
    public String file() {
        return file;
    }

    /** Returns the 1-based line number, or 0 for a file-level problem. */
    public long line() {
        return line;
    }

    /** Returns the column name, or {@code null} when the problem is not about one column. */
    public String column() {
        return column;
    }

    /** Returns the broken rule, e.g. "is not a number". */
    public String rule() {
        return rule;
    }

    /** Returns the offending value and the broken rule without file and line, for a report. */
    public String reason() {
        return (column == null ? "" : "column '" + column + "': ")
                + (value == null ? "" : "value '" + value + "' ")
                + rule;
    }

    /** Returns the offending text, or {@code null}. */
    public String value() {
        return value;
    }
}
