// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.patterns;

import dev.maasfin.core.feature.image.GramianAngularField;
import dev.maasfin.core.feature.image.MarkovTransitionField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The image encodings of a price window: Gramian angular summation (GASF) and difference (GADF)
 * fields and the Markov transition field (MTF, {@value #MTF_BINS} quantile bins), each computed
 * from the window alone (no fitted state, so no information crosses windows).
 *
 * <p>Thread-safe: stateless.
 */
enum ImageEncoding {
    GASF,
    GADF,
    MTF;

    /** Quantile bins of the Markov transition field (pyts' default). */
    static final int MTF_BINS = 5;

    /** Returns the {@code size x size} image of one window, row-major. */
    double[] encode(double[] window, int size) {
        return switch (this) {
            case GASF -> GramianAngularField.summation(window, size);
            case GADF -> GramianAngularField.difference(window, size);
            case MTF -> MarkovTransitionField.compute(window, MTF_BINS, size);
        };
    }

    /**
     * Parses a comma-separated list such as {@code gasf} or {@code gasf,mtf}; each entry becomes
     * one image channel.
     *
     * @throws IllegalArgumentException naming the unknown or repeated entry
     */
    static List<ImageEncoding> parseList(String text) {
        List<ImageEncoding> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            ImageEncoding e = parse(part.strip());
            if (list.contains(e)) {
                throw new IllegalArgumentException(
                        "encoding '" + part.strip() + "' is listed twice in '" + text + "'");
            }
            list.add(e);
        }
        return list;
    }

    private static ImageEncoding parse(String name) {
        for (ImageEncoding e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "encoding must be gasf, gadf or mtf (comma-separated to stack channels) but was '"
                        + name
                        + "'");
    }

    /** Returns the lower-case name used on the command line. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
