// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/**
 * What a kernel does with a NaN or infinite input value.
 *
 * <p>The check is fused with the copy of the input into the kernel's scratch space, so it costs one
 * comparison per input float.
 */
public enum NonFiniteInput {
    /**
     * Throw an {@link IllegalArgumentException} naming the first offending index and its value (the
     * default: a trading host would rather refuse a quote than act on a NaN score).
     */
    REJECT,
    /** Compute anyway; NaN or infinity then spreads into the output as IEEE 754 arithmetic says. */
    PROPAGATE
}
