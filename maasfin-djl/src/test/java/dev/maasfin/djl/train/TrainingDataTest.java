// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.window.WindowedDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

    /** Reference case 9: x = 3.1 .. 4.5, lookback 4, horizon-1 targets: 5 pairs. */
    private static final double[] X = {3.1, 3.4, 3.3, 3.8, 4.0, 3.9, 4.4, 4.6, 4.5};

    private static final class Case9Windows implements WindowedDataset {
        @Override
        public int size() {
            return 5;
        }

        @Override
        public int window() {
            return 4;
        }

        @Override
        public int features() {
            return 1;
        }

        @Override
        public int labelWidth() {
            return 1;
        }

        @Override
        public int end(int i) {
            return i + 3;
        }

        @Override
        public long endTime(int i) {
            return i + 3;
        }

        @Override
        public double value(int i, int t, int f) {
            return X[i + t];
        }

        @Override
        public double label(int i, int j) {
            return X[i + 4 + j];
        }

        @Override
        public List<String> featureNames() {
            return List.of("x");
        }
    }

    @Test
    void fromWindows_case9_copiesWindowsTimeMajorAndNextValueLabels() {
        TrainingData d = TrainingData.fromWindows(new Case9Windows());
        int[] order = {0, 4};
        float[] x = new float[8];
        float[] y = new float[2];

        d.gather(order, 0, 2, x, y);

        assertEquals(5, d.size());
        assertArrayEquals(new int[] {4, 1}, d.sampleShape());
        // Case 9: [3.1,3.4,3.3,3.8] -> 4.0 and [4.0,3.9,4.4,4.6] -> 4.5.
        assertArrayEquals(new float[] {3.1f, 3.4f, 3.3f, 3.8f, 4.0f, 3.9f, 4.4f, 4.6f}, x);
        assertArrayEquals(new float[] {4.0f, 4.5f}, y);
    }

    @Test
    void of_withLabelCountNotMatchingSamples_namesBothCounts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainingData.of(new float[6], new int[] {3}, new float[3], 1));
        assertEquals("y length must be n * labelWidth = 2 * 1 but was 3", e.getMessage());
    }
}
