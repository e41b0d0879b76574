// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A feature stage that passes bar columns through and optionally adds the log return of the close,
 * {@code ln(close[t] / close[t-1])}, which is {@code NaN} at row 0 (warm-up 1).
 *
 * <p>Column names: {@code open, high, low, close, volume, log_return}. Thread-safe: immutable.
 */
final class BarColumnsStage implements FeatureStage {

    static final String TYPE = "bar-columns";
    static final Set<String> KNOWN = Set.of("open", "high", "low", "close", "volume", "log_return");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final int[] codes;

    BarColumnsStage(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a bar-columns stage needs at least one column");
        }
        this.columns = List.copyOf(columns);
        this.codes = new int[columns.size()];
        List<String> order = List.of("open", "high", "low", "close", "volume", "log_return");
        for (int c = 0; c < codes.length; c++) {
            codes[c] = order.indexOf(columns.get(c));
            if (codes[c] < 0) {
                throw new IllegalArgumentException(
                        "bar column must be one of " + order + " but was '" + columns.get(c) + "'");
            }
        }
    }

    static BarColumnsStage fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<String> cols = new ArrayList<>();
            root.path("columns").forEach(n -> cols.add(n.asText()));
            return new BarColumnsStage(cols);
        } catch (IOException e) {
            throw new IllegalArgumentException(TYPE + " JSON is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> columnNames() {
        return columns;
    }

    @Override
    public int warmUp() {
        for (int code : codes) {
            if (code == 5) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    public Frame compute(BarSeries bars) {
        Objects.requireNonNull(bars, "bars");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < codes.length; c++) {
            out.put(columns.get(c), column(bars, codes[c]));
        }
        return Frame.of(bars.epochMillis(), out);
    }

    private static double[] column(BarSeries bars, int code) {
        switch (code) {
            case 0:
                return bars.opens();
            case 1:
                return bars.highs();
            case 2:
                return bars.lows();
            case 3:
                return bars.closes();
            case 4:
                return bars.volumes();
            default:
                double[] close = bars.closes();
                double[] r = new double[close.length];
                for (int t = 0; t < r.length; t++) {
                    r[t] = t == 0 ? Double.NaN : Math.log(close[t] / close[t - 1]);
                }
                return r;
        }
    }

    @Override
    public Streaming streaming(ZoneId zone) {
        return new Stream();
    }

    @Override
    public String toJson() {
        return JSON.createObjectNode().set("columns", JSON.valueToTree(columns)).toString();
    }

    @Override
    public String toString() {
        return TYPE + columns;
    }

    private final class Stream implements Streaming {
        private double previousClose = Double.NaN;
        private long lastTime = Long.MIN_VALUE;
        private long count;

        @Override
        public void update(
                long t,
                double open,
                double high,
                double low,
                double close,
                double volume,
                double[] row) {
            StreamingBars.check(count, t, lastTime, close);
            for (int c = 0; c < codes.length; c++) {
                row[c] = value(codes[c], open, high, low, close, volume);
            }
            previousClose = close;
            lastTime = t;
            count++;
        }

        private double value(int code, double o, double h, double l, double c, double v) {
            switch (code) {
                case 0:
                    return o;
                case 1:
                    return h;
                case 2:
                    return l;
                case 3:
                    return c;
                case 4:
                    return v;
                default:
                    return Math.log(c / previousClose);
            }
        }
    }
}
