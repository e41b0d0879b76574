// SPDX-License-Identifier: Apache-2.0
/**
 * Loading DJL's PyTorch engine offline and without telemetry, and choosing the compute device.
 *
 * <p>{@link dev.maasfin.djl.engine.Engines} is the single entry point that every maasfin-djl class
 * calls before DJL's engine first loads; {@link dev.maasfin.djl.engine.DeviceSpec} turns a
 * configuration string ({@code cpu}, {@code gpu}, {@code gpu:N}, {@code auto}) into a device.
 */
package dev.maasfin.djl.engine;
