// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import dev.maasfin.api.data.BarSeries;
import dev.maasfin.api.data.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SHA-256 fingerprint of training data, recorded in a pipeline's metadata so a model can be
 * traced to the exact data it was fitted on.
 *
 * <p>Definition (version 1) for a {@link Frame}: SHA-256 over, in order,
 *
 * <ol>
 *   <li>the ASCII bytes of {@code maasfin-frame-v1\n};
 *   <li>the column count as a 4-byte little-endian int and the row count as an 8-byte little-endian
 *       long;
 *   <li>each column name in order as UTF-8 followed by one {@code \n} byte;
 *   <li>one byte {@code 1} followed by each row time (epoch milliseconds) as an 8-byte
 *       little-endian long if the frame is time-indexed, else one byte {@code 0};
 *   <li>column by column, each value as the 8-byte little-endian {@link Double#doubleToLongBits}
 *       (so every NaN hashes alike).
 * </ol>
 *
 * <p>A {@link BarSeries} is fingerprinted as the time-indexed frame of its columns {@code open,
 * high, low, close, volume} (the series name and zone are not included). Thread-safe: stateless.
 */
public final class DataFingerprint {

    /** The header that starts the hashed bytes. */
    public static final String HEADER = "maasfin-frame-v1\n";

    private DataFingerprint() {}

    /**
     * Returns the lower-case hex SHA-256 fingerprint of a frame (definition above).
     *
     * @param frame the training data
     * @return 64 hex characters
     */
    public static String of(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        MessageDigest md = sha256();
        md.update(HEADER.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(8 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(frame.columnCount()).putLong(frame.rows());
        flush(md, b);
        for (String name : frame.columnNames()) {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        long[] times = frame.epochMillis().orElse(null);
        md.update((byte) (times == null ? 0 : 1));
        if (times != null) {
            for (long t : times) {
                putLong(md, b, t);
            }
        }
        for (int c = 0; c < frame.columnCount(); c++) {
            for (double v : frame.column(c)) {
                putLong(md, b, Double.doubleToLongBits(v));
            }
        }
        flush(md, b);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Returns the fingerprint of a bar series: that of the time-indexed frame {@code open, high,
     * low, close, volume}.
     *
     * @param bars the training bars
     * @return 64 hex characters
     */
    public static String of(BarSeries bars) {
        Objects.requireNonNull(bars, "bars");
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("open", bars.opens());
        cols.put("high", bars.highs());
        cols.put("low", bars.lows());
        cols.put("close", bars.closes());
        cols.put("volume", bars.volumes());
        return of(Frame.of(bars.epochMillis(), cols));
    }

    private static void putLong(MessageDigest md, ByteBuffer b, long v) {
        if (b.remaining() < Long.BYTES) {
            flush(md, b);
        }
        b.putLong(v);
    }

    private static void flush(MessageDigest md, ByteBuffer b) {
        b.flip();
        md.update(b);
        b.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
