// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line charts for the demos' reports (forecast against actual, ROC and PR curves, loss per
 * epoch), drawn with XChart in headless mode.
 *
 * <p>Each chart is written to a temporary file and moved into place. Thread-safe: stateless.
 */
public final class Plots {
    private Plots() {}

    /**
     * Draws named series of (x, y) points as lines and saves the chart as a PNG.
     *
     * @param file the {@code .png} file to write
     * @param title chart title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param series series name to {x values, y values}, in legend order
     * @throws IllegalArgumentException if a series' x and y lengths differ
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void lines(
            Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart =
                new XYChartBuilder()
                        .width(900)
                        .height(500)
                        .title(title)
                        .xAxisTitle(xLabel)
                        .yAxisTitle(yLabel)
                        .build();
        chart.getStyler().setMarkerSize(0);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] x = e.getValue()[0];
            double[] y = e.getValue()[1];
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "series "
                                + e.getKey()
                                + " has "
                                + x.length
                                + " x values and "
                                + y.length
                                + " y values");
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    private static void save(XYChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // a sibling name, not Files.createTempFile, so the plot gets the usual permissions
            Path tmp = file.toAbsolutePath().resolveSibling(".tmp-" + UUID.randomUUID() + ".png");
            try {
                BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
