// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

/** How a real-valued hyper-parameter is sampled between its bounds. Thread-safe: an enum. */
public enum Scale {
    /** Uniform in {@code [lo, hi)}. */
    LINEAR,
    /**
     * Log-uniform: {@code exp(U)} with {@code U} uniform in {@code [ln lo, ln hi)}, so every decade
     * between the bounds is equally likely (the usual choice for learning rates); needs {@code lo >
     * 0}.
     */
    LOG
}
