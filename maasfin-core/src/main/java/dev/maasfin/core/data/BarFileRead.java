// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import dev.maasfin.api.data.BarSeries;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** One load of a bar file: reads, checks or repairs, and builds the series. Not thread-safe. */
final class BarFileRead {
    private static final int ABSENT = -1;

    private final BarCsvLoader options;
    private final CsvRows rows;
    private final String seriesName;
    private final String source;
    private final String[] header;
    private final int[] col = new int[BarColumn.values().length];
    private final BarBuffer bars = new BarBuffer(1024);
    private final List<Repair> repairs = new ArrayList<>();
    private final boolean strict;
    private TimeParser timeParser;
    private String previousTimeText;
    private int rowsRead;

    BarFileRead(BarCsvLoader options, CsvRows rows, String seriesName) {
        this.options = options;
        this.rows = rows;
        this.seriesName = seriesName;
        this.source = rows.source();
        this.header = rows.header();
        this.strict = options.mode() == LoadMode.STRICT;
        if (options.timeFormat() != TimeFormat.AUTO) {
            timeParser = new TimeParser(options.timeFormat(), options.zone());
        }
    }

    LoadResult<BarSeries> run() {
        resolveColumns();
        while (rows.next()) {
            rowsRead++;
            readRow(rows.record(), rows.line());
        }
        requireRows();
        if (!strict) {
            sortAndDropDuplicates();
        }
        int zeroAsMissing = applyZeroVolumePolicy();
        BarSeries series = buildSeries();
        LoadReport report =
                new LoadReport(source, options.mode(), rowsRead, bars.size, zeroAsMissing, repairs);
        return new LoadResult<>(series, report);
    }

    private void resolveColumns() {
        rejectDuplicateHeaders();
        List<String> missing = new ArrayList<>();
        for (BarColumn c : BarColumn.values()) {
            col[c.ordinal()] = findColumn(c);
            boolean needed = c.isRequired() || (c == BarColumn.ADJ_CLOSE && adjusted());
            if (needed && col[c.ordinal()] == ABSENT) {
                missing.add(displayName(c));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    source,
                    rows.headerLine(),
                    null,
                    null,
                    "is missing required column(s) "
                            + missing
                            + "; found headers "
                            + Arrays.toString(header));
        }
    }

