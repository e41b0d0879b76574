// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The demo's PNG charts that {@link dev.maasfin.examples.report.Plots} does not draw: grouped bars
 * of the CNN against the majority baseline, and a strip of example input images.
 *
 * <p>Each file is written to a temporary sibling and moved into place. Thread-safe: stateless.
 */
final class PatternPlots {
    private static final int ZOOM = 6;
    private static final int GAP = 4;

    private PatternPlots() {}

    /**
     * Draws grouped bars: one group per category, one bar per series.
     *
     * @param categories group labels (e.g. accuracy, balanced accuracy, recall per class)
     * @param cnn the CNN's values, one per category
     * @param baseline the majority baseline's values, one per category
     */
    static void bars(
            Path file, String title, List<String> categories, double[] cnn, double[] baseline) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(900)
                        .height(500)
                        .title(title)
                        .xAxisTitle("figure on the test part")
                        .yAxisTitle("share")
                        .build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("CNN", categories, toList(cnn));
        chart.addSeries("majority class", categories, toList(baseline));
        write(
                file,
                tmp ->
                        BitmapEncoder.saveBitmap(
                                chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG));
    }

    /**
     * Draws square grey-scale images side by side, each scaled to its own min..max (black..white)
     * and enlarged {@value #ZOOM} times.
     *
     * @param images row-major {@code size x size} planes
     */
    static void imageStrip(Path file, List<float[]> images, int size) {
        int cell = size * ZOOM;
        BufferedImage strip =
                new BufferedImage(
                        images.size() * (cell + GAP) + GAP,
                        cell + 2 * GAP,
                        BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < images.size(); i++) {
            paint(strip, images.get(i), size, GAP + i * (cell + GAP), GAP);
        }
        write(file, tmp -> ImageIO.write(strip, "png", tmp.toFile()));
    }

    private static void paint(BufferedImage target, float[] image, int size, int x0, int y0) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : image) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float span = hi > lo ? hi - lo : 1;
        for (int r = 0; r < size * ZOOM; r++) {
            for (int c = 0; c < size * ZOOM; c++) {
                float v = (image[(r / ZOOM) * size + c / ZOOM] - lo) / span;
                int g = Math.round(255 * v);
                target.setRGB(x0 + c, y0 + r, (g << 16) | (g << 8) | g);
            }
        }
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(Double.isNaN(v) ? 0.0 : v);
        }
        return list;
    }

    private interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    private static void write(Path file, Writer writer) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // a sibling name, not Files.createTempFile, so the plot gets the usual permissions
            Path tmp = dir.resolve(".tmp-" + UUID.randomUUID() + ".png");
            try {
                writer.writeTo(tmp);
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
