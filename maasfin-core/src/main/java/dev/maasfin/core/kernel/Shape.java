// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** The shape {@code [rows, cols]} of one sample between layers: time steps by channels. */
final class Shape {
    final int rows;
    final int cols;

    Shape(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    int size() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return "[" + rows + ", " + cols + "]";
    }
}