    /** Two headers equal after normalisation would make the column choice silent; rejects them. */
    private void rejectDuplicateHeaders() {
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            String key = BarColumn.normalise(h);
            if (!key.isEmpty() && !seen.add(key)) {
                throw new DataFormatException(
                        source,
                        rows.headerLine(),
                        h,
                        null,
                        "appears twice in the header " + Arrays.toString(header));
            }
        }
    }

    private int findColumn(BarColumn c) {
        String override = options.headerOverrides().get(c);
        List<String> wanted =
                override != null ? List.of(BarColumn.normalise(override)) : c.aliases();
        for (String alias : wanted) {
            for (int i = 0; i < header.length; i++) {
                if (BarColumn.normalise(header[i]).equals(alias)) {
                    return i;
                }
            }
        }
        return ABSENT;
    }

    private String displayName(BarColumn c) {
        String override = options.headerOverrides().get(c);
        return override != null
                ? override
                : c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private boolean adjusted() {
        return options.priceBasis() == PriceBasis.ADJUSTED;
    }

    private void readRow(CSVRecord r, long line) {
        try {
            parseRow(r, line);
        } catch (DataFormatException e) {
            if (strict) {
                throw e;
            }
            repairs.add(new Repair(line, e.column(), Repair.Action.DROPPED_ROW, e.reason()));
        }
    }

    private void parseRow(CSVRecord r, long line) {
        if (r.size() != header.length) {
            throw new DataFormatException(
                    source,
                    line,
                    null,
                    null,
                    "has " + r.size() + " fields but the header has " + header.length);
        }
        long t = parseTime(r, line);
        double o = price(r, line, BarColumn.OPEN);
        double h = price(r, line, BarColumn.HIGH);
        double l = price(r, line, BarColumn.LOW);
        double c = price(r, line, BarColumn.CLOSE);
        checkRange(r, line, o, h, l, c);
        double v = volume(r, line);
        double adj =
                col[BarColumn.ADJ_CLOSE.ordinal()] == ABSENT
                        ? Double.NaN
                        : price(r, line, BarColumn.ADJ_CLOSE);
        if (strict) {
            checkOrder(r, line, t);
        }
        bars.add(t, o, h, l, c, v, adj, line);
    }

    private long parseTime(CSVRecord r, long line) {
        int i = col[BarColumn.TIME.ordinal()];
        String text = r.get(i);
        if (timeParser == null) {
            TimeFormat detected = TimeParser.detect(text);
            if (detected == null) {
                throw error(
                        line,
                        i,
                        text,
                        "is not a recognised time (ISO date, M/D/YYYY, ISO date-time with or"
                                + " without zone, epoch seconds or millis); force one with"
                                + " optTimeFormat");
            }
            timeParser = new TimeParser(detected, options.zone());
        }
        try {
            return timeParser.parse(text);
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw error(
                    line,
                    i,
                    text,
                    "is not a time in format " + timeParser.format() + " (" + e.getMessage() + ")");
        }
    }

    private void checkOrder(CSVRecord r, long line, long t) {
        if (bars.size > 0 && t <= bars.times[bars.size - 1]) {
            int i = col[BarColumn.TIME.ordinal()];
            String what = t == bars.times[bars.size - 1] ? "duplicates" : "is before";
            throw error(
                    line,
                    i,
                    r.get(i),
                    what
                            + " the previous row's time '"
                            + previousTimeText
                            + "' (line "
                            + bars.lines[bars.size - 1]
                            + "); times must be strictly increasing");
        }
        previousTimeText = r.get(col[BarColumn.TIME.ordinal()]);
    }

    private double price(CSVRecord r, long line, BarColumn c) {
        int i = col[c.ordinal()];
        String text = r.get(i);
        double x = number(text, line, i);
        if (Double.isNaN(x)) {
            throw error(line, i, text, "is empty; a price is required");
        }
        if (x <= 0) {
            throw error(line, i, text, "must be > 0");
        }
        return x;
    }

    private double volume(CSVRecord r, long line) {
        int i = col[BarColumn.VOLUME.ordinal()];
        if (i == ABSENT) {
            return Double.NaN;
        }
        String text = r.get(i);
        double v = number(text, line, i);
        if (v < 0) {
            throw error(line, i, text, "must be >= 0");
        }
        return v;
    }

    /** Parses a finite number; an empty field gives NaN, which callers treat as missing. */
    private double number(String text, long line, int i) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(line, i, text, "is not a number");
        }
        if (!Double.isFinite(x)) {
            throw error(line, i, text, "is not finite (NaN and infinity are not allowed)");
        }
        return x;
    }

    private void checkRange(CSVRecord r, long line, double o, double h, double l, double c) {
        if (h < l) {
            int i = col[BarColumn.HIGH.ordinal()];
            throw error(line, i, r.get(i), "is below low " + r.get(col[BarColumn.LOW.ordinal()]));
        }
        String range =
                "["
                        + r.get(col[BarColumn.LOW.ordinal()])
                        + ", "
                        + r.get(col[BarColumn.HIGH.ordinal()])
                        + "]";
        if (o < l || o > h) {
            int i = col[BarColumn.OPEN.ordinal()];
            throw error(line, i, r.get(i), "lies outside [low, high] = " + range);
        }
        if (c < l || c > h) {
            int i = col[BarColumn.CLOSE.ordinal()];
            throw error(line, i, r.get(i), "lies outside [low, high] = " + range);
        }
    }

    private DataFormatException error(long line, int column, String value, String rule) {
        return new DataFormatException(source, line, header[column], value, rule);
    }

    private void requireRows() {
        if (bars.size == 0) {
            String why =
                    rowsRead == 0
                            ? "has no data rows (only a header)"
                            : "has no valid data rows: all " + rowsRead + " were dropped";
            throw new DataFormatException(source, 0, null, null, why);
        }
    }

    private void sortAndDropDuplicates() {
        String timeHeader = header[col[BarColumn.TIME.ordinal()]];
        reportOutOfOrder(timeHeader);
        int[] order = bars.stableOrderByTime();
        int[] keep = new int[order.length];
        int kept = 0;
        for (int k = 0; k < order.length; k++) {
            int row = order[k];
            boolean laterTwin = k + 1 < order.length && bars.times[order[k + 1]] == bars.times[row];
            if (laterTwin) {
                repairs.add(
                        new Repair(
                                bars.lines[row],
                                timeHeader,
                                Repair.Action.DROPPED_DUPLICATE,
                                "time "
                                        + Instant.ofEpochMilli(bars.times[row])
                                        + " repeats on line "
                                        + bars.lines[order[k + 1]]
                                        + "; the last row for a time is kept"));
            } else {
                keep[kept++] = row;
            }
        }
        if (kept != order.length || !isIdentity(order)) {
            bars.select(Arrays.copyOf(keep, kept));
        }
    }

    private void reportOutOfOrder(String timeHeader) {
        for (int i = 1; i < bars.size; i++) {
            if (bars.times[i] < bars.times[i - 1]) {
                repairs.add(
                        new Repair(
                                bars.lines[i],
                                timeHeader,
                                Repair.Action.REORDERED,
                                "time "
                                        + Instant.ofEpochMilli(bars.times[i])
                                        + " is before line "
                                        + bars.lines[i - 1]
                                        + "'s time "
                                        + Instant.ofEpochMilli(bars.times[i - 1])
                                        + "; rows were sorted by time"));
            }
        }
    }

    private static boolean isIdentity(int[] order) {
        for (int k = 0; k < order.length; k++) {
            if (order[k] != k) {
                return false;
            }
        }
        return true;
    }

    private int applyZeroVolumePolicy() {
        ZeroVolume policy = options.zeroVolume();
        if (policy == ZeroVolume.AS_ZERO) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < bars.size; i++) {
            double v = bars.volume[i];
            if (v == 0) {
                bars.volume[i] = Double.NaN;
                count++;
            } else if (policy == ZeroVolume.LEADING_AS_MISSING && !Double.isNaN(v)) {
                break;
            }
        }
        return count;
    }

    private BarSeries buildSeries() {
        int n = bars.size;
        double[] o = BarBuffer.trim(bars.open, n);
        double[] h = BarBuffer.trim(bars.high, n);
        double[] l = BarBuffer.trim(bars.low, n);
        double[] c = BarBuffer.trim(bars.close, n);
        boolean hasAdj = col[BarColumn.ADJ_CLOSE.ordinal()] != ABSENT;
        double[] adj = hasAdj ? BarBuffer.trim(bars.adjClose, n) : null;
        if (adjusted()) {
            adjust(o, h, l, c, adj);
        }
        return new BarSeries(
                seriesName,
                options.zone(),
                BarBuffer.trim(bars.times, n),
                o,
                h,
                l,
                c,
                BarBuffer.trim(bars.volume, n),
                adj);
    }

    /** Scales open, high and low by adjClose/close; close becomes adjClose exactly. */
    private static void adjust(double[] o, double[] h, double[] l, double[] c, double[] adj) {
        for (int i = 0; i < c.length; i++) {
            double ratio = adj[i] / c[i];
            double newClose = adj[i];
            double newOpen = o[i] * ratio;
            h[i] = Math.max(h[i] * ratio, Math.max(newOpen, newClose));
            l[i] = Math.min(l[i] * ratio, Math.min(newOpen, newClose));
            o[i] = newOpen;
            c[i] = newClose;
        }
    }
}
