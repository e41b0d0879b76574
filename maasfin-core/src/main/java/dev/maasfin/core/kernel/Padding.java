// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** Zero padding of a stride-1 one-dimensional convolution along the time axis. */
public enum Padding {
    /** No padding (PyTorch {@code padding=0}): output length is {@code T − k + 1}. */
    VALID,
    /**
     * Output length equals input length (PyTorch {@code padding='same'}): {@code k − 1} zeros in
     * total, {@code (k − 1) / 2} (rounded down) before the first step and the rest after the last.
     */
    SAME
}
