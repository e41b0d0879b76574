// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

import dev.maasfin.api.data.BarSeries;
import java.time.ZoneId;

/** Mutable OHLCV columns that kernels read; a window stream refills them on every bar. */
final class Bars {
    final long[] times;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final ZoneId zone;

    Bars(int capacity, ZoneId zone) {
        this.times = new long[capacity];
        this.open = new double[capacity];
        this.high = new double[capacity];
        this.low = new double[capacity];
        this.close = new double[capacity];
        this.volume = new double[capacity];
        this.zone = zone;
    }

    private Bars(BarSeries series) {
        this.times = series.epochMillis();
        this.open = series.opens();
        this.high = series.highs();
        this.low = series.lows();
        this.close = series.closes();
        this.volume = series.volumes();
        this.zone = series.zone();
    }

    static Bars of(BarSeries series) {
        return new Bars(series);
    }

    void set(int i, long time, double o, double h, double l, double c, double v) {
        times[i] = time;
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
    }

    void copyRow(Bars from, int src, int dst) {
        set(
                dst,
                from.times[src],
                from.open[src],
                from.high[src],
                from.low[src],
                from.close[src],
                from.volume[src]);
    }
}
