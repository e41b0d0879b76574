// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/** The order in which a flatten layer lays out a {@code [T, C]} sequence as one vector. */
public enum FlattenOrder {
    /**
     * Channel after channel: element {@code (t, c)} goes to index {@code c·T + t}. This is what
     * {@code torch.flatten} gives on a PyTorch Conv1d output of shape {@code [N, C, T]}, so use it
     * after convolution and pooling layers exported from PyTorch or DJL.
     */
    CHANNEL_MAJOR,
    /**
     * Time step after time step: element {@code (t, c)} goes to index {@code t·C + c}. This is what
     * {@code torch.flatten} gives on a batch-first recurrent output of shape {@code [N, T, H]}.
     */
    TIME_MAJOR
}
