// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.util.Arrays;

/**
 * Growable primitive columns of bars being loaded, with the file line of each bar. Capacity doubles
 * when full, so adding a bar is amortised O(1) and allocates nothing per bar. Not thread-safe.
 */
final class BarBuffer {
    long[] times;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    double[] volume;
    double[] adjClose;
    long[] lines;
    int size;

    BarBuffer(int capacity) {
        times = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        volume = new double[capacity];
        adjClose = new double[capacity];
        lines = new long[capacity];
    }

    void add(long t, double o, double h, double l, double c, double v, double adj, long line) {
        if (size == times.length) {
            grow(Math.max(16, size * 2));
        }
        times[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        adjClose[size] = adj;
        lines[size] = line;
        size++;
    }

    private void grow(int capacity) {
        times = Arrays.copyOf(times, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        adjClose = Arrays.copyOf(adjClose, capacity);
        lines = Arrays.copyOf(lines, capacity);
    }

    /** Reorders and shrinks every column to {@code order}: new row k is old row order[k]. */
    void select(int[] order) {
        times = pick(times, order);
        open = pick(open, order);
        high = pick(high, order);
        low = pick(low, order);
        close = pick(close, order);
        volume = pick(volume, order);
        adjClose = pick(adjClose, order);
        lines = pick(lines, order);
        size = order.length;
    }

    private static double[] pick(double[] a, int[] order) {
        double[] out = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }

    private static long[] pick(long[] a, int[] order) {
        long[] out = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }

    /** Returns row indices 0..size-1 stably sorted by time (merge sort, no boxing). */
    int[] stableOrderByTime() {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        mergeSort(idx, new int[size], 0, size);
        return idx;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = times[a[j]] < times[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    static double[] trim(double[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    static long[] trim(long[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }
}
