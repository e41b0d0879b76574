// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

/**
 * Description of the loaded DJL engine.
 *
 * <p>Thread-safe: immutable.
 *
 * @param engineName DJL's engine name, e.g. {@code PyTorch}
 * @param engineVersion the native library version, e.g. {@code 2.7.1}
 * @param djlVersion DJL's version, e.g. {@code 0.36.0}
 * @param gpuCount number of GPUs the engine can use (0 on a CPU-only host or with CPU natives)
 */
public record EngineInfo(
        String engineName, String engineVersion, String djlVersion, int gpuCount) {}
