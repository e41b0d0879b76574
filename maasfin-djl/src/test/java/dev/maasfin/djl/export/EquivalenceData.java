// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.export;

import dev.maasfin.core.data.BarCsvLoader;
import dev.maasfin.core.eval.VolatilityTask;
import dev.maasfin.djl.testutil.TestData;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Real inputs for the equivalence tests: z-scored fraud rows and z-scored S&amp;P 500 volatility
 * windows. Z-scores use the mean and population sd of all rows (fraud) or of the protocol's
 * training part (S&amp;P 500), so the inputs span the range a trained model sees and beyond.
 */
final class EquivalenceData {
    static final int FRAUD_WIDTH = 30;
    static final int VOL_FEATURES = 4;
    static final int VOL_WINDOW = 60;

    private EquivalenceData() {}

    /** All rows of creditcard_subset.csv, columns Time..Amount (30), z-scored, row after row. */
    static float[] fraudRows() throws IOException {
        List<CSVRecord> rows = TestData.csv("creditcard-fraud/creditcard_subset.csv");
        double[][] x = new double[rows.size()][FRAUD_WIDTH];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < FRAUD_WIDTH; j++) {
                x[i][j] = Double.parseDouble(rows.get(i).get(j));
            }
        }
        return zScored(x);
    }

    /**
     * Every {@code stride}-th 60-step window of the protocol's features r, |r|, rv5, rv20 (per
     * origin), z-scored; window after window, time-major.
     */
    static float[] volatilityWindows(int stride) throws IOException {
        VolatilityTask task =
                VolatilityTask.protocol(
                        BarCsvLoader.defaults().load(TestData.require("spx-daily/spx.csv")));
        double[][] cols = {task.originReturns(), task.absReturns(), task.rv5(), task.rv20()};
        int n = cols[0].length;
        double[][] x = new double[n][VOL_FEATURES];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < VOL_FEATURES; f++) {
                x[i][f] = cols[f][i];
            }
        }
        float[] z = zScored(x);
        int windows = (n - VOL_WINDOW) / stride + 1;
        float[] out = new float[windows * VOL_WINDOW * VOL_FEATURES];
        int size = VOL_WINDOW * VOL_FEATURES;
        for (int w = 0; w < windows; w++) {
            System.arraycopy(z, w * stride * VOL_FEATURES, out, w * size, size);
        }
        return out;
    }

    private static float[] zScored(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        float[] z = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i * d + j] = (float) ((x[i][j] - mean[j]) / Math.sqrt(sd[j]));
            }
        }
        return z;
    }
}
