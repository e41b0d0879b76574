// SPDX-License-Identifier: Apache-2.0
/**
 * Export of trained DJL models to maasfin's pure-Java inference kernels ({@link
 * dev.maasfin.core.kernel.SequentialKernel}), so a scoring host can run them with no native
 * library: {@link dev.maasfin.djl.export.KernelExporter}.
 */
package dev.maasfin.djl.export;
