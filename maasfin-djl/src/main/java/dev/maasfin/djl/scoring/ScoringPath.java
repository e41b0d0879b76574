// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.scoring;

/**
 * Which forward pass a {@link Scorer} uses for the model call: DJL's native network or the
 * pure-Java kernel exported from it ({@link dev.maasfin.djl.export.KernelExporter}).
 *
 * <p>Features, transforms and schema checks are the same on both paths; predictions agree to 1e-5
 * relative. The kernel path runs on the calling thread with no JNI call and, once warmed up, no
 * allocation inside the model call; the DJL path serves every architecture and GPU hosts.
 */
public enum ScoringPath {
    /**
     * The kernel when the version's architecture has one and its network sits on the CPU, else DJL;
     * decided again for every version loaded.
     */
    AUTO,
    /** Always the pure-Java kernel; a version whose architecture has none is refused. */
    KERNEL,
    /** Always DJL's network, on the device the network was loaded on. */
    DJL
}
